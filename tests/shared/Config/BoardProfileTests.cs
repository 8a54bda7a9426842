#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using Capteur.Node.Config;

namespace Capteur.Node.Tests.Config
{
    [TestClass]
    public class BoardProfileTests
    {
        [TestMethod]
        public void The_profiles_are_the_choices_of_node_board_in_order()
        {
            string[] names = BoardProfiles.Names();
            Assert.AreEqual(4, names.Length);
            Assert.AreEqual("esp32-devkitc", names[0]);
            Assert.AreEqual("esp32-wrover", names[1]);
            Assert.AreEqual("esp32-s3-devkitc-1", names[2]);
            Assert.AreEqual("esp32-c3-devkitm-1", names[3]);
            Assert.AreEqual("esp32-devkitc", NodeConfig.CreateDefault().Get("node.board"));
            Assert.IsNull(BoardProfiles.Find("esp32"));
            Assert.IsNull(BoardProfiles.Find(null));
        }

        // nf-interpreter targets/ESP32/CMakePresets.json
        [TestMethod]
        [DataRow("esp32-devkitc", "ESP32_REV0", 39)]
        [DataRow("esp32-wrover", "ESP32_PSRAM_REV0", 39)]
        [DataRow("esp32-s3-devkitc-1", "ESP32_S3", 48)]
        [DataRow("esp32-c3-devkitm-1", "ESP32_C3", 21)]
        public void Each_profile_names_its_nanoff_target_and_highest_GPIO(string board, string target, int highest)
        {
            BoardProfile profile = BoardProfiles.Find(board);
            Assert.AreEqual(target, profile.NanoffTarget);
            Assert.AreEqual(highest, profile.HighestGpio);
            Assert.IsTrue(profile.DisplayName.Length > 0);
            Assert.AreEqual("does not exist", profile.Problem(highest + 1));
            Assert.AreEqual("does not exist", profile.Problem(-1));
        }

        // nf-interpreter ESP32*_DeviceMapping.cpp Esp32_ADC_DevicePinMap and ESP-IDF adc_channel.h
        [TestMethod]
        [DataRow("esp32-devkitc", 36, 0)]
        [DataRow("esp32-devkitc", 39, 3)]
        [DataRow("esp32-devkitc", 32, 4)]
        [DataRow("esp32-devkitc", 33, 5)]
        [DataRow("esp32-devkitc", 34, 6)]
        [DataRow("esp32-devkitc", 35, 7)]
        [DataRow("esp32-devkitc", 25, -1)]
        [DataRow("esp32-devkitc", 4, -1)]
        [DataRow("esp32-devkitc", -1, -1)]
        [DataRow("esp32-wrover", 36, 0)]
        [DataRow("esp32-wrover", 35, 7)]
        [DataRow("esp32-s3-devkitc-1", 1, 0)]
        [DataRow("esp32-s3-devkitc-1", 5, 4)]
        [DataRow("esp32-s3-devkitc-1", 10, 9)]
        [DataRow("esp32-s3-devkitc-1", 11, -1)]
        [DataRow("esp32-s3-devkitc-1", 0, -1)]
        [DataRow("esp32-c3-devkitm-1", 0, 0)]
        [DataRow("esp32-c3-devkitm-1", 4, 4)]
        [DataRow("esp32-c3-devkitm-1", 5, -1)]
        public void The_ADC1_channel_of_a_GPIO_is_nanoFrameworks_channel_number(string board, int gpio, int channel)
        {
            Assert.AreEqual(channel, BoardProfiles.Find(board).AdcChannelOf(gpio));
        }

        [TestMethod]
        [DataRow("esp32-devkitc", 4, true)]
        [DataRow("esp32-devkitc", 0, true)]
        [DataRow("esp32-devkitc", 2, true)]
        [DataRow("esp32-devkitc", 12, true)]
        [DataRow("esp32-devkitc", 13, true)]
        [DataRow("esp32-devkitc", 14, true)]
        [DataRow("esp32-devkitc", 15, true)]
        [DataRow("esp32-devkitc", 25, true)]
        [DataRow("esp32-devkitc", 26, true)]
        [DataRow("esp32-devkitc", 27, true)]
        [DataRow("esp32-devkitc", 16, false)]
        [DataRow("esp32-devkitc", 36, false)]
        [DataRow("esp32-s3-devkitc-1", 11, true)]
        [DataRow("esp32-s3-devkitc-1", 20, true)]
        [DataRow("esp32-s3-devkitc-1", 10, false)]
        [DataRow("esp32-s3-devkitc-1", 21, false)]
        [DataRow("esp32-c3-devkitm-1", 5, true)]
        [DataRow("esp32-c3-devkitm-1", 4, false)]
        public void ADC2_pins_are_known_so_that_messages_can_say_why_they_fail(string board, int gpio, bool adc2)
        {
            Assert.AreEqual(adc2, BoardProfiles.Find(board).IsAdc2Pin(gpio));
        }

        [TestMethod]
        [DataRow("esp32-devkitc", "32, 33, 34, 35, 36, 39")]
        [DataRow("esp32-wrover", "32, 33, 34, 35, 36, 39")]
        [DataRow("esp32-s3-devkitc-1", "1, 2, 4, 5, 6, 7, 8, 9, 10")]
        [DataRow("esp32-c3-devkitm-1", "0, 1, 3, 4")]
        public void The_usable_ADC1_pins_leave_out_strapping_pins(string board, string pins)
        {
            Assert.AreEqual(pins, BoardProfiles.Find(board).Adc1PinsText);
        }

        [TestMethod]
        [DataRow("esp32-devkitc", 33, false)]
        [DataRow("esp32-devkitc", 34, true)]
        [DataRow("esp32-devkitc", 39, true)]
        [DataRow("esp32-wrover", 36, true)]
        [DataRow("esp32-s3-devkitc-1", 39, false)]
        [DataRow("esp32-c3-devkitm-1", 4, false)]
        public void Only_ESP32_GPIO_34_to_39_are_input_only(string board, int gpio, bool inputOnly)
        {
            Assert.AreEqual(inputOnly, BoardProfiles.Find(board).IsInputOnly(gpio));
        }

        [TestMethod]
        [DataRow("esp32-devkitc", 16, 17, 4, 34)]
        [DataRow("esp32-wrover", 26, 27, 4, 34)]
        [DataRow("esp32-s3-devkitc-1", 18, 17, 11, 1)]
        [DataRow("esp32-c3-devkitm-1", 6, 7, 10, 0)]
        public void Default_console_pins_and_the_digital_example_are_free_pins_that_keep_ADC1_for_sensors(string board, int rx, int tx, int digital, int analog)
        {
            BoardProfile profile = BoardProfiles.Find(board);
            Assert.AreEqual(analog, profile.AnalogPinExample);
            Assert.IsNull(profile.Problem(analog));
            Assert.IsTrue(profile.AdcChannelOf(analog) >= 0);
            Assert.AreEqual(rx, profile.DefaultConsoleRxPin);
            Assert.AreEqual(tx, profile.DefaultConsoleTxPin);
            Assert.AreEqual(digital, profile.DigitalPinExample);
            int[] pins = new int[] { rx, tx, digital };
            for (int i = 0; i < pins.Length; i++)
            {
                Assert.IsNull(profile.Problem(pins[i]));
                Assert.IsFalse(profile.IsInputOnly(pins[i]));
                Assert.AreEqual(-1, profile.AdcChannelOf(pins[i]));
            }
        }
    }
}
