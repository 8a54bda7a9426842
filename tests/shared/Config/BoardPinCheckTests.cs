#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using Capteur.Node.Config;

namespace Capteur.Node.Tests.Config
{
    [TestClass]
    public class BoardPinCheckTests
    {
        private static string[] Check(string board, string kind, string pin)
        {
            NodeConfig config = NodeConfig.CreateDefault();
            Assert.IsNull(config.TrySet("mqtt.host", "broker.lan"));
            Assert.IsNull(config.TrySet("node.board", board));
            Assert.IsNull(config.TrySet("sensor1.kind", kind));
            Assert.IsNull(config.TrySet("sensor1.name", "s"));
            Assert.IsNull(config.TrySet("sensor1.pin", pin));
            return config.Validate();
        }

        // ESP32: ESP32 datasheet pin list and ESPHome gpio_esp32.py; S3: gpio_esp32_s3.py; C3: gpio_esp32_c3.py;
        // UART0 pins from ESP-IDF uart_channel.h; USB D-/D+ from the S3 and C3 datasheets.
        [TestMethod]
        [DataRow("esp32-devkitc", "40", "does not exist")]
        [DataRow("esp32-devkitc", "20", "is not brought out by the module")]
        [DataRow("esp32-devkitc", "24", "does not exist")]
        [DataRow("esp32-devkitc", "30", "does not exist")]
        [DataRow("esp32-devkitc", "37", "is not brought out by the module")]
        [DataRow("esp32-devkitc", "6", "runs the SPI flash")]
        [DataRow("esp32-devkitc", "1", "is UART0 TX, the link of nanoFramework's debugger (COM1)")]
        [DataRow("esp32-devkitc", "3", "is UART0 RX, the link of nanoFramework's debugger (COM1)")]
        [DataRow("esp32-devkitc", "0", "is a strapping pin read at reset to choose the boot mode (the BOOT button)")]
        [DataRow("esp32-devkitc", "12", "is a strapping pin read at reset to set the flash voltage")]
        [DataRow("esp32-wrover", "11", "runs the SPI flash")]
        [DataRow("esp32-wrover", "16", "runs the PSRAM")]
        [DataRow("esp32-wrover", "17", "runs the PSRAM")]
        [DataRow("esp32-wrover", "15", "is a strapping pin read at reset to silence the boot log")]
        [DataRow("esp32-s3-devkitc-1", "22", "does not exist")]
        [DataRow("esp32-s3-devkitc-1", "30", "runs the SPI flash and PSRAM")]
        [DataRow("esp32-s3-devkitc-1", "35", "runs the octal PSRAM of N8R8 modules")]
        [DataRow("esp32-s3-devkitc-1", "19", "is USB D-, the native USB port the ESP32_S3 image enables")]
        [DataRow("esp32-s3-devkitc-1", "43", "is UART0 TX, wired to the board's USB-UART bridge")]
        [DataRow("esp32-s3-devkitc-1", "46", "is a strapping pin read at reset to choose the boot mode")]
        [DataRow("esp32-c3-devkitm-1", "22", "does not exist")]
        [DataRow("esp32-c3-devkitm-1", "11", "powers the SPI flash (VDD_SPI) unless an eFuse frees it")]
        [DataRow("esp32-c3-devkitm-1", "12", "runs the SPI flash")]
        [DataRow("esp32-c3-devkitm-1", "18", "is USB D-, the chip's USB Serial/JTAG port")]
        [DataRow("esp32-c3-devkitm-1", "21", "is UART0 TX, the link of nanoFramework's debugger (COM1)")]
        [DataRow("esp32-c3-devkitm-1", "9", "is a strapping pin read at reset to choose the boot mode (the BOOT button)")]
        public void A_pin_the_board_keeps_is_refused_with_the_reason(string board, string pin, string why)
        {
            string[] problems = Check(board, "digital", pin);
            Assert.AreEqual(1, problems.Length);
            Assert.AreEqual("sensor1.pin: GPIO " + pin + " " + why + " on node.board=" + board + " (choose another pin, or set node.board)", problems[0]);
        }

        [TestMethod]
        [DataRow("esp32-devkitc", "tmp36", "4", "32, 33, 34, 35, 36, 39")]
        [DataRow("esp32-devkitc", "tmp36", "27", "32, 33, 34, 35, 36, 39")]
        [DataRow("esp32-wrover", "lm35", "25", "32, 33, 34, 35, 36, 39")]
        [DataRow("esp32-s3-devkitc-1", "tmp36", "11", "1, 2, 4, 5, 6, 7, 8, 9, 10")]
        [DataRow("esp32-s3-devkitc-1", "lm35", "12", "1, 2, 4, 5, 6, 7, 8, 9, 10")]
        [DataRow("esp32-c3-devkitm-1", "lm35", "5", "0, 1, 3, 4")]
        public void An_analog_sensor_on_an_ADC2_pin_is_refused_because_of_WiFi_with_the_ADC1_pins_to_use(string board, string kind, string pin, string pins)
        {
            string[] problems = Check(board, kind, pin);
            Assert.AreEqual(1, problems.Length);
            Assert.AreEqual("sensor1.pin: GPIO " + pin + " is an ADC2 pin on node.board=" + board + ", and ADC2 does not work while Wi-Fi is on; "
                + "sensor1.kind=" + kind + " needs ADC1 (use one of " + pins + ")", problems[0]);
        }

        [TestMethod]
        [DataRow("esp32-devkitc", "tmp36", "18", "32, 33, 34, 35, 36, 39")]
        [DataRow("esp32-wrover", "tmp36", "23", "32, 33, 34, 35, 36, 39")]
        [DataRow("esp32-s3-devkitc-1", "tmp36", "21", "1, 2, 4, 5, 6, 7, 8, 9, 10")]
        [DataRow("esp32-c3-devkitm-1", "lm35", "10", "0, 1, 3, 4")]
        public void An_analog_sensor_on_a_pin_without_ADC_is_refused_with_the_ADC1_pins_to_use(string board, string kind, string pin, string pins)
        {
            string[] problems = Check(board, kind, pin);
            Assert.AreEqual(1, problems.Length);
            Assert.AreEqual("sensor1.pin: GPIO " + pin + " has no ADC channel on node.board=" + board + ", and sensor1.kind=" + kind
                + " needs ADC1 (use one of " + pins + ")", problems[0]);
        }

        [TestMethod]
        [DataRow("esp32-devkitc", "34")]
        [DataRow("esp32-devkitc", "36")]
        [DataRow("esp32-wrover", "39")]
        public void A_contact_on_an_input_only_pin_is_refused_because_it_has_no_pull_up(string board, string pin)
        {
            string[] problems = Check(board, "digital", pin);
            Assert.AreEqual(1, problems.Length);
            Assert.AreEqual("sensor1.pin: GPIO " + pin + " is input-only without internal pull-up on node.board=" + board
                + ", and sensor1.kind=digital needs one (choose another pin, e.g. 4)", problems[0]);
        }

        [TestMethod]
        [DataRow("esp32-devkitc", "tmp36", "sensor1.pin=34")]
        [DataRow("esp32-devkitc", "digital", "sensor1.pin=4")]
        [DataRow("esp32-s3-devkitc-1", "lm35", "sensor1.pin=1")]
        [DataRow("esp32-s3-devkitc-1", "digital", "sensor1.pin=11")]
        [DataRow("esp32-c3-devkitm-1", "tmp36", "sensor1.pin=0")]
        [DataRow("esp32-c3-devkitm-1", "digital", "sensor1.pin=10")]
        public void A_sensor_without_pin_is_told_a_pin_of_its_board_that_suits_its_kind(string board, string kind, string example)
        {
            NodeConfig config = NodeConfig.CreateDefault();
            Assert.IsNull(config.TrySet("mqtt.host", "broker.lan"));
            Assert.IsNull(config.TrySet("node.board", board));
            Assert.IsNull(config.TrySet("sensor1.kind", kind));
            Assert.IsNull(config.TrySet("sensor1.name", "s"));
            string[] problems = config.Validate();
            Assert.AreEqual(1, problems.Length);
            Assert.AreEqual("sensor1.pin: not set, but sensor1.kind is " + kind + " (set its GPIO, e.g. " + example + ", or set sensor1.kind=none)", problems[0]);
        }

        [TestMethod]
        [DataRow("esp32-devkitc", "tmp36", "36")]
        [DataRow("esp32-devkitc", "tmp36", "39")]
        [DataRow("esp32-devkitc", "lm35", "32")]
        [DataRow("esp32-devkitc", "digital", "4")]
        [DataRow("esp32-devkitc", "digital", "13")]
        [DataRow("esp32-wrover", "tmp36", "34")]
        [DataRow("esp32-wrover", "digital", "18")]
        [DataRow("esp32-s3-devkitc-1", "tmp36", "1")]
        [DataRow("esp32-s3-devkitc-1", "tmp36", "10")]
        [DataRow("esp32-s3-devkitc-1", "digital", "11")]
        [DataRow("esp32-s3-devkitc-1", "digital", "48")]
        [DataRow("esp32-c3-devkitm-1", "lm35", "0")]
        [DataRow("esp32-c3-devkitm-1", "tmp36", "4")]
        [DataRow("esp32-c3-devkitm-1", "digital", "10")]
        public void A_pin_the_board_offers_for_the_kind_is_accepted(string board, string kind, string pin)
        {
            Assert.AreEqual(0, Check(board, kind, pin).Length);
        }
    }
}
