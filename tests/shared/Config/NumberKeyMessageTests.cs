#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using Capteur.Node.Config;

namespace Capteur.Node.Tests.Config
{
    [TestClass]
    public class NumberKeyMessageTests
    {
        [TestMethod]
        [DataRow("mqtt.port", "70000", "mqtt.port: 70000 is out of range (1..65535)")]
        [DataRow("mqtt.port", "0", "mqtt.port: 0 is out of range (1..65535)")]
        [DataRow("mqtt.port", "99999999999999999999", "mqtt.port: 99999999999999999999 is out of range (1..65535)")]
        [DataRow("mqtt.keepalive_s", "4", "mqtt.keepalive_s: 4 is out of range (5..3600)")]
        [DataRow("mqtt.keepalive_s", "3601", "mqtt.keepalive_s: 3601 is out of range (5..3600)")]
        [DataRow("node.info_s", "9", "node.info_s: 9 is out of range (0 for off, or 10..86400)")]
        [DataRow("node.info_s", "86401", "node.info_s: 86401 is out of range (0 for off, or 10..86400)")]
        [DataRow("node.info_s", "-1", "node.info_s: -1 is out of range (0 for off, or 10..86400)")]
        [DataRow("outbox.capacity", "9", "outbox.capacity: 9 is out of range (10..100000)")]
        [DataRow("outbox.capacity", "100001", "outbox.capacity: 100001 is out of range (10..100000)")]
        [DataRow("outbox.checkpoint_s", "-1", "outbox.checkpoint_s: -1 is out of range (0..3600)")]
        [DataRow("outbox.checkpoint_s", "3601", "outbox.checkpoint_s: 3601 is out of range (0..3600)")]
        [DataRow("sensor1.pin", "49", "sensor1.pin: 49 is out of range (-1 for unset, or 0..48)")]
        [DataRow("sensor1.pin", "-2", "sensor1.pin: -2 is out of range (-1 for unset, or 0..48)")]
        [DataRow("sensor4.pin", "100", "sensor4.pin: 100 is out of range (-1 for unset, or 0..48)")]
        [DataRow("sensor1.interval_ms", "99", "sensor1.interval_ms: 99 is out of range (100..86400000)")]
        [DataRow("sensor2.interval_ms", "86400001", "sensor2.interval_ms: 86400001 is out of range (100..86400000)")]
        [DataRow("sensor1.oversample", "0", "sensor1.oversample: 0 is out of range (1..64)")]
        [DataRow("sensor3.oversample", "65", "sensor3.oversample: 65 is out of range (1..64)")]
        [DataRow("sensor1.decimals", "5", "sensor1.decimals: 5 is out of range (0..4)")]
        [DataRow("sensor1.decimals", "-1", "sensor1.decimals: -1 is out of range (0..4)")]
        [DataRow("sensor1.debounce_ms", "10001", "sensor1.debounce_ms: 10001 is out of range (0..10000)")]
        [DataRow("sensor4.debounce_ms", "-5", "sensor4.debounce_ms: -5 is out of range (0..10000)")]
        public void A_number_outside_its_range_is_refused_with_the_range(string key, string value, string expected)
        {
            Assert.AreEqual(expected, NodeConfig.CreateDefault().TrySet(key, value));
        }

        [TestMethod]
        [DataRow("mqtt.port", "abc", "mqtt.port: \"abc\" is not a whole number (1..65535)")]
        [DataRow("mqtt.port", "", "mqtt.port: \"\" is not a whole number (1..65535)")]
        [DataRow("mqtt.port", " 1883", "mqtt.port: \" 1883\" is not a whole number (1..65535)")]
        [DataRow("mqtt.port", "+1883", "mqtt.port: \"+1883\" is not a whole number (1..65535)")]
        [DataRow("mqtt.port", "-", "mqtt.port: \"-\" is not a whole number (1..65535)")]
        [DataRow("mqtt.keepalive_s", "60.0", "mqtt.keepalive_s: \"60.0\" is not a whole number (5..3600)")]
        [DataRow("node.info_s", "1e3", "node.info_s: \"1e3\" is not a whole number (0 for off, or 10..86400)")]
        [DataRow("outbox.capacity", "1,000", "outbox.capacity: \"1,000\" is not a whole number (10..100000)")]
        [DataRow("outbox.checkpoint_s", "never", "outbox.checkpoint_s: \"never\" is not a whole number (0..3600)")]
        [DataRow("sensor1.pin", "GPIO34", "sensor1.pin: \"GPIO34\" is not a whole number (-1 for unset, or 0..48)")]
        [DataRow("sensor1.interval_ms", "10s", "sensor1.interval_ms: \"10s\" is not a whole number (100..86400000)")]
        [DataRow("sensor1.oversample", "x8", "sensor1.oversample: \"x8\" is not a whole number (1..64)")]
        [DataRow("sensor1.decimals", "two", "sensor1.decimals: \"two\" is not a whole number (0..4)")]
        [DataRow("sensor1.debounce_ms", "0x10", "sensor1.debounce_ms: \"0x10\" is not a whole number (0..10000)")]
        public void Text_that_is_not_a_whole_number_is_refused_with_the_range(string key, string value, string expected)
        {
            Assert.AreEqual(expected, NodeConfig.CreateDefault().TrySet(key, value));
        }

        [TestMethod]
        [DataRow("mqtt.port", "1", "1")]
        [DataRow("mqtt.port", "65535", "65535")]
        [DataRow("mqtt.port", "08883", "8883")]
        [DataRow("node.info_s", "0", "0")]
        [DataRow("node.info_s", "10", "10")]
        [DataRow("node.info_s", "86400", "86400")]
        [DataRow("outbox.checkpoint_s", "0", "0")]
        [DataRow("sensor1.pin", "-1", "-1")]
        [DataRow("sensor1.pin", "0", "0")]
        [DataRow("sensor1.pin", "48", "48")]
        [DataRow("sensor1.pin", "-0", "0")]
        [DataRow("sensor1.interval_ms", "86400000", "86400000")]
        [DataRow("sensor1.decimals", "0", "0")]
        public void A_number_in_range_is_stored_without_leading_zeros(string key, string value, string stored)
        {
            NodeConfig config = NodeConfig.CreateDefault();
            Assert.IsNull(config.TrySet(key, value));
            Assert.AreEqual(stored, config.Get(key));
        }

        [TestMethod]
        [DataRow("mqtt.port", "mqtt.port: no value given (1..65535)")]
        [DataRow("node.board", "node.board: no value given (esp32-devkitc, esp32-wrover, esp32-s3-devkitc-1, esp32-c3-devkitm-1)")]
        [DataRow("wifi.password", "wifi.password: no value given (8..63, or empty for an open network)")]
        public void A_missing_value_is_refused_with_what_the_key_accepts(string key, string expected)
        {
            Assert.AreEqual(expected, NodeConfig.CreateDefault().TrySet(key, null));
        }

        [TestMethod]
        public void A_refused_value_leaves_the_previous_one_in_place()
        {
            NodeConfig config = NodeConfig.CreateDefault();
            Assert.IsNull(config.TrySet("mqtt.port", "8883"));
            Assert.IsNotNull(config.TrySet("mqtt.port", "70000"));
            Assert.AreEqual(8883, config.GetInt("mqtt.port"));
        }
    }
}
