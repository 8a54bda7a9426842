#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using Capteur.Node.Config;

namespace Capteur.Node.Tests.Config
{
    [TestClass]
    public class ConfigSchemaTests
    {
        private static readonly string[] NodeKeys = new string[]
        {
            "wifi.ssid", "wifi.password", "mqtt.host", "mqtt.port", "mqtt.user", "mqtt.password", "mqtt.tls",
            "mqtt.client_id", "mqtt.keepalive_s", "node.topic", "node.board", "node.info_s", "node.reboot_timeout_s",
            "publish.format", "publish.retain", "homeassistant.discovery", "outbox.capacity", "outbox.checkpoint_s", "console.rx_pin", "console.tx_pin",
        };

        private static readonly string[] SensorFields = new string[]
        {
            "kind", "name", "pin", "interval_ms", "oversample", "decimals", "filters", "cal", "debounce_ms",
        };

        [TestMethod]
        public void The_table_lists_the_node_keys_then_nine_keys_per_sensor_slot_in_order()
        {
            ConfigKey[] keys = ConfigSchema.Keys;
            Assert.AreEqual(NodeKeys.Length + 4 * SensorFields.Length, keys.Length);
            for (int i = 0; i < NodeKeys.Length; i++)
            {
                Assert.AreEqual(NodeKeys[i], keys[i].Name);
                Assert.AreEqual(0, keys[i].Slot);
            }

            int at = NodeKeys.Length;
            for (int slot = 1; slot <= 4; slot++)
            {
                for (int f = 0; f < SensorFields.Length; f++)
                {
                    Assert.AreEqual("sensor" + slot.ToString() + "." + SensorFields[f], keys[at].Name);
                    Assert.AreEqual(slot, keys[at].Slot);
                    at++;
                }
            }
        }

        [TestMethod]
        [DataRow("wifi.ssid", "")]
        [DataRow("wifi.password", "")]
        [DataRow("mqtt.host", "")]
        [DataRow("mqtt.port", "1883")]
        [DataRow("mqtt.user", "")]
        [DataRow("mqtt.password", "")]
        [DataRow("mqtt.tls", "false")]
        [DataRow("mqtt.client_id", "")]
        [DataRow("mqtt.keepalive_s", "60")]
        [DataRow("node.topic", "capteur/node")]
        [DataRow("node.board", "esp32-devkitc")]
        [DataRow("node.info_s", "60")]
        [DataRow("node.reboot_timeout_s", "900")]
        [DataRow("publish.format", "json")]
        [DataRow("publish.retain", "false")]
        [DataRow("homeassistant.discovery", "true")]
        [DataRow("outbox.capacity", "1000")]
        [DataRow("outbox.checkpoint_s", "60")]
        [DataRow("sensor1.kind", "none")]
        [DataRow("sensor1.name", "")]
        [DataRow("sensor1.pin", "-1")]
        [DataRow("sensor1.interval_ms", "10000")]
        [DataRow("sensor1.oversample", "8")]
        [DataRow("sensor1.decimals", "2")]
        [DataRow("sensor1.filters", "")]
        [DataRow("sensor1.cal", "")]
        [DataRow("sensor1.debounce_ms", "50")]
        [DataRow("sensor4.kind", "none")]
        [DataRow("sensor4.pin", "-1")]
        [DataRow("sensor4.debounce_ms", "50")]
        public void A_new_config_holds_the_documented_defaults(string key, string expected)
        {
            Assert.AreEqual(expected, ConfigSchema.Find(key).DefaultValue);
            Assert.AreEqual(expected, NodeConfig.CreateDefault().Get(key));
            Assert.IsTrue(NodeConfig.CreateDefault().IsDefault(key));
        }

        [TestMethod]
        public void Every_default_passes_its_own_check()
        {
            NodeConfig config = NodeConfig.CreateDefault();
            ConfigKey[] keys = ConfigSchema.Keys;
            for (int i = 0; i < keys.Length; i++)
            {
                Assert.IsNull(config.TrySet(keys[i].Name, keys[i].DefaultValue));
            }
        }

        [TestMethod]
        public void Every_key_has_a_help_line()
        {
            ConfigKey[] keys = ConfigSchema.Keys;
            for (int i = 0; i < keys.Length; i++)
            {
                Assert.IsTrue(keys[i].Help.Length > 10);
                Assert.IsTrue(keys[i].Help.Length <= 120);
            }
        }

        [TestMethod]
        public void Only_the_two_passwords_are_secret()
        {
            ConfigKey[] keys = ConfigSchema.Keys;
            int secrets = 0;
            for (int i = 0; i < keys.Length; i++)
            {
                secrets += keys[i].Secret ? 1 : 0;
            }

            Assert.AreEqual(2, secrets);
            Assert.IsTrue(ConfigSchema.Find("wifi.password").Secret);
            Assert.IsTrue(ConfigSchema.Find("mqtt.password").Secret);
        }

        [TestMethod]
        public void Find_ignores_case_and_returns_null_for_an_unknown_key()
        {
            Assert.AreEqual("mqtt.port", ConfigSchema.Find("MQTT.PORT").Name);
            Assert.IsNull(ConfigSchema.Find("mqtt.prot"));
            Assert.IsNull(ConfigSchema.Find("sensor5.kind"));
        }

        [TestMethod]
        [DataRow("mqtt.port", "1..65535")]
        [DataRow("node.info_s", "0 for off, or 10..86400")]
        [DataRow("node.reboot_timeout_s", "0 for off, or 60..86400")]
        [DataRow("sensor2.pin", "-1 for unset, or 0..48")]
        [DataRow("mqtt.tls", "true or false")]
        [DataRow("publish.format", "json, plain")]
        [DataRow("wifi.ssid", "at most 32")]
        [DataRow("wifi.password", "8..63, or empty for an open network")]
        [DataRow("node.topic", "1..200")]
        [DataRow("sensor1.name", "at most 32")]
        [DataRow("mqtt.host", "host or host:port, 1..4 separated by commas")]
        public void The_allowed_values_read_as_the_messages_write_them(string key, string expected)
        {
            Assert.AreEqual(expected, ConfigSchema.Find(key).AllowedText);
        }
    }
}
