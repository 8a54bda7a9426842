#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using Capteur.Node.Config;

namespace Capteur.Node.Tests.Config
{
    [TestClass]
    public class ConfigValidateTests
    {
        private static NodeConfig WithBroker()
        {
            NodeConfig config = NodeConfig.CreateDefault();
            Assert.IsNull(config.TrySet("mqtt.host", "broker.lan"));
            return config;
        }

        private static void AddSensor(NodeConfig config, int slot, string kind, string name, string pin)
        {
            string prefix = "sensor" + slot.ToString() + ".";
            Assert.IsNull(config.TrySet(prefix + "kind", kind));
            Assert.IsNull(config.TrySet(prefix + "name", name));
            Assert.IsNull(config.TrySet(prefix + "pin", pin));
        }

        [TestMethod]
        public void A_new_config_lacks_only_the_broker()
        {
            string[] problems = NodeConfig.CreateDefault().Validate();
            Assert.AreEqual(1, problems.Length);
            Assert.AreEqual("mqtt.host: not set (set the broker's address, e.g. mqtt.host=192.168.1.10)", problems[0]);
        }

        [TestMethod]
        public void A_config_with_a_broker_and_distinct_sensors_is_valid()
        {
            NodeConfig config = WithBroker();
            AddSensor(config, 1, "tmp36", "kitchen", "34");
            AddSensor(config, 2, "digital", "door", "4");
            Assert.AreEqual(0, config.Validate().Length);
        }

        [TestMethod]
        public void A_used_slot_without_name_or_pin_is_reported_per_key()
        {
            NodeConfig config = WithBroker();
            Assert.IsNull(config.TrySet("sensor2.kind", "tmp36"));
            string[] problems = config.Validate();
            Assert.AreEqual(2, problems.Length);
            Assert.AreEqual("sensor2.name: not set, but sensor2.kind is tmp36 (set a name, e.g. sensor2.name=kitchen, or set sensor2.kind=none)", problems[0]);
            Assert.AreEqual("sensor2.pin: not set, but sensor2.kind is tmp36 (set its GPIO, e.g. sensor2.pin=34, or set sensor2.kind=none)", problems[1]);
        }

        [TestMethod]
        public void Two_sensors_with_the_same_name_are_reported_with_both_keys()
        {
            NodeConfig config = WithBroker();
            AddSensor(config, 1, "tmp36", "kitchen", "34");
            AddSensor(config, 3, "lm35", "kitchen", "35");
            string[] problems = config.Validate();
            Assert.AreEqual(1, problems.Length);
            Assert.AreEqual("sensor1.name and sensor3.name: both are \"kitchen\" (give each sensor its own name)", problems[0]);
        }

        [TestMethod]
        public void Two_sensors_on_the_same_pin_are_reported_with_both_keys()
        {
            NodeConfig config = WithBroker();
            AddSensor(config, 1, "tmp36", "kitchen", "32");
            AddSensor(config, 2, "digital", "door", "32");
            string[] problems = config.Validate();
            Assert.AreEqual(1, problems.Length);
            Assert.AreEqual("sensor1.pin and sensor2.pin: both are GPIO 32 (give each sensor its own pin)", problems[0]);
        }

        [TestMethod]
        public void An_unused_slot_keeping_an_old_name_and_pin_clashes_with_nothing()
        {
            NodeConfig config = WithBroker();
            AddSensor(config, 1, "tmp36", "kitchen", "34");
            AddSensor(config, 2, "none", "kitchen", "34");
            Assert.AreEqual(0, config.Validate().Length);
        }

        [TestMethod]
        public void Every_problem_is_reported_not_only_the_first()
        {
            NodeConfig config = NodeConfig.CreateDefault();
            AddSensor(config, 1, "tmp36", "kitchen", "34");
            AddSensor(config, 2, "lm35", "kitchen", "34");
            Assert.IsNull(config.TrySet("sensor4.kind", "digital"));
            string[] problems = config.Validate();
            Assert.AreEqual(5, problems.Length);
            Assert.AreEqual("mqtt.host: not set (set the broker's address, e.g. mqtt.host=192.168.1.10)", problems[0]);
            Assert.AreEqual("sensor4.name: not set, but sensor4.kind is digital (set a name, e.g. sensor4.name=kitchen, or set sensor4.kind=none)", problems[1]);
            Assert.AreEqual("sensor4.pin: not set, but sensor4.kind is digital (set its GPIO, e.g. sensor4.pin=4, or set sensor4.kind=none)", problems[2]);
            Assert.AreEqual("sensor1.name and sensor2.name: both are \"kitchen\" (give each sensor its own name)", problems[3]);
            Assert.AreEqual("sensor1.pin and sensor2.pin: both are GPIO 34 (give each sensor its own pin)", problems[4]);
        }
    }
}
