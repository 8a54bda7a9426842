#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;
using Capteur.Node.Config;

namespace Capteur.Node.Tests.Config
{
    [TestClass]
    public class NodeConfigTests
    {
        [TestMethod]
        public void Typed_getters_read_the_defaults()
        {
            NodeConfig config = NodeConfig.CreateDefault();
            Assert.AreEqual(1883, config.GetInt("mqtt.port"));
            Assert.AreEqual(-1, config.GetInt("sensor3.pin"));
            Assert.IsFalse(config.GetBool("mqtt.tls"));
            Assert.AreEqual("capteur/node", config.Get("node.topic"));
        }

        [TestMethod]
        public void Reading_an_unknown_key_or_a_key_as_the_wrong_type_throws()
        {
            NodeConfig config = NodeConfig.CreateDefault();
            Assert.IsTrue(Throws(config, "get", "foo.bar"));
            Assert.IsTrue(Throws(config, "int", "node.topic"));
            Assert.IsTrue(Throws(config, "bool", "mqtt.port"));
            Assert.IsFalse(Throws(config, "int", "mqtt.port"));
        }

        private static bool Throws(NodeConfig config, string how, string key)
        {
            try
            {
                if (how == "get")
                {
                    config.Get(key);
                }
                else if (how == "int")
                {
                    config.GetInt(key);
                }
                else
                {
                    config.GetBool(key);
                }

                return false;
            }
            catch (ArgumentException)
            {
                return true;
            }
        }

        [TestMethod]
        public void Display_masks_a_secret_that_is_set_and_shows_everything_else()
        {
            NodeConfig config = NodeConfig.CreateDefault();
            Assert.AreEqual("", config.Display("wifi.password"));
            Assert.IsNull(config.TrySet("wifi.password", "hunter2hunter2"));
            Assert.IsNull(config.TrySet("mqtt.password", "x"));
            Assert.IsNull(config.TrySet("wifi.ssid", "MyHome"));
            Assert.AreEqual("****", config.Display("wifi.password"));
            Assert.AreEqual("****", config.Display("mqtt.password"));
            Assert.AreEqual("MyHome", config.Display("wifi.ssid"));
            Assert.AreEqual("1883", config.Display("mqtt.port"));
        }

        [TestMethod]
        public void A_clone_is_equal_in_content_and_independent()
        {
            NodeConfig config = NodeConfig.CreateDefault();
            Assert.IsNull(config.TrySet("mqtt.host", "broker.lan"));
            NodeConfig copy = config.Clone();
            Assert.IsTrue(copy.ContentEquals(config));
            Assert.IsNull(copy.TrySet("mqtt.host", "other.lan"));
            Assert.AreEqual("broker.lan", config.Get("mqtt.host"));
            Assert.IsFalse(copy.ContentEquals(config));
            Assert.IsFalse(config.ContentEquals(null));
        }

        [TestMethod]
        public void Reset_puts_a_key_back_to_its_default()
        {
            NodeConfig config = NodeConfig.CreateDefault();
            Assert.IsNull(config.TrySet("mqtt.port", "8883"));
            Assert.IsFalse(config.IsDefault("mqtt.port"));
            config.Reset("mqtt.port");
            Assert.AreEqual(1883, config.GetInt("mqtt.port"));
            Assert.IsTrue(config.ContentEquals(NodeConfig.CreateDefault()));
        }

        [TestMethod]
        public void Sensors_lists_only_the_used_slots_with_their_typed_settings()
        {
            NodeConfig config = NodeConfig.CreateDefault();
            Assert.AreEqual(0, config.Sensors.Length);
            Assert.IsNull(config.TrySet("sensor2.kind", "tmp36"));
            Assert.IsNull(config.TrySet("sensor2.name", "kitchen"));
            Assert.IsNull(config.TrySet("sensor2.pin", "34"));
            Assert.IsNull(config.TrySet("sensor2.interval_ms", "5000"));
            Assert.IsNull(config.TrySet("sensor2.decimals", "1"));
            Assert.IsNull(config.TrySet("sensor4.kind", "digital"));
            Assert.IsNull(config.TrySet("sensor4.name", "door"));
            Assert.IsNull(config.TrySet("sensor4.pin", "4"));
            Assert.IsNull(config.TrySet("sensor4.debounce_ms", "20"));

            SensorSettings[] sensors = config.Sensors;
            Assert.AreEqual(2, sensors.Length);
            Assert.AreEqual(2, sensors[0].Slot);
            Assert.AreEqual("tmp36", sensors[0].Kind);
            Assert.AreEqual("kitchen", sensors[0].Name);
            Assert.AreEqual(34, sensors[0].Pin);
            Assert.AreEqual(5000, sensors[0].IntervalMs);
            Assert.AreEqual(8, sensors[0].Oversample);
            Assert.AreEqual(1, sensors[0].Decimals);
            Assert.AreEqual("", sensors[0].Filters);
            Assert.AreEqual("", sensors[0].Calibration);
            Assert.AreEqual(4, sensors[1].Slot);
            Assert.AreEqual("digital", sensors[1].Kind);
            Assert.AreEqual(20, sensors[1].DebounceMs);
        }

        [TestMethod]
        public void MqttHosts_gives_each_broker_its_own_port_or_mqtt_port()
        {
            NodeConfig config = NodeConfig.CreateDefault();
            Assert.AreEqual(0, config.MqttHosts.Length);
            Assert.IsNull(config.TrySet("mqtt.host", "primary.lan, 10.0.0.2:1884"));
            Assert.IsNull(config.TrySet("mqtt.port", "8883"));
            MqttHostEntry[] hosts = config.MqttHosts;
            Assert.AreEqual(2, hosts.Length);
            Assert.AreEqual("primary.lan", hosts[0].Host);
            Assert.AreEqual(8883, hosts[0].Port);
            Assert.AreEqual("10.0.0.2", hosts[1].Host);
            Assert.AreEqual(1884, hosts[1].Port);
        }
    }
}
