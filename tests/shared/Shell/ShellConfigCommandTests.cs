#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System.Text;
using Capteur.Node.Config;
using Capteur.Node.Tests.Support;

namespace Capteur.Node.Tests.Shell
{
    [TestClass]
    public class ShellConfigCommandTests
    {
        [TestMethod]
        public void Get_prints_the_key_and_its_value()
        {
            ShellRig rig = new ShellRig();
            Assert.AreEqual("mqtt.port=1883", rig.Run("get mqtt.port"));
            Assert.AreEqual("mqtt.host=broker.lan", rig.Run("GET MQTT.HOST"));
        }

        [TestMethod]
        public void Get_prints_a_secret_as_stars()
        {
            Assert.AreEqual("wifi.password=****", new ShellRig().Run("get wifi.password"));
        }

        [TestMethod]
        public void Get_needs_exactly_one_key()
        {
            ShellRig rig = new ShellRig();
            Assert.AreEqual("error: get: give a key, e.g. get mqtt.port (show prints every key)", rig.Run("get"));
            Assert.AreEqual("error: get: one key at a time (show prints every key)", rig.Run("get mqtt.port mqtt.host"));
            Assert.AreEqual("error: mqtt.prot: unknown key (see 'help' for the list); did you mean mqtt.port?", rig.Run("get mqtt.prot"));
        }

        [TestMethod]
        public void Set_prints_the_stored_value_marked_not_saved_yet()
        {
            ShellRig rig = new ShellRig();
            Assert.AreEqual("mqtt.port=1884 (not saved yet)", rig.Run("set mqtt.port 1884"));
            Assert.AreEqual("mqtt.port=1884 (not saved yet)", rig.Run("get mqtt.port"));
            Assert.AreEqual("mqtt.tls=true (not saved yet)", rig.Run("set mqtt.tls on"));
            Assert.IsTrue(rig.Shell.HasUnsavedChanges);
        }

        [TestMethod]
        public void Setting_a_key_back_to_its_saved_value_removes_the_mark()
        {
            ShellRig rig = new ShellRig();
            rig.Run("set mqtt.port 1884");
            Assert.AreEqual("mqtt.port=1883", rig.Run("set mqtt.port 1883"));
            Assert.IsFalse(rig.Shell.HasUnsavedChanges);
        }

        [TestMethod]
        public void Set_accepts_key_equals_value()
        {
            ShellRig rig = new ShellRig();
            Assert.AreEqual("mqtt.port=1885 (not saved yet)", rig.Run("set mqtt.port=1885"));
            Assert.AreEqual("wifi.ssid=\U0001F600=1 (not saved yet)", rig.Run("set wifi.ssid=\U0001F600=1"));
        }

        [TestMethod]
        public void Set_takes_a_quoted_value_with_spaces()
        {
            ShellRig rig = new ShellRig();
            Assert.AreEqual("wifi.ssid=My Home (not saved yet)", rig.Run("set wifi.ssid \"My Home\""));
            Assert.AreEqual("My Home", rig.Shell.WorkingConfig.Get("wifi.ssid"));
        }

        [TestMethod]
        public void Accents_and_emoji_in_a_value_come_back_byte_for_byte()
        {
            ShellRig rig = new ShellRig();
            string line = rig.Run("set wifi.ssid \"Caf\u00e9 \U0001F600\"");
            Assert.AreEqual(TextHex.OfUtf8("wifi.ssid=Caf\u00e9 \U0001F600 (not saved yet)"), TextHex.OfUtf8(line));
            Assert.AreEqual("43 61 66 C3 A9 20 F0 9F 98 80", TextHex.OfUtf8(rig.Shell.WorkingConfig.Get("wifi.ssid")));
        }

        [TestMethod]
        public void Values_are_printed_with_the_config_file_escapes()
        {
            Assert.AreEqual("wifi.ssid=\\slead (not saved yet)", new ShellRig().Run("set wifi.ssid \" lead\""));
        }

        [TestMethod]
        public void Set_refuses_a_bad_value_with_the_config_message_and_keeps_the_old_one()
        {
            ShellRig rig = new ShellRig();
            Assert.AreEqual("error: mqtt.port: 70000 is out of range (1..65535)", rig.Run("set mqtt.port 70000"));
            Assert.AreEqual("mqtt.port=1883", rig.Run("get mqtt.port"));
        }

        [TestMethod]
        public void Set_without_a_value_or_with_too_many_words_is_refused()
        {
            ShellRig rig = new ShellRig();
            Assert.AreEqual("error: set: give a key and a value, e.g. set mqtt.port 1883", rig.Run("set"));
            Assert.AreEqual("error: mqtt.port: no value given (1..65535)", rig.Run("set mqtt.port"));
            Assert.AreEqual("error: set: too many words for one value (quote a value holding spaces, e.g. set wifi.ssid \"My Home\")",
                rig.Run("set wifi.ssid My Home"));
            Assert.AreEqual("error: foo.bar: unknown key (see 'help' for the list)", rig.Run("set foo.bar 1"));
        }

        [TestMethod]
        public void Set_never_prints_a_secret_value_back()
        {
            ShellRig rig = new ShellRig();
            Assert.AreEqual("wifi.password=**** (not saved yet)", rig.Run("set wifi.password \"new pass;1\""));
            Assert.AreEqual("new pass;1", rig.Shell.WorkingConfig.Get("wifi.password"));
            Assert.AreEqual("error: wifi.password: the value is 5 characters long (8..63, or empty for an open network)",
                rig.Run("set wifi.password short"));
            Assert.AreEqual("error: set: too many words for one value (quote a value holding spaces, e.g. set wifi.ssid \"My Home\")",
                rig.Run("set wifi.password my secret"));
            Assert.AreEqual("wifi.password= (not saved yet)", rig.Run("set wifi.password \"\""));
        }

        [TestMethod]
        public void Show_prints_every_key_in_schema_order_with_secrets_masked()
        {
            ShellRig rig = new ShellRig();
            rig.Run("set mqtt.port 1884");
            string[] lines = rig.Shell.Execute("show");
            Assert.AreEqual(ConfigSchema.Keys.Length, lines.Length);
            Assert.AreEqual("wifi.ssid=home", lines[0]);
            Assert.AreEqual("wifi.password=****", lines[1]);
            Assert.AreEqual("mqtt.host=broker.lan", lines[2]);
            Assert.AreEqual("mqtt.port=1884 (not saved yet)", lines[3]);
            Assert.AreEqual("mqtt.password=", ShellRig.LineStarting(lines, "mqtt.password="));
            Assert.AreEqual("sensor4.debounce_ms=50", ShellRig.LineStarting(lines, "sensor4.debounce_ms="));
            Assert.IsFalse(ShellRig.Contains(ShellRig.Join(lines), ShellRig.WifiPassword));
        }

        [TestMethod]
        public void Show_takes_no_argument()
        {
            Assert.AreEqual("error: show: takes no argument (help show)", new ShellRig().Run("show mqtt"));
        }

        [TestMethod]
        public void Save_writes_the_changes_to_flash_and_tells_the_node()
        {
            ShellRig rig = new ShellRig();
            rig.Run("set mqtt.port 1884; set mqtt.tls on");
            Assert.AreEqual("saved (changed: mqtt.port, mqtt.tls)", rig.Run("save"));
            NodeConfig stored = ConfigStore.Load(rig.Storage).Config;
            Assert.AreEqual("1884", stored.Get("mqtt.port"));
            Assert.AreEqual("true", stored.Get("mqtt.tls"));
            Assert.AreEqual(1, rig.Host.SavedCount);
            Assert.AreEqual("1884", rig.Host.LastSaved.Get("mqtt.port"));
            Assert.AreEqual("mqtt.port=1884", rig.Run("get mqtt.port"));
            Assert.IsFalse(rig.Shell.HasUnsavedChanges);
        }

        [TestMethod]
        public void Save_without_changes_does_not_write_the_flash()
        {
            ShellRig rig = new ShellRig();
            int mutations = rig.Storage.Mutations;
            Assert.AreEqual("saved (no key changed)", rig.Run("save"));
            Assert.AreEqual(mutations, rig.Storage.Mutations);
        }

        [TestMethod]
        public void Save_refuses_an_invalid_config_lists_the_problems_and_leaves_the_flash_unchanged()
        {
            ShellRig rig = new ShellRig();
            rig.Run("set mqtt.host \"\"; set sensor1.kind tmp36");
            int mutations = rig.Storage.Mutations;
            string expected = "error: not saved (the flash is unchanged): 3 problems to fix first\n"
                + "  mqtt.host: not set (set the broker's address, e.g. mqtt.host=192.168.1.10)\n"
                + "  sensor1.name: not set, but sensor1.kind is tmp36 (set a name, e.g. sensor1.name=kitchen, or set sensor1.kind=none)\n"
                + "  sensor1.pin: not set, but sensor1.kind is tmp36 (set its GPIO, e.g. sensor1.pin=34, or set sensor1.kind=none)";
            Assert.AreEqual(expected, rig.Run("save"));
            Assert.AreEqual(mutations, rig.Storage.Mutations);
            Assert.AreEqual(0, rig.Host.SavedCount);
            Assert.AreEqual("mqtt.host= (not saved yet)", rig.Run("get mqtt.host"));
        }

        [TestMethod]
        public void A_save_cut_by_a_flash_failure_says_so_and_can_be_retried()
        {
            ShellRig rig = new ShellRig();
            rig.Run("set mqtt.port 1884");
            rig.Storage.CutPowerAfter(0);
            Assert.AreEqual("error: not saved: writing the flash failed (simulated power cut); the config on flash is still a whole one,"
                + " type save to try again", rig.Run("save"));
            Assert.AreEqual(0, rig.Host.SavedCount);
            Assert.AreEqual("mqtt.port=1884 (not saved yet)", rig.Run("get mqtt.port"));
            rig.Storage.RestorePower();
            Assert.AreEqual("saved (changed: mqtt.port)", rig.Run("save"));
            Assert.AreEqual("1884", ConfigStore.Load(rig.Storage).Config.Get("mqtt.port"));
        }

        [TestMethod]
        public void Discard_drops_the_unsaved_changes()
        {
            ShellRig rig = new ShellRig();
            rig.Run("set mqtt.port 1884; set mqtt.tls on");
            Assert.AreEqual("discarded (back to the saved value: mqtt.port, mqtt.tls)", rig.Run("discard"));
            Assert.AreEqual("mqtt.port=1883", rig.Run("get mqtt.port"));
            Assert.AreEqual("nothing to discard", rig.Run("discard"));
        }

        [TestMethod]
        public void Factory_reset_asks_for_yes_and_erases_nothing_without_it()
        {
            ShellRig rig = new ShellRig();
            string refusal = "error: factory-reset erases the whole config (Wi-Fi, broker, sensors); type factory-reset yes to do it";
            Assert.AreEqual(refusal, rig.Run("factory-reset"));
            Assert.AreEqual(refusal, rig.Run("factory-reset no"));
            Assert.IsTrue(rig.Storage.Exists(ConfigStore.FileName));
            Assert.AreEqual(0, rig.Host.SavedCount);
        }

        [TestMethod]
        public void Factory_reset_yes_erases_the_config_file_and_returns_every_key_to_its_default()
        {
            ShellRig rig = new ShellRig();
            rig.Storage.Put(ConfigStore.FileName + ".tmp", Encoding.UTF8.GetBytes("mqtt.host=old\n"));
            rig.Run("set mqtt.port 1884");
            Assert.AreEqual("factory reset: every key is back to its default (set wifi.ssid, wifi.password and mqtt.host, then save)",
                rig.Run("factory-reset yes"));
            Assert.IsFalse(rig.Storage.Exists(ConfigStore.FileName));
            Assert.IsFalse(rig.Storage.Exists(ConfigStore.FileName + ".tmp"));
            Assert.IsTrue(ConfigStore.Load(rig.Storage).Config.ContentEquals(NodeConfig.CreateDefault()));
            Assert.AreEqual("mqtt.host=", rig.Run("get mqtt.host"));
            Assert.AreEqual("mqtt.port=1883", rig.Run("get mqtt.port"));
            Assert.AreEqual(1, rig.Host.SavedCount);
            Assert.IsFalse(rig.Shell.HasUnsavedChanges);
        }

        [TestMethod]
        public void A_file_with_a_refused_line_cannot_be_saved_until_that_key_is_set_again()
        {
            MemoryStorage storage = new MemoryStorage();
            storage.Put(ConfigStore.FileName, Encoding.UTF8.GetBytes("mqtt.host=broker.lan\nmqtt.port=70000\n"));
            FakeShellHost host = new FakeShellHost();
            Capteur.Node.Shell.ShellInterpreter shell = new Capteur.Node.Shell.ShellInterpreter(ConfigStore.Load(storage).Config, storage, host);
            Assert.AreEqual("error: not saved (the flash is unchanged): 1 problem to fix first\n"
                + "  mqtt.port: line 2 of the config file was refused, so the key holds a stand-in (set mqtt.port again)",
                ShellRig.Join(shell.Execute("save")));
            Assert.AreEqual("mqtt.port=1884 (not saved yet)\nsaved (changed: mqtt.port)", ShellRig.Join(shell.Execute("set mqtt.port 1884; save")));
            Assert.AreEqual("1884", ConfigStore.Load(storage).Config.Get("mqtt.port"));
        }
    }
}
