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

        [TestMethod]
        [DataRow("esp32-devkitc", "40", "does not exist")]
        [DataRow("esp32-devkitc", "20", "does not exist")]
        [DataRow("esp32-devkitc", "37", "does not exist")]
        [DataRow("esp32-devkitc", "6", "runs the SPI flash")]
        [DataRow("esp32-wrover", "11", "runs the SPI flash")]
        [DataRow("esp32-wrover", "16", "runs the PSRAM")]
        [DataRow("esp32-s3-devkitc-1", "22", "does not exist")]
        [DataRow("esp32-s3-devkitc-1", "30", "runs the SPI flash and PSRAM")]
        [DataRow("esp32-c3-devkitm-1", "22", "does not exist")]
        [DataRow("esp32-c3-devkitm-1", "12", "runs the SPI flash")]
        public void A_pin_the_board_does_not_offer_is_reported(string board, string pin, string why)
        {
            string[] problems = Check(board, "digital", pin);
            Assert.AreEqual(1, problems.Length);
            Assert.AreEqual("sensor1.pin: GPIO " + pin + " " + why + " on node.board=" + board + " (choose another pin, or set node.board)", problems[0]);
        }

        [TestMethod]
        [DataRow("esp32-devkitc", "tmp36", "4", "32, 33, 34, 35, 36, 39")]
        [DataRow("esp32-wrover", "lm35", "25", "32, 33, 34, 35, 36, 39")]
        [DataRow("esp32-s3-devkitc-1", "tmp36", "11", "1, 2, 3, 4, 5, 6, 7, 8, 9, 10")]
        [DataRow("esp32-c3-devkitm-1", "lm35", "5", "0, 1, 2, 3, 4")]
        public void An_analog_sensor_on_a_pin_without_ADC1_channel_is_reported_with_the_pins_to_use(string board, string kind, string pin, string pins)
        {
            string[] problems = Check(board, kind, pin);
            Assert.AreEqual(1, problems.Length);
            Assert.AreEqual("sensor1.pin: GPIO " + pin + " has no ADC1 channel on node.board=" + board + ", and sensor1.kind=" + kind
                + " needs one (use one of " + pins + ")", problems[0]);
        }

        [TestMethod]
        [DataRow("esp32-devkitc", "tmp36", "36")]
        [DataRow("esp32-devkitc", "digital", "4")]
        [DataRow("esp32-devkitc", "digital", "16")]
        [DataRow("esp32-s3-devkitc-1", "tmp36", "1")]
        [DataRow("esp32-s3-devkitc-1", "digital", "48")]
        [DataRow("esp32-c3-devkitm-1", "lm35", "0")]
        public void A_pin_the_board_offers_for_the_kind_is_accepted(string board, string kind, string pin)
        {
            Assert.AreEqual(0, Check(board, kind, pin).Length);
        }

        [TestMethod]
        [DataRow("esp32-devkitc", 36, 0)]
        [DataRow("esp32-devkitc", 39, 3)]
        [DataRow("esp32-devkitc", 32, 4)]
        [DataRow("esp32-devkitc", 35, 7)]
        [DataRow("esp32-devkitc", 25, -1)]
        [DataRow("esp32-devkitc", -1, -1)]
        [DataRow("esp32-s3-devkitc-1", 1, 0)]
        [DataRow("esp32-s3-devkitc-1", 10, 9)]
        [DataRow("esp32-c3-devkitm-1", 4, 4)]
        [DataRow("esp32-c3-devkitm-1", 5, -1)]
        public void The_ADC1_channel_of_a_GPIO_follows_the_board(string board, int gpio, int channel)
        {
            Assert.AreEqual(channel, BoardPins.AdcChannelOf(board, gpio));
        }
    }
}
