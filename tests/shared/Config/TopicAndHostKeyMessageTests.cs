#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using Capteur.Node.Config;

namespace Capteur.Node.Tests.Config
{
    [TestClass]
    public class TopicAndHostKeyMessageTests
    {
        [TestMethod]
        [DataRow("", "node.topic: \"\" is 0 characters long (1..200)")]
        [DataRow("home/+/temp", "node.topic: \"home/+/temp\" contains '+' (+ and # are MQTT wildcards, not allowed in a topic to publish to)")]
        [DataRow("home/#", "node.topic: \"home/#\" contains '#' (+ and # are MQTT wildcards, not allowed in a topic to publish to)")]
        [DataRow("/home", "node.topic: \"/home\" starts with '/' (remove it, e.g. capteur/node)")]
        [DataRow("home/", "node.topic: \"home/\" ends with '/' (remove it, e.g. capteur/node)")]
        [DataRow("/", "node.topic: \"/\" starts with '/' (remove it, e.g. capteur/node)")]
        [DataRow("$SYS/node", "node.topic: \"$SYS/node\" starts with '$' (topics starting with $ are the broker's own; remove it)")]
        [DataRow("home//kitchen", "node.topic: \"home//kitchen\" has an empty level between two '/' (remove one '/')")]
        public void A_base_topic_that_mqtt_or_subscribers_would_trip_on_is_refused(string value, string expected)
        {
            Assert.AreEqual(expected, NodeConfig.CreateDefault().TrySet("node.topic", value));
        }

        [TestMethod]
        public void A_base_topic_longer_than_200_characters_is_refused()
        {
            string topic = new string('t', 201);
            Assert.AreEqual("node.topic: \"" + topic + "\" is 201 characters long (1..200)",
                NodeConfig.CreateDefault().TrySet("node.topic", topic));
        }

        [TestMethod]
        [DataRow("a")]
        [DataRow("capteur/kitchen")]
        [DataRow("Maison/Cuisine 1/capteur")]
        public void A_base_topic_with_clean_levels_is_accepted(string value)
        {
            NodeConfig config = NodeConfig.CreateDefault();
            Assert.IsNull(config.TrySet("node.topic", value));
            Assert.AreEqual(value, config.Get("node.topic"));
        }

        [TestMethod]
        public void A_base_topic_of_200_characters_with_accents_is_accepted()
        {
            NodeConfig config = NodeConfig.CreateDefault();
            string topic = "maison/caf\u00e9/" + new string('t', 188);
            Assert.AreEqual(200, topic.Length);
            Assert.IsNull(config.TrySet("node.topic", topic));
        }

        [TestMethod]
        [DataRow("a,b,c,d,e", "mqtt.host: \"a,b,c,d,e\" has 5 entries (at most 4)")]
        [DataRow("a,,b", "mqtt.host: \"a,,b\" has an empty entry (write host or host:port, separated by commas)")]
        [DataRow("broker,", "mqtt.host: \"broker,\" has an empty entry (write host or host:port, separated by commas)")]
        [DataRow(":1883", "mqtt.host: \":1883\" has an entry without a host, \":1883\" (write host or host:port)")]
        [DataRow("bro_ker", "mqtt.host: \"bro_ker\" has '_' in host \"bro_ker\" (use letters, digits, . and -)")]
        [DataRow("a, my broker", "mqtt.host: \"a, my broker\" has ' ' in host \"my broker\" (use letters, digits, . and -)")]
        [DataRow("fe80::1", "mqtt.host: \"fe80::1\" has ':' in host \"fe80:\" (use letters, digits, . and -)")]
        [DataRow("broker:70000", "mqtt.host: \"broker:70000\" has port 70000, out of range (1..65535)")]
        [DataRow("a,broker:0", "mqtt.host: \"a,broker:0\" has port 0, out of range (1..65535)")]
        [DataRow("broker:mqtt", "mqtt.host: \"broker:mqtt\" has port \"mqtt\", not a whole number (1..65535)")]
        [DataRow("broker:", "mqtt.host: \"broker:\" has port \"\", not a whole number (1..65535)")]
        public void A_broker_list_entry_that_cannot_be_dialled_is_refused(string value, string expected)
        {
            Assert.AreEqual(expected, NodeConfig.CreateDefault().TrySet("mqtt.host", value));
        }

        [TestMethod]
        public void A_host_longer_than_253_characters_is_refused()
        {
            string host = new string('h', 254);
            Assert.AreEqual("mqtt.host: \"" + host + ":1883\" has a host of 254 characters (at most 253)",
                NodeConfig.CreateDefault().TrySet("mqtt.host", host + ":1883"));
        }

        [TestMethod]
        [DataRow("192.168.1.10", "192.168.1.10")]
        [DataRow("broker.lan:1884", "broker.lan:1884")]
        [DataRow(" broker.lan , backup-1:01884 ", "broker.lan,backup-1:1884")]
        [DataRow("a,b,c,d", "a,b,c,d")]
        [DataRow("", "")]
        [DataRow("   ", "")]
        public void A_broker_list_is_stored_without_blanks_and_leading_zeros(string value, string stored)
        {
            NodeConfig config = NodeConfig.CreateDefault();
            Assert.IsNull(config.TrySet("mqtt.host", value));
            Assert.AreEqual(stored, config.Get("mqtt.host"));
        }

        [TestMethod]
        [DataRow("foo.bar", "foo.bar: unknown key (see 'help' for the list)")]
        [DataRow("", ": unknown key (see 'help' for the list)")]
        [DataRow("mqtt.prot", "mqtt.prot: unknown key (see 'help' for the list); did you mean mqtt.port?")]
        [DataRow("wifi.sid", "wifi.sid: unknown key (see 'help' for the list); did you mean wifi.ssid?")]
        [DataRow("sensor1.interval", "sensor1.interval: unknown key (see 'help' for the list)")]
        [DataRow("sensor1.pins", "sensor1.pins: unknown key (see 'help' for the list); did you mean sensor1.pin?")]
        public void An_unknown_key_is_refused_with_a_pointer_to_help_and_the_nearest_key(string key, string expected)
        {
            Assert.AreEqual(expected, NodeConfig.CreateDefault().TrySet(key, "1"));
        }

        [TestMethod]
        public void Keys_are_matched_whatever_their_case()
        {
            NodeConfig config = NodeConfig.CreateDefault();
            Assert.IsNull(config.TrySet("MQTT.Port", "1884"));
            Assert.AreEqual(1884, config.GetInt("mqtt.port"));
        }
    }
}
