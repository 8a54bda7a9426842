#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using Capteur.Node.Config;

namespace Capteur.Node.Tests.Config
{
    [TestClass]
    public class BoardProfileConsoleTests
    {
        private static NodeConfig Node(string board)
        {
            NodeConfig config = NodeConfig.CreateDefault();
            Assert.IsNull(config.TrySet("mqtt.host", "broker.lan"));
            Assert.IsNull(config.TrySet("node.board", board));
            return config;
        }

        private static void AddContact(NodeConfig config, string pin)
        {
            Assert.IsNull(config.TrySet("sensor1.kind", "digital"));
            Assert.IsNull(config.TrySet("sensor1.name", "door"));
            Assert.IsNull(config.TrySet("sensor1.pin", pin));
        }

        [TestMethod]
        public void The_console_pins_default_to_minus_one_meaning_the_boards_own()
        {
            NodeConfig config = NodeConfig.CreateDefault();
            Assert.AreEqual(-1, config.GetInt("console.rx_pin"));
            Assert.AreEqual(-1, config.GetInt("console.tx_pin"));
            Assert.AreEqual("Serial console (COM2) RX GPIO, wired to the USB-TTL adapter's TX; -1 for the board's own, e.g. 16 on esp32-devkitc",
                ConfigSchema.Find("console.rx_pin").Help);
            Assert.AreEqual("Serial console (COM2) TX GPIO, wired to the USB-TTL adapter's RX; -1 for the board's own, e.g. 17 on esp32-devkitc",
                ConfigSchema.Find("console.tx_pin").Help);
        }

        [TestMethod]
        [DataRow("console.rx_pin", "49", "console.rx_pin: 49 is out of range (-1 for the board's default, or 0..48)")]
        [DataRow("console.tx_pin", "-2", "console.tx_pin: -2 is out of range (-1 for the board's default, or 0..48)")]
        [DataRow("console.tx_pin", "TX", "console.tx_pin: \"TX\" is not a whole number (-1 for the board's default, or 0..48)")]
        public void A_console_pin_outside_the_key_range_is_refused_on_set(string key, string value, string message)
        {
            Assert.AreEqual(message, NodeConfig.CreateDefault().TrySet(key, value));
        }

        [TestMethod]
        [DataRow("esp32-devkitc")]
        [DataRow("esp32-wrover")]
        [DataRow("esp32-s3-devkitc-1")]
        [DataRow("esp32-c3-devkitm-1")]
        public void Every_board_runs_with_the_console_on_its_default_pins(string board)
        {
            Assert.AreEqual(0, Node(board).Validate().Length);
        }

        [TestMethod]
        [DataRow("esp32-devkitc", "-1", "-1", 16, 17)]
        [DataRow("esp32-wrover", "-1", "-1", 26, 27)]
        [DataRow("esp32-s3-devkitc-1", "-1", "-1", 18, 17)]
        [DataRow("esp32-c3-devkitm-1", "-1", "-1", 6, 7)]
        [DataRow("esp32-wrover", "25", "-1", 25, 27)]
        [DataRow("esp32-devkitc", "-1", "33", 16, 33)]
        public void The_console_pins_the_firmware_opens_are_the_keys_or_the_boards_defaults(string board, string rx, string tx, int rxPin, int txPin)
        {
            NodeConfig config = Node(board);
            Assert.IsNull(config.TrySet("console.rx_pin", rx));
            Assert.IsNull(config.TrySet("console.tx_pin", tx));
            Assert.AreEqual(board, BoardProfiles.Of(config).Name);
            Assert.AreEqual(rxPin, BoardProfiles.ConsoleRxPin(config));
            Assert.AreEqual(txPin, BoardProfiles.ConsoleTxPin(config));
        }

        [TestMethod]
        public void The_WROVER_refuses_the_console_on_GPIO_16_and_17_because_they_run_the_PSRAM()
        {
            NodeConfig config = Node("esp32-wrover");
            Assert.IsNull(config.TrySet("console.rx_pin", "16"));
            Assert.IsNull(config.TrySet("console.tx_pin", "17"));
            string[] problems = config.Validate();
            Assert.AreEqual(2, problems.Length);
            Assert.AreEqual("console.rx_pin: GPIO 16 runs the PSRAM on node.board=esp32-wrover (choose another pin, or -1 for the board's default, GPIO 26)", problems[0]);
            Assert.AreEqual("console.tx_pin: GPIO 17 runs the PSRAM on node.board=esp32-wrover (choose another pin, or -1 for the board's default, GPIO 27)", problems[1]);
        }

        [TestMethod]
        public void The_DevKitC_accepts_the_console_on_GPIO_16_and_17()
        {
            NodeConfig config = Node("esp32-devkitc");
            Assert.IsNull(config.TrySet("console.rx_pin", "16"));
            Assert.IsNull(config.TrySet("console.tx_pin", "17"));
            Assert.AreEqual(0, config.Validate().Length);
        }

        [TestMethod]
        [DataRow("esp32-devkitc", "console.rx_pin", "6", "runs the SPI flash", "16")]
        [DataRow("esp32-devkitc", "console.tx_pin", "1", "is UART0 TX, the link of nanoFramework's debugger (COM1)", "17")]
        [DataRow("esp32-s3-devkitc-1", "console.tx_pin", "19", "is USB D-, the native USB port the ESP32_S3 image enables", "17")]
        [DataRow("esp32-s3-devkitc-1", "console.rx_pin", "44", "is UART0 RX, wired to the board's USB-UART bridge", "18")]
        [DataRow("esp32-c3-devkitm-1", "console.rx_pin", "20", "is UART0 RX, the link of nanoFramework's debugger (COM1)", "6")]
        [DataRow("esp32-c3-devkitm-1", "console.tx_pin", "14", "runs the SPI flash", "7")]
        public void A_console_pin_the_board_keeps_is_refused_with_the_default_to_use(string board, string key, string pin, string why, string fallback)
        {
            NodeConfig config = Node(board);
            Assert.IsNull(config.TrySet(key, pin));
            string[] problems = config.Validate();
            Assert.AreEqual(1, problems.Length);
            Assert.AreEqual(key + ": GPIO " + pin + " " + why + " on node.board=" + board
                + " (choose another pin, or -1 for the board's default, GPIO " + fallback + ")", problems[0]);
        }

        [TestMethod]
        public void The_console_TX_on_an_input_only_pin_is_refused()
        {
            NodeConfig config = Node("esp32-devkitc");
            Assert.IsNull(config.TrySet("console.tx_pin", "35"));
            string[] problems = config.Validate();
            Assert.AreEqual(1, problems.Length);
            Assert.AreEqual("console.tx_pin: GPIO 35 is input-only on node.board=esp32-devkitc, and the console's TX must drive the line "
                + "(choose another pin, or -1 for the board's default, GPIO 17)", problems[0]);
        }

        [TestMethod]
        public void The_console_RX_on_an_input_only_pin_is_accepted()
        {
            NodeConfig config = Node("esp32-devkitc");
            Assert.IsNull(config.TrySet("console.rx_pin", "35"));
            Assert.AreEqual(0, config.Validate().Length);
        }

        [TestMethod]
        [DataRow("4", "4")]
        [DataRow("-1", "16")]
        public void RX_and_TX_on_one_pin_are_refused(string rx, string tx)
        {
            NodeConfig config = Node("esp32-devkitc");
            Assert.IsNull(config.TrySet("console.rx_pin", rx));
            Assert.IsNull(config.TrySet("console.tx_pin", tx));
            string[] problems = config.Validate();
            Assert.AreEqual(1, problems.Length);
            Assert.AreEqual("console.rx_pin and console.tx_pin: both are GPIO " + tx + " (give RX and TX their own pins)", problems[0]);
        }

        [TestMethod]
        [DataRow("esp32-devkitc", "16", "console.rx_pin", "RX")]
        [DataRow("esp32-devkitc", "17", "console.tx_pin", "TX")]
        [DataRow("esp32-wrover", "26", "console.rx_pin", "RX")]
        [DataRow("esp32-c3-devkitm-1", "7", "console.tx_pin", "TX")]
        public void A_sensor_on_a_default_console_pin_is_refused(string board, string pin, string key, string role)
        {
            NodeConfig config = Node(board);
            AddContact(config, pin);
            string[] problems = config.Validate();
            Assert.AreEqual(1, problems.Length);
            Assert.AreEqual("sensor1.pin and " + key + ": both are GPIO " + pin + ", the console's default " + role + " on node.board=" + board
                + " (give the sensor another pin, or set " + key + ")", problems[0]);
        }

        [TestMethod]
        public void A_sensor_on_a_console_pin_set_by_hand_is_refused()
        {
            NodeConfig config = Node("esp32-devkitc");
            Assert.IsNull(config.TrySet("console.tx_pin", "4"));
            AddContact(config, "4");
            string[] problems = config.Validate();
            Assert.AreEqual(1, problems.Length);
            Assert.AreEqual("sensor1.pin and console.tx_pin: both are GPIO 4 (give the sensor another pin, or move the console)", problems[0]);
        }

        [TestMethod]
        public void Moving_the_console_frees_its_default_pin_for_a_sensor()
        {
            NodeConfig config = Node("esp32-devkitc");
            Assert.IsNull(config.TrySet("console.rx_pin", "18"));
            AddContact(config, "16");
            Assert.AreEqual(0, config.Validate().Length);
        }

        [TestMethod]
        public void The_default_console_pins_follow_node_board()
        {
            NodeConfig config = Node("esp32-devkitc");
            AddContact(config, "26");
            Assert.AreEqual(0, config.Validate().Length);
            Assert.IsNull(config.TrySet("node.board", "esp32-wrover"));
            string[] problems = config.Validate();
            Assert.AreEqual(1, problems.Length);
            Assert.AreEqual("sensor1.pin and console.rx_pin: both are GPIO 26, the console's default RX on node.board=esp32-wrover "
                + "(give the sensor another pin, or set console.rx_pin)", problems[0]);
        }
    }
}
