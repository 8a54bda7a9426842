#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using Capteur.Node.Tests.Support;

namespace Capteur.Node.Tests.Shell
{
    [TestClass]
    public class ShellLineTests
    {
        [TestMethod]
        public void Commands_of_one_line_run_in_order()
        {
            ShellRig rig = new ShellRig();
            Assert.AreEqual("mqtt.port=1884 (not saved yet)\nmqtt.tls=true (not saved yet)\nsaved (changed: mqtt.port, mqtt.tls)",
                rig.Run("set mqtt.port 1884; set mqtt.tls on; save"));
        }

        [TestMethod]
        public void A_line_stops_at_its_first_error_and_names_what_was_not_run()
        {
            ShellRig rig = new ShellRig();
            int mutations = rig.Storage.Mutations;
            string expected = "mqtt.port=1884 (not saved yet)\n"
                + "error: mqtt.tls: \"maybe\" is not a boolean (true or false)\n"
                + "not run: save (a line stops at its first error)";
            Assert.AreEqual(expected, rig.Run("set mqtt.port 1884; set mqtt.tls maybe; save"));
            Assert.AreEqual(mutations, rig.Storage.Mutations);
            Assert.AreEqual("mqtt.port=1884 (not saved yet)", rig.Run("get mqtt.port"));
        }

        [TestMethod]
        public void Commands_not_run_are_named_without_their_values()
        {
            ShellRig rig = new ShellRig();
            Assert.AreEqual("error: unknown command (type help for the list)\nnot run: set wifi.password, save (a line stops at its first error)",
                rig.Run("bogus; set wifi.password \"hunter22 x\"; save"));
            Assert.AreEqual("error: unknown command (type help for the list)\nnot run: set wifi.password, an unknown command (a line stops at its first error)",
                rig.Run("bogus; set wifi.password=hunter22; other"));
        }

        [TestMethod]
        public void A_line_that_does_not_parse_runs_nothing()
        {
            ShellRig rig = new ShellRig();
            Assert.AreEqual("error: unterminated double quote (close it with \"); nothing was run",
                rig.Run("set mqtt.port 1884; set wifi.ssid \"abc; save"));
            Assert.IsFalse(rig.Shell.HasUnsavedChanges);
        }

        [TestMethod]
        public void An_empty_line_prints_nothing()
        {
            ShellRig rig = new ShellRig();
            Assert.AreEqual(0, rig.Shell.Execute("").Length);
            Assert.AreEqual(0, rig.Shell.Execute("  ;; ").Length);
        }

        [TestMethod]
        public void An_unknown_command_is_not_repeated_but_a_near_miss_is_suggested()
        {
            ShellRig rig = new ShellRig();
            Assert.AreEqual("error: unknown command (type help for the list)", rig.Run("hunter22"));
            Assert.AreEqual("error: unknown command (type help for the list); did you mean show?", rig.Run("shwo"));
            Assert.AreEqual("error: unknown command (type help for the list); did you mean status?", rig.Run("STATSU"));
            Assert.AreEqual("error: unknown command (type help for the list); did you mean echo?", rig.Run("\u00c9CHO on"));
        }

        [TestMethod]
        public void A_config_key_typed_as_a_command_points_to_set_and_get()
        {
            ShellRig rig = new ShellRig();
            Assert.AreEqual("error: mqtt.port is a config key, not a command: type set mqtt.port VALUE, or get mqtt.port", rig.Run("mqtt.port 1884"));
            Assert.AreEqual("error: wifi.password is a config key, not a command: type set wifi.password VALUE, or get wifi.password",
                rig.Run("wifi.password=hunter22"));
        }

        [TestMethod]
        public void Commands_are_case_insensitive()
        {
            Assert.AreEqual("mqtt.port=1884 (not saved yet)", new ShellRig().Run("SET mqtt.port 1884"));
        }

        [TestMethod]
        public void Echo_on_and_off_set_the_terminal_echo()
        {
            ShellRig rig = new ShellRig();
            Assert.AreEqual("echo on", rig.Run("echo"));
            Assert.AreEqual("echo off", rig.Run("echo off"));
            Assert.IsFalse(rig.Shell.EchoOn);
            Assert.AreEqual("echo off", rig.Run("echo"));
            Assert.AreEqual("echo on", rig.Run("echo ON"));
            Assert.IsTrue(rig.Shell.EchoOn);
            Assert.AreEqual("error: echo: \"maybe\" is not on or off (type echo on or echo off)", rig.Run("echo maybe"));
            Assert.AreEqual("error: echo: type echo on or echo off", rig.Run("echo on off"));
        }

        [TestMethod]
        public void Help_lists_every_command_then_the_keys()
        {
            string[] lines = new ShellRig().Shell.Execute("help");
            string expected = "commands (several on one line: separate them with ;):\n"
                + "  help [COMMAND|KEY]  this list, or more about one command or config key\n"
                + "  show                every config value; secrets read ****\n"
                + "  get KEY             one config value\n"
                + "  set KEY VALUE       change a value: checked now, written to flash by save\n"
                + "  save                check the whole config and write it to flash\n"
                + "  discard             drop the changes not saved yet\n"
                + "  factory-reset yes   erase the config: every key back to its default\n"
                + "  reboot [force]      restart the node\n"
                + "  status              Wi-Fi, MQTT, outbox, uptime, free memory, firmware version\n"
                + "  read                sample every sensor now and print the values\n"
                + "  wifi scan           list the Wi-Fi networks in range\n"
                + "  publish test        publish a test message to the broker\n"
                + "  outbox              readings waiting for the broker, dropped, resent\n"
                + "  echo on|off         echo typed characters (off for scripts)\n"
                + "  json on|off         one JSON object per result (for tools)\n"
                + "keys (help KEY for one; sensorN is sensor1 to sensor4):";
            string[] head = new string[17];
            for (int i = 0; i < head.Length; i++)
            {
                head[i] = lines[i];
            }

            Assert.AreEqual(expected, ShellRig.Join(head));
            Assert.AreEqual("  wifi.ssid wifi.password", lines[17]);
            Assert.AreEqual("  mqtt.host mqtt.port mqtt.user mqtt.password mqtt.tls mqtt.client_id mqtt.keepalive_s",
                ShellRig.LineStarting(lines, "  mqtt."));
            Assert.AreEqual("  sensorN.kind sensorN.name sensorN.pin sensorN.interval_ms sensorN.oversample sensorN.decimals"
                + " sensorN.filters sensorN.cal sensorN.debounce_ms", lines[lines.Length - 1]);
            Assert.IsNull(ShellRig.LineStarting(lines, "  sensor2"));
        }

        [TestMethod]
        public void Help_of_a_command_gives_its_usage_and_details()
        {
            ShellRig rig = new ShellRig();
            Assert.AreEqual("set KEY VALUE: change a value: checked now, written to flash by save\n"
                + "  set KEY=VALUE works too; quote a value holding spaces or ; as \"My Home\" or 'My Home', \"\" is empty;"
                + " inside \"...\" write \\\" \\\\ \\; for \" \\ ;", rig.Run("help set"));
            Assert.AreEqual("factory-reset yes: erase the config: every key back to its default\n"
                + "  without yes nothing is erased; the node then needs wifi.ssid and mqtt.host again", rig.Run("help FACTORY-RESET"));
        }

        [TestMethod]
        public void Help_of_a_key_gives_its_meaning_allowed_values_and_default()
        {
            ShellRig rig = new ShellRig();
            Assert.AreEqual("mqtt.port: Broker TCP port for mqtt.host entries without their own, e.g. 1883 (plain) or 8883 (TLS)\n"
                + "  allowed: 1..65535; default: 1883", rig.Run("help mqtt.port"));
            Assert.AreEqual("wifi.password: Wi-Fi password, 8..63 characters (WPA2), or empty for an open network\n"
                + "  length: 8..63, or empty for an open network; default: empty; secret: never shown", rig.Run("help wifi.password"));
            Assert.AreEqual("mqtt.client_id: MQTT client id, up to 23 of 0-9 a-z A-Z - _; empty: the node derives one\n"
                + "  length: at most 23; characters: 0-9 a-z A-Z - _; default: empty", rig.Run("help mqtt.client_id"));
        }

        [TestMethod]
        public void Help_of_an_unknown_name_says_so()
        {
            ShellRig rig = new ShellRig();
            Assert.AreEqual("error: help: \"bogus\" is neither a command nor a key (type help for the list)", rig.Run("help bogus"));
            Assert.AreEqual("error: help: one command or key at a time, e.g. help set", rig.Run("help set get"));
        }
    }
}
