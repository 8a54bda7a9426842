#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using Capteur.Node.Engine;

namespace Capteur.Node.Tests.Engine
{
    [TestClass]
    public class RebootSupervisorTests
    {
        [TestMethod]
        public void A_node_that_never_connects_is_due_exactly_at_the_timeout_after_its_start()
        {
            RebootSupervisor supervisor = new RebootSupervisor(900, 5000);
            Assert.IsFalse(supervisor.IsDue(false, 5000));
            Assert.IsFalse(supervisor.IsDue(false, 904999));
            Assert.IsTrue(supervisor.IsDue(false, 905000));
        }

        [TestMethod]
        public void Being_online_starts_the_count_again()
        {
            RebootSupervisor supervisor = new RebootSupervisor(60, 0);
            Assert.IsFalse(supervisor.IsDue(false, 59000));
            Assert.IsFalse(supervisor.IsDue(true, 59500));
            Assert.IsFalse(supervisor.IsDue(false, 119499));
            Assert.AreEqual(59999L, supervisor.OfflineMs(119499));
            Assert.IsTrue(supervisor.IsDue(false, 119500));
        }

        [TestMethod]
        public void A_node_online_all_the_time_is_never_due()
        {
            RebootSupervisor supervisor = new RebootSupervisor(60, 0);
            for (long now = 0; now <= 600000; now += 10000)
            {
                Assert.IsFalse(supervisor.IsDue(true, now));
            }
        }

        [TestMethod]
        public void Zero_turns_the_supervisor_off()
        {
            RebootSupervisor supervisor = new RebootSupervisor(0, 0);
            Assert.AreEqual(0L, supervisor.TimeoutMs);
            Assert.IsFalse(supervisor.IsDue(false, 86400000L * 30));
        }

        [TestMethod]
        public void The_reason_names_the_key_and_how_long_the_node_was_offline()
        {
            RebootSupervisor supervisor = new RebootSupervisor(900, 0);
            supervisor.IsDue(true, 1000);
            Assert.IsTrue(supervisor.IsDue(false, 902500));
            Assert.AreEqual("no MQTT connection for 901 s (node.reboot_timeout_s=900): rebooting", supervisor.Reason(902500));
        }
    }
}
