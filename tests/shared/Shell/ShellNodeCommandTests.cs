#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using Capteur.Node.Shell;
using Capteur.Node.Tests.Support;

namespace Capteur.Node.Tests.Shell
{
    [TestClass]
    public class ShellNodeCommandTests
    {
        private static ShellStatus Online()
        {
            ShellStatus status = new ShellStatus();
            status.State = "online";
            status.WifiConnected = true;
            status.IpAddress = "192.168.1.42";
            status.RssiDbm = -61;
            status.MqttConnected = true;
            status.Broker = "broker.lan:1883";
            status.OutboxDepth = 3;
            status.OutboxCapacity = 1000;
            status.OldestAgeMs = 42500;
            status.Dropped = 1;
            status.Resent = 2;
            status.UptimeMs = (((86400L + 2 * 3600) + 3 * 60) + 4) * 1000 + 999;
            status.FreeMemoryBytes = 81234;
            status.Version = "0.1.0";
            return status;
        }

        [TestMethod]
        public void Status_prints_connection_outbox_uptime_memory_and_version()
        {
            ShellRig rig = new ShellRig();
            rig.Host.StatusSnapshot = Online();
            Assert.AreEqual("state: online\n"
                + "wifi: connected, ip 192.168.1.42, rssi -61 dBm\n"
                + "mqtt: connected to broker.lan:1883\n"
                + "outbox: 3 of 1000 waiting (oldest 00:00:42 ago), 1 dropped, 2 resent\n"
                + "uptime: 1d 02:03:04\n"
                + "free memory: 81234 bytes\n"
                + "firmware: 0.1.0", rig.Run("status"));
        }

        [TestMethod]
        public void Status_of_a_node_without_network_says_what_is_down()
        {
            ShellRig rig = new ShellRig();
            ShellStatus status = new ShellStatus();
            status.State = "wifi-connecting";
            status.Broker = "broker.lan:1883";
            status.OutboxCapacity = 1000;
            status.UptimeMs = 5000;
            status.FreeMemoryBytes = 90000;
            status.Version = "0.1.0";
            rig.Host.StatusSnapshot = status;
            Assert.AreEqual("state: wifi-connecting\n"
                + "wifi: not connected\n"
                + "mqtt: not connected (broker broker.lan:1883)\n"
                + "outbox: 0 of 1000 waiting, 0 dropped, 0 resent\n"
                + "uptime: 00:00:05\n"
                + "free memory: 90000 bytes\n"
                + "firmware: 0.1.0", rig.Run("status"));
        }

        [TestMethod]
        public void Outbox_prints_depth_oldest_dropped_and_resent()
        {
            ShellRig rig = new ShellRig();
            rig.Host.StatusSnapshot = Online();
            Assert.AreEqual("outbox: 3 of 1000 waiting (oldest 00:00:42 ago), 1 dropped, 2 resent", rig.Run("outbox"));
            Assert.AreEqual("error: outbox: takes no argument (help outbox)", rig.Run("outbox clear"));
        }

        [TestMethod]
        public void Read_prints_each_sensor_with_its_decimals_and_unit_or_its_error()
        {
            ShellRig rig = new ShellRig();
            ShellReading failed = FakeShellHost.Reading("cellar", 0, 2, "\u00b0C");
            failed.Error = "ADC read failed";
            rig.Host.Readings = new ShellReading[]
            {
                FakeShellHost.Reading("kitchen", 21.456, 2, "\u00b0C"), FakeShellHost.Reading("door", 1, 0, ""), failed,
            };
            Assert.AreEqual("kitchen: 21.46 \u00b0C\ndoor: 1\ncellar: error: ADC read failed", rig.Run("read"));
        }

        [TestMethod]
        public void Read_without_sensors_says_how_to_configure_one()
        {
            Assert.AreEqual("no sensor configured (set sensor1.kind, sensor1.name and sensor1.pin, then save)", new ShellRig().Run("read"));
        }

        [TestMethod]
        public void Wifi_scan_lists_networks_strongest_first()
        {
            ShellRig rig = new ShellRig();
            rig.Host.Networks = new ShellWifiNetwork[]
            {
                FakeShellHost.Network("Neighbour", -80), FakeShellHost.Network("MyHome", -48), FakeShellHost.Network("", -70),
                FakeShellHost.Network("Far", -100),
            };
            Assert.AreEqual("4 networks:\n  -48 dBm  MyHome\n  -70 dBm  (hidden)\n  -80 dBm  Neighbour\n  -100 dBm Far", rig.Run("wifi scan"));
        }

        [TestMethod]
        public void Wifi_scan_with_nothing_in_range_says_so()
        {
            ShellRig rig = new ShellRig();
            Assert.AreEqual("no network found", rig.Run("wifi scan"));
            rig.Host.Networks = new ShellWifiNetwork[] { FakeShellHost.Network("MyHome", -48) };
            Assert.AreEqual("1 network:\n  -48 dBm  MyHome", rig.Run("WIFI SCAN"));
            Assert.AreEqual("error: wifi: type wifi scan", rig.Run("wifi"));
        }

        [TestMethod]
        public void Publish_test_prints_what_the_node_reports()
        {
            ShellRig rig = new ShellRig();
            Assert.AreEqual("published to capteur/node/test", rig.Run("publish test"));
            rig.Host.PublishOk = false;
            rig.Host.PublishMessage = "not connected to the broker (state backoff); try again when status shows online";
            Assert.AreEqual("error: publish test: not connected to the broker (state backoff); try again when status shows online",
                rig.Run("publish test"));
            Assert.AreEqual("error: publish: type publish test", rig.Run("publish"));
        }

        [TestMethod]
        public void A_failing_node_call_is_that_command_s_error()
        {
            ShellRig rig = new ShellRig();
            rig.Host.ThrowMessage = "radio busy";
            Assert.AreEqual("error: wifi scan: failed: radio busy\nnot run: status (a line stops at its first error)", rig.Run("wifi scan; status"));
        }

        [TestMethod]
        public void Reboot_happens_only_once_the_output_is_written()
        {
            ShellRig rig = new ShellRig();
            Assert.AreEqual("rebooting", rig.Run("reboot"));
            Assert.IsTrue(rig.Shell.RebootRequested);
            Assert.AreEqual(0, rig.Host.Reboots);
            rig.Shell.RunPendingReboot();
            Assert.AreEqual(1, rig.Host.Reboots);
            rig.Shell.RunPendingReboot();
            Assert.AreEqual(1, rig.Host.Reboots);
        }

        [TestMethod]
        public void Reboot_is_refused_while_changes_are_not_saved_unless_forced()
        {
            ShellRig rig = new ShellRig();
            rig.Run("set mqtt.port 1884");
            Assert.AreEqual("error: reboot: 1 change not saved (mqtt.port): save or discard first, or type reboot force to lose them",
                rig.Run("reboot"));
            Assert.IsFalse(rig.Shell.RebootRequested);
            Assert.AreEqual("error: reboot: the only option is force (reboot force: reboot even with changes not saved)", rig.Run("reboot now"));
            Assert.AreEqual("rebooting", rig.Run("reboot force"));
            Assert.IsTrue(rig.Shell.RebootRequested);
        }
    }
}
