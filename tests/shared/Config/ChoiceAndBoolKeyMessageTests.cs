#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using Capteur.Node.Config;

namespace Capteur.Node.Tests.Config
{
    [TestClass]
    public class ChoiceAndBoolKeyMessageTests
    {
        [TestMethod]
        [DataRow("mqtt.tls", "maybe", "mqtt.tls: \"maybe\" is not a boolean (true or false)")]
        [DataRow("mqtt.tls", "", "mqtt.tls: \"\" is not a boolean (true or false)")]
        [DataRow("publish.retain", "yes", "publish.retain: \"yes\" is not a boolean (true or false)")]
        [DataRow("publish.retain", "2", "publish.retain: \"2\" is not a boolean (true or false)")]
        [DataRow("homeassistant.discovery", "maybe", "homeassistant.discovery: \"maybe\" is not a boolean (true or false)")]
        public void A_word_that_is_not_a_boolean_is_refused(string key, string value, string expected)
        {
            Assert.AreEqual(expected, NodeConfig.CreateDefault().TrySet(key, value));
        }

        [TestMethod]
        [DataRow("true", true)]
        [DataRow("TRUE", true)]
        [DataRow("On", true)]
        [DataRow("1", true)]
        [DataRow("false", false)]
        [DataRow("False", false)]
        [DataRow("OFF", false)]
        [DataRow("0", false)]
        public void Booleans_are_accepted_in_any_case_and_stored_as_true_or_false(string value, bool expected)
        {
            NodeConfig config = NodeConfig.CreateDefault();
            Assert.IsNull(config.TrySet("mqtt.tls", value));
            Assert.AreEqual(expected ? "true" : "false", config.Get("mqtt.tls"));
            Assert.AreEqual(expected, config.GetBool("mqtt.tls"));
        }

        [TestMethod]
        [DataRow("publish.format", "xml", "publish.format: \"xml\" is not one of json, plain")]
        [DataRow("node.board", "esp32", "node.board: \"esp32\" is not one of esp32-devkitc, esp32-wrover, esp32-s3-devkitc-1, esp32-c3-devkitm-1")]
        [DataRow("sensor1.kind", "dht22", "sensor1.kind: \"dht22\" is not one of none, tmp36, lm35, digital")]
        [DataRow("sensor4.kind", "", "sensor4.kind: \"\" is not one of none, tmp36, lm35, digital")]
        public void A_name_outside_the_choices_is_refused_with_the_choices(string key, string value, string expected)
        {
            Assert.AreEqual(expected, NodeConfig.CreateDefault().TrySet(key, value));
        }

        [TestMethod]
        [DataRow("publish.format", "PLAIN", "plain")]
        [DataRow("node.board", "ESP32-S3-DevKitC-1", "esp32-s3-devkitc-1")]
        [DataRow("sensor2.kind", "TMP36", "tmp36")]
        [DataRow("sensor2.kind", "digital", "digital")]
        public void Choices_are_accepted_in_any_case_and_stored_in_lower_case(string key, string value, string stored)
        {
            NodeConfig config = NodeConfig.CreateDefault();
            Assert.IsNull(config.TrySet(key, value));
            Assert.AreEqual(stored, config.Get(key));
        }
    }
}
