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
    public class ShellJsonModeTests
    {
        private static ShellRig JsonRig()
        {
            ShellRig rig = new ShellRig();
            Assert.AreEqual("{\"ok\":true,\"json\":true}", rig.Run("json on"));
            Assert.IsTrue(rig.Shell.JsonMode);
            return rig;
        }

        [TestMethod]
        public void Json_on_takes_effect_for_the_rest_of_the_line_and_json_off_returns_to_text()
        {
            ShellRig rig = new ShellRig();
            Assert.AreEqual("{\"ok\":true,\"json\":true}\n{\"ok\":true,\"key\":\"mqtt.port\",\"value\":\"1883\",\"saved\":true}",
                rig.Run("json on; get mqtt.port"));
            Assert.AreEqual("json off", rig.Run("json off"));
            Assert.IsFalse(rig.Shell.JsonMode);
        }

        [TestMethod]
        public void Set_and_get_give_key_value_and_whether_it_is_saved()
        {
            ShellRig rig = JsonRig();
            Assert.AreEqual("{\"ok\":true,\"key\":\"mqtt.port\",\"value\":\"1884\",\"saved\":false}", rig.Run("set mqtt.port 1884"));
            Assert.AreEqual("{\"ok\":true,\"key\":\"wifi.ssid\",\"value\":\"My \\\"Home\\\"\",\"saved\":false}", rig.Run("set wifi.ssid 'My \"Home\"'"));
        }

        [TestMethod]
        public void Secrets_read_stars_in_json_too()
        {
            ShellRig rig = JsonRig();
            Assert.AreEqual("{\"ok\":true,\"key\":\"wifi.password\",\"value\":\"****\",\"saved\":true}", rig.Run("get wifi.password"));
            Assert.AreEqual("{\"ok\":true,\"key\":\"wifi.password\",\"value\":\"****\",\"saved\":false}", rig.Run("set wifi.password hunter222"));
        }

        [TestMethod]
        public void Errors_are_one_object_with_ok_false()
        {
            ShellRig rig = JsonRig();
            Assert.AreEqual("{\"ok\":false,\"error\":\"mqtt.port: 70000 is out of range (1..65535)\"}", rig.Run("set mqtt.port 70000"));
            Assert.AreEqual("{\"ok\":false,\"error\":\"unterminated double quote (close it with \\\"); nothing was run\"}", rig.Run("get \"x"));
            Assert.AreEqual("{\"ok\":false,\"error\":\"line too long\"}", ShellRig.Join(rig.Shell.Refuse("line too long")));
        }

        [TestMethod]
        public void A_stopped_line_lists_the_commands_not_run()
        {
            ShellRig rig = JsonRig();
            Assert.AreEqual("{\"ok\":false,\"error\":\"mqtt.tls: \\\"maybe\\\" is not a boolean (true or false)\",\"not_run\":[\"save\",\"reboot\"]}",
                rig.Run("set mqtt.tls maybe; save; reboot"));
        }

        [TestMethod]
        public void Show_gives_the_config_as_one_object_and_the_unsaved_keys()
        {
            ShellRig rig = JsonRig();
            rig.Run("set mqtt.port 1884");
            string json = rig.Run("show");
            string head = "{\"ok\":true,\"config\":{\"wifi.ssid\":\"home\",\"wifi.password\":\"****\",\"mqtt.host\":\"broker.lan\",\"mqtt.port\":\"1884\",";
            string tail = "\"sensor4.debounce_ms\":\"50\"},\"unsaved\":[\"mqtt.port\"]}";
            Assert.AreEqual(head, json.Substring(0, head.Length));
            Assert.AreEqual(tail, json.Substring(json.Length - tail.Length));
            Assert.IsFalse(ShellRig.Contains(json, ShellRig.WifiPassword));
        }

        [TestMethod]
        public void Save_discard_and_factory_reset_report_in_json()
        {
            ShellRig rig = JsonRig();
            rig.Run("set mqtt.port 1884");
            Assert.AreEqual("{\"ok\":true,\"changed\":[\"mqtt.port\"]}", rig.Run("save"));
            rig.Run("set mqtt.tls on");
            Assert.AreEqual("{\"ok\":true,\"discarded\":[\"mqtt.tls\"]}", rig.Run("discard"));
            Assert.AreEqual("{\"ok\":true,\"factory_reset\":true}", rig.Run("factory-reset yes"));
        }

        [TestMethod]
        public void A_refused_save_lists_its_problems()
        {
            ShellRig rig = JsonRig();
            rig.Run("set mqtt.host \"\"");
            Assert.AreEqual("{\"ok\":false,\"error\":\"not saved (the flash is unchanged): 1 problem to fix first\","
                + "\"problems\":[\"mqtt.host: not set (set the broker's address, e.g. mqtt.host=192.168.1.10)\"]}", rig.Run("save"));
        }

        [TestMethod]
        public void Status_and_outbox_use_the_names_of_the_node_info_message()
        {
            ShellRig rig = JsonRig();
            ShellStatus status = rig.Host.StatusSnapshot;
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
            status.UptimeMs = 93784999;
            status.FreeMemoryBytes = 81234;
            status.Version = "0.1.0";
            Assert.AreEqual("{\"ok\":true,\"state\":\"online\",\"wifi\":true,\"ip\":\"192.168.1.42\",\"rssi\":-61,\"mqtt\":true,"
                + "\"broker\":\"broker.lan:1883\",\"outbox\":3,\"outbox_capacity\":1000,\"oldest_s\":42,\"dropped\":1,\"resent\":2,"
                + "\"uptime_s\":93784,\"free_bytes\":81234,\"version\":\"0.1.0\"}", rig.Run("status"));
            status.OutboxDepth = 0;
            status.OldestAgeMs = -1;
            Assert.AreEqual("{\"ok\":true,\"outbox\":0,\"outbox_capacity\":1000,\"oldest_s\":null,\"dropped\":1,\"resent\":2}", rig.Run("outbox"));
        }

        [TestMethod]
        public void Read_gives_numbers_with_the_sensor_decimals()
        {
            ShellRig rig = JsonRig();
            ShellReading failed = FakeShellHost.Reading("cellar", 0, 2, "\u00b0C");
            failed.Error = "ADC read failed";
            rig.Host.Readings = new ShellReading[] { FakeShellHost.Reading("kitchen", 21.456, 2, "\u00b0C"), FakeShellHost.Reading("door", 1, 0, ""), failed };
            Assert.AreEqual("{\"ok\":true,\"readings\":[{\"name\":\"kitchen\",\"value\":21.46,\"unit\":\"\u00b0C\"},"
                + "{\"name\":\"door\",\"value\":1,\"unit\":\"\"},{\"name\":\"cellar\",\"error\":\"ADC read failed\"}]}", rig.Run("read"));
        }

        [TestMethod]
        public void Wifi_scan_publish_reboot_and_echo_report_in_json()
        {
            ShellRig rig = JsonRig();
            rig.Host.Networks = new ShellWifiNetwork[] { FakeShellHost.Network("Neighbour", -80), FakeShellHost.Network("MyHome", -48) };
            Assert.AreEqual("{\"ok\":true,\"networks\":[{\"ssid\":\"MyHome\",\"rssi\":-48},{\"ssid\":\"Neighbour\",\"rssi\":-80}]}", rig.Run("wifi scan"));
            Assert.AreEqual("{\"ok\":true,\"message\":\"published to capteur/node/test\"}", rig.Run("publish test"));
            Assert.AreEqual("{\"ok\":true,\"echo\":false}", rig.Run("echo off"));
            Assert.AreEqual("{\"ok\":true,\"reboot\":true}", rig.Run("reboot"));
        }

        [TestMethod]
        public void Help_gives_its_lines_in_an_array_and_a_key_as_fields()
        {
            ShellRig rig = JsonRig();
            string head = "{\"ok\":true,\"help\":[\"commands (several on one line: separate them with ;):\",\"  help [COMMAND|KEY]  ";
            string help = rig.Run("help");
            Assert.AreEqual(head, help.Substring(0, head.Length));
            Assert.AreEqual("{\"ok\":true,\"key\":\"mqtt.port\",\"help\":\"Broker TCP port for mqtt.host entries without their own, e.g. 1883"
                + " (plain) or 8883 (TLS)\",\"allowed\":\"1..65535\",\"default\":\"1883\",\"secret\":false}", rig.Run("help mqtt.port"));
        }
    }
}
