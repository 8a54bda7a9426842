#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using Capteur.Node.Config;

namespace Capteur.Node.Tests.Config
{
    [TestClass]
    public class ConfigFileRoundTripTests
    {
        private static string RoundTrip(string key, string value)
        {
            NodeConfig config = NodeConfig.CreateDefault();
            Assert.IsNull(config.TrySet(key, value));
            ConfigLoadResult loaded = ConfigFile.Parse(ConfigFile.Write(config));
            Assert.AreEqual(0, loaded.Errors.Length);
            Assert.IsTrue(loaded.Config.ContentEquals(config));
            return loaded.Config.Get(key);
        }

        [TestMethod]
        public void A_password_full_of_separators_quotes_and_accents_survives_write_and_parse()
        {
            string password = "p;a ss\"w\\o'rd=#\u00e9 ";
            Assert.AreEqual(password, RoundTrip("wifi.password", password));
        }

        [TestMethod]
        [DataRow(" leading")]
        [DataRow("trailing ")]
        [DataRow("   ")]
        [DataRow(" \t ")]
        [DataRow("a\nb")]
        [DataRow("\r\n")]
        [DataRow("\\n is not a newline")]
        [DataRow("\\")]
        [DataRow("ends with \\")]
        [DataRow("=")]
        [DataRow("# not a comment")]
        [DataRow("a=b=c")]
        [DataRow("\"quoted\" and 'single'")]
        [DataRow("x\u0001y\u001fz\u007f")]
        [DataRow("\\s\\x41")]
        public void Any_value_survives_write_and_parse(string value)
        {
            Assert.AreEqual(value, RoundTrip("mqtt.user", value));
        }

        [TestMethod]
        public void Non_ascii_text_survives_write_and_parse()
        {
            Assert.AreEqual("Caf\u00e9 \u65e5\u672c \u00b0C", RoundTrip("wifi.ssid", "Caf\u00e9 \u65e5\u672c \u00b0C"));
            Assert.AreEqual("capteur/cuisine-\u00e9t\u00e9", RoundTrip("node.topic", "capteur/cuisine-\u00e9t\u00e9"));
        }

        [TestMethod]
        public void Text_beyond_the_basic_plane_survives_write_and_parse()
        {
            Assert.AreEqual("home \U0001F3E0 =\\ ", RoundTrip("mqtt.user", "home \U0001F3E0 =\\ "));
        }

        [TestMethod]
        public void A_fully_set_config_survives_write_and_parse()
        {
            NodeConfig config = NodeConfig.CreateDefault();
            Assert.IsNull(config.TrySet("wifi.ssid", " My Home "));
            Assert.IsNull(config.TrySet("wifi.password", "p;a ss\"w\\o'rd=#\u00e9 "));
            Assert.IsNull(config.TrySet("mqtt.host", "broker.lan,10.0.0.2:1884"));
            Assert.IsNull(config.TrySet("mqtt.port", "8883"));
            Assert.IsNull(config.TrySet("mqtt.tls", "on"));
            Assert.IsNull(config.TrySet("mqtt.client_id", "capteur-01"));
            Assert.IsNull(config.TrySet("node.topic", "maison/garage"));
            Assert.IsNull(config.TrySet("node.board", "esp32-c3-devkitm-1"));
            Assert.IsNull(config.TrySet("publish.format", "plain"));
            Assert.IsNull(config.TrySet("sensor3.kind", "lm35"));
            Assert.IsNull(config.TrySet("sensor3.name", "garage"));
            Assert.IsNull(config.TrySet("sensor3.pin", "2"));
            Assert.IsNull(config.TrySet("sensor3.filters", "median(5)"));
            ConfigLoadResult loaded = ConfigFile.Parse(ConfigFile.Write(config));
            Assert.IsFalse(loaded.HasErrors);
            Assert.IsTrue(loaded.Config.ContentEquals(config));
        }
    }
}
