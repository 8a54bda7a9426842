#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using Capteur.Node.Config;
using Capteur.Node.Engine;
using Capteur.Node.Tests.Support;

namespace Capteur.Node.Tests.Engine
{
    [TestClass]
    public class NodeSetupTests
    {
        private static NodeConfig Salon()
        {
            NodeConfig config = NodeConfig.CreateDefault();
            Assert.IsNull(config.TrySet("node.topic", "maison/salon"));
            Assert.IsNull(config.TrySet("mqtt.host", "broker-a,broker-b:1884"));
            Assert.IsNull(config.TrySet("mqtt.port", "1883"));
            Assert.IsNull(config.TrySet("publish.format", "plain"));
            Assert.IsNull(config.TrySet("sensor1.kind", "tmp36"));
            Assert.IsNull(config.TrySet("sensor1.name", "temperature"));
            Assert.IsNull(config.TrySet("sensor1.pin", "34"));
            Assert.IsNull(config.TrySet("sensor1.oversample", "1"));
            Assert.IsNull(config.TrySet("sensor1.interval_ms", "5000"));
            Assert.IsNull(config.TrySet("sensor2.kind", "digital"));
            Assert.IsNull(config.TrySet("sensor2.name", "door"));
            Assert.IsNull(config.TrySet("sensor2.pin", "4"));
            return config;
        }

        [TestMethod]
        public void Options_follow_the_config_with_a_client_id_derived_when_none_is_set()
        {
            NodeOptions options = NodeSetup.OptionsFrom(Salon(), "1.0.0", "capteur-a1b2c3");
            Assert.AreEqual("maison/salon", options.BaseTopic);
            Assert.IsFalse(options.Json);
            Assert.AreEqual("broker-a", options.Hosts[0]);
            Assert.AreEqual(1883, options.Ports[0]);
            Assert.AreEqual("broker-b", options.Hosts[1]);
            Assert.AreEqual(1884, options.Ports[1]);
            Assert.AreEqual("capteur-a1b2c3", options.ClientId);
            Assert.AreEqual(1000, options.OutboxCapacity);
            Assert.AreEqual("1.0.0", options.Version);
        }

        [TestMethod]
        public void A_tmp36_on_gpio_34_reads_25_degrees_at_750_millivolts()
        {
            FakeSensorInputs inputs = new FakeSensorInputs();
            ISensorChannel[] sensors = NodeSetup.SensorsFrom(Salon(), inputs, new MemoryLog());
            Assert.AreEqual(2, sensors.Length);
            Assert.AreEqual("tmp36 34 6", inputs.LastAnalog);
            Assert.AreEqual("temperature", sensors[0].Name);
            Assert.AreEqual(5000L, sensors[0].IntervalMs);
            // TMP36 datasheet: 750 mV at 25 °C; 750 mV is 930.7 counts of 4095 at 3300 mV full scale
            inputs.Analog.Set(931);
            double value;
            Assert.IsTrue(sensors[0].TrySample(0, out value));
            Assert.AreEqual("25.03", value.ToString("F2"));
        }

        [TestMethod]
        public void A_contact_is_polled_fast_and_reported_as_a_whole_number()
        {
            FakeSensorInputs inputs = new FakeSensorInputs();
            ISensorChannel[] sensors = NodeSetup.SensorsFrom(Salon(), inputs, new MemoryLog());
            Assert.AreEqual(4, inputs.LastDigitalGpio);
            Assert.AreEqual("door", sensors[1].Name);
            Assert.AreEqual((long)NodeSetup.DigitalPollMs, sensors[1].IntervalMs);
            Assert.AreEqual(0, sensors[1].Decimals);
            inputs.Digital.Level = true;
            double value;
            Assert.IsTrue(sensors[1].TrySample(0, out value));
            Assert.AreEqual("1", value.ToString("F0"));
        }

        [TestMethod]
        public void A_failing_input_is_logged_and_skipped_never_thrown()
        {
            MemoryLog log = new MemoryLog();
            SensorChannel channel = new SensorChannel("temperature", new ThrowingSensor(), 2, 1000, log);
            double value;
            Assert.IsFalse(channel.TrySample(0, out value));
            Assert.IsFalse(channel.TrySample(1000, out value));
            Assert.AreEqual(2L, channel.Errors);
            Assert.AreEqual("ERROR sensor temperature: read failed (ADC busy); 1 failures so far", log.Find("read failed"));
            Assert.AreEqual(1, log.Lines.Count);
        }

        private sealed class ThrowingSensor : Capteur.Node.Sensors.ISensor
        {
            public string Unit
            {
                get { return "°C"; }
            }

            public bool TryRead(long nowMs, out double value)
            {
                throw new System.InvalidOperationException("ADC busy");
            }
        }
    }
}
