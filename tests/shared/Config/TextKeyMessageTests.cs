#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using Capteur.Node.Config;
using Capteur.Node.Filters;
using Capteur.Node.Sensors;

namespace Capteur.Node.Tests.Config
{
    [TestClass]
    public class TextKeyMessageTests
    {
        private static string Repeat(char c, int count)
        {
            return new string(c, count);
        }

        [TestMethod]
        public void An_ssid_longer_than_32_characters_is_refused()
        {
            string ssid = Repeat('s', 33);
            Assert.AreEqual("wifi.ssid: \"" + ssid + "\" is 33 characters long (at most 32)",
                NodeConfig.CreateDefault().TrySet("wifi.ssid", ssid));
        }

        [TestMethod]
        public void An_ssid_of_32_characters_or_empty_is_accepted()
        {
            NodeConfig config = NodeConfig.CreateDefault();
            Assert.IsNull(config.TrySet("wifi.ssid", Repeat('s', 32)));
            Assert.IsNull(config.TrySet("wifi.ssid", ""));
            Assert.AreEqual("", config.Get("wifi.ssid"));
        }

        [TestMethod]
        [DataRow(5)]
        [DataRow(7)]
        [DataRow(64)]
        public void A_wifi_password_of_the_wrong_length_is_refused_without_echoing_it(int length)
        {
            Assert.AreEqual("wifi.password: the value is " + length.ToString() + " characters long (8..63, or empty for an open network)",
                NodeConfig.CreateDefault().TrySet("wifi.password", Repeat('p', length)));
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(8)]
        [DataRow(63)]
        public void A_wifi_password_empty_or_of_8_to_63_characters_is_accepted(int length)
        {
            Assert.IsNull(NodeConfig.CreateDefault().TrySet("wifi.password", Repeat('p', length)));
        }

        [TestMethod]
        public void An_mqtt_user_longer_than_64_characters_is_refused()
        {
            string user = Repeat('u', 65);
            Assert.AreEqual("mqtt.user: \"" + user + "\" is 65 characters long (at most 64)",
                NodeConfig.CreateDefault().TrySet("mqtt.user", user));
        }

        [TestMethod]
        public void An_mqtt_password_longer_than_64_characters_is_refused_without_echoing_it()
        {
            Assert.AreEqual("mqtt.password: the value is 65 characters long (at most 64)",
                NodeConfig.CreateDefault().TrySet("mqtt.password", Repeat('p', 65)));
        }

        [TestMethod]
        public void A_client_id_longer_than_23_characters_is_refused()
        {
            string id = Repeat('c', 24);
            Assert.AreEqual("mqtt.client_id: \"" + id + "\" is 24 characters long (at most 23)",
                NodeConfig.CreateDefault().TrySet("mqtt.client_id", id));
        }

        [TestMethod]
        [DataRow("node 1", "mqtt.client_id: \"node 1\" contains ' ' (use 0-9 a-z A-Z - _)")]
        [DataRow("node/1", "mqtt.client_id: \"node/1\" contains '/' (use 0-9 a-z A-Z - _)")]
        [DataRow("node.1", "mqtt.client_id: \"node.1\" contains '.' (use 0-9 a-z A-Z - _)")]
        public void A_client_id_with_a_character_mqtt_does_not_guarantee_is_refused(string value, string expected)
        {
            Assert.AreEqual(expected, NodeConfig.CreateDefault().TrySet("mqtt.client_id", value));
        }

        [TestMethod]
        public void A_client_id_with_an_accent_is_refused_naming_the_accented_letter()
        {
            Assert.AreEqual("mqtt.client_id: \"n\u00e9ud\" contains '\u00e9' (use 0-9 a-z A-Z - _)",
                NodeConfig.CreateDefault().TrySet("mqtt.client_id", "n\u00e9ud"));
        }

        [TestMethod]
        [DataRow("")]
        [DataRow("Capteur-Node_01")]
        [DataRow("abcdefghijklmnopqrstuvw")]
        public void A_client_id_of_allowed_characters_is_accepted(string value)
        {
            NodeConfig config = NodeConfig.CreateDefault();
            Assert.IsNull(config.TrySet("mqtt.client_id", value));
            Assert.AreEqual(value, config.Get("mqtt.client_id"));
        }

        [TestMethod]
        [DataRow("sensor1.name", "Kitchen", "sensor1.name: \"Kitchen\" contains 'K' (use a-z 0-9 _ -)")]
        [DataRow("sensor1.name", "hall/1", "sensor1.name: \"hall/1\" contains '/' (use a-z 0-9 _ -)")]
        [DataRow("sensor2.name", "living room", "sensor2.name: \"living room\" contains ' ' (use a-z 0-9 _ -)")]
        [DataRow("sensor4.name", "temp+", "sensor4.name: \"temp+\" contains '+' (use a-z 0-9 _ -)")]
        public void A_sensor_name_that_is_not_a_clean_topic_level_is_refused(string key, string value, string expected)
        {
            Assert.AreEqual(expected, NodeConfig.CreateDefault().TrySet(key, value));
        }

        [TestMethod]
        [DataRow("status")]
        [DataRow("info")]
        public void A_sensor_name_taken_by_the_node_s_own_topics_is_refused(string value)
        {
            Assert.AreEqual("sensor2.name: \"" + value + "\" is reserved for the node's own topic <node.topic>/" + value
                + " (choose another name, e.g. kitchen)", NodeConfig.CreateDefault().TrySet("sensor2.name", value));
        }

        [TestMethod]
        public void A_client_id_with_a_character_beyond_the_basic_plane_is_refused_naming_it_whole()
        {
            Assert.AreEqual("mqtt.client_id: \"a\U0001F600b\" contains '\U0001F600' (use 0-9 a-z A-Z - _)",
                NodeConfig.CreateDefault().TrySet("mqtt.client_id", "a\U0001F600b"));
        }

        [TestMethod]
        public void A_sensor_name_longer_than_32_characters_is_refused()
        {
            string name = Repeat('n', 33);
            Assert.AreEqual("sensor3.name: \"" + name + "\" is 33 characters long (at most 32)",
                NodeConfig.CreateDefault().TrySet("sensor3.name", name));
        }

        [TestMethod]
        [DataRow("")]
        [DataRow("living_room-2")]
        [DataRow("0")]
        public void A_sensor_name_of_allowed_characters_or_empty_is_accepted(string value)
        {
            NodeConfig config = NodeConfig.CreateDefault();
            Assert.IsNull(config.TrySet("sensor1.name", value));
            Assert.AreEqual(value, config.Get("sensor1.name"));
        }

        [TestMethod]
        public void A_bad_filter_chain_is_refused_with_the_filter_message_after_the_key()
        {
            string detail = FilterChain.Check("median(0)");
            Assert.IsNotNull(detail);
            Assert.AreEqual("sensor1.filters: " + detail, NodeConfig.CreateDefault().TrySet("sensor1.filters", "median(0)"));
            Assert.AreEqual("sensor4.filters: " + detail, NodeConfig.CreateDefault().TrySet("sensor4.filters", "median(0)"));
        }

        [TestMethod]
        public void A_bad_calibration_is_refused_with_the_calibration_message_after_the_key()
        {
            string detail = TwoPointCalibration.Check("bogus");
            Assert.IsNotNull(detail);
            Assert.AreEqual("sensor2.cal: " + detail, NodeConfig.CreateDefault().TrySet("sensor2.cal", "bogus"));
        }

        [TestMethod]
        public void A_valid_filter_chain_is_stored_as_typed()
        {
            NodeConfig config = NodeConfig.CreateDefault();
            Assert.IsNull(FilterChain.Check("median(5)"));
            Assert.IsNull(config.TrySet("sensor1.filters", "median(5)"));
            Assert.AreEqual("median(5)", config.Get("sensor1.filters"));
        }

        [TestMethod]
        public void An_empty_filter_chain_and_calibration_mean_none_and_are_accepted()
        {
            NodeConfig config = NodeConfig.CreateDefault();
            Assert.IsNull(config.TrySet("sensor1.filters", ""));
            Assert.IsNull(config.TrySet("sensor1.cal", ""));
        }

#if !NANOFRAMEWORK_1_0
        // .NET only: a nanoFramework string cannot hold U+0000 at all (it ends there), so there is nothing to refuse.
        [TestMethod]
        public void A_value_holding_U0000_is_refused_for_any_key()
        {
            Assert.AreEqual("mqtt.user: the value contains U+0000 (not allowed in any value)",
                NodeConfig.CreateDefault().TrySet("mqtt.user", "a\0b"));
            Assert.AreEqual("node.topic: the value contains U+0000 (not allowed in any value)",
                NodeConfig.CreateDefault().TrySet("node.topic", "a\0b"));
        }
#endif
    }
}
