#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using Capteur.Node.Config;
using Capteur.Node.Engine;

namespace Capteur.Node.Tests.Config
{
    [TestClass]
    public class RebootTimeoutKeyTests
    {
        [TestMethod]
        public void A_new_node_reboots_after_15_minutes_without_the_broker()
        {
            // ESPHome's mqtt/api reboot_timeout defaults to 15 min.
            Assert.AreEqual(900, NodeConfig.CreateDefault().GetInt("node.reboot_timeout_s"));
        }

        [TestMethod]
        [DataRow("59", "node.reboot_timeout_s: 59 is out of range (0 for off, or 60..86400)")]
        [DataRow("1", "node.reboot_timeout_s: 1 is out of range (0 for off, or 60..86400)")]
        [DataRow("86401", "node.reboot_timeout_s: 86401 is out of range (0 for off, or 60..86400)")]
        [DataRow("-1", "node.reboot_timeout_s: -1 is out of range (0 for off, or 60..86400)")]
        [DataRow("15m", "node.reboot_timeout_s: \"15m\" is not a whole number (0 for off, or 60..86400)")]
        public void A_timeout_outside_60_to_86400_is_refused_with_the_range(string value, string expected)
        {
            Assert.AreEqual(expected, NodeConfig.CreateDefault().TrySet("node.reboot_timeout_s", value));
        }

        [TestMethod]
        [DataRow("0")]
        [DataRow("60")]
        [DataRow("86400")]
        public void Off_and_both_ends_of_the_range_are_accepted(string value)
        {
            NodeConfig config = NodeConfig.CreateDefault();
            Assert.IsNull(config.TrySet("node.reboot_timeout_s", value));
            Assert.AreEqual(value, config.Get("node.reboot_timeout_s"));
        }

        [TestMethod]
        public void The_engine_options_carry_the_timeout()
        {
            NodeConfig config = NodeConfig.CreateDefault();
            Assert.IsNull(config.TrySet("mqtt.host", "broker.lan"));
            Assert.IsNull(config.TrySet("node.reboot_timeout_s", "120"));
            Assert.AreEqual(120, NodeSetup.OptionsFrom(config, "1.0", "capteur-test").RebootTimeoutS);
        }
    }
}
