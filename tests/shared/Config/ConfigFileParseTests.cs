#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using Capteur.Node.Config;

namespace Capteur.Node.Tests.Config
{
    [TestClass]
    public class ConfigFileParseTests
    {
        private static string OnlyError(string text)
        {
            ConfigLoadResult result = ConfigFile.Parse(text);
            Assert.AreEqual(1, result.Errors.Length);
            return result.Errors[0].ToString();
        }

        [TestMethod]
        public void An_empty_file_gives_the_defaults_without_errors()
        {
            ConfigLoadResult result = ConfigFile.Parse("");
            Assert.IsFalse(result.HasErrors);
            Assert.IsTrue(result.Config.ContentEquals(NodeConfig.CreateDefault()));
        }

        [TestMethod]
        public void Comments_blank_lines_blanks_around_key_and_value_crlf_and_a_bom_are_understood()
        {
            string text = "\uFEFF# my node\r\n\r\n   # indented comment\n  mqtt.port = 1884 \r\n\tmqtt.user\t=\tbob\t\nwifi.ssid=a#b ;c\n";
            ConfigLoadResult result = ConfigFile.Parse(text);
            Assert.IsFalse(result.HasErrors);
            Assert.AreEqual(1884, result.Config.GetInt("mqtt.port"));
            Assert.AreEqual("bob", result.Config.Get("mqtt.user"));
            Assert.AreEqual("a#b ;c", result.Config.Get("wifi.ssid"));
        }

        [TestMethod]
        public void Keys_missing_from_the_file_keep_their_default()
        {
            ConfigLoadResult result = ConfigFile.Parse("mqtt.host=broker.lan\n");
            Assert.IsFalse(result.HasErrors);
            Assert.AreEqual("broker.lan", result.Config.Get("mqtt.host"));
            Assert.AreEqual(1883, result.Config.GetInt("mqtt.port"));
        }

        [TestMethod]
        public void An_unknown_key_a_bad_value_and_a_truncated_last_line_are_three_errors_by_line_number()
        {
            string text = "# capteur\n"
                + "mqtt.host=broker.lan\n"
                + "foo.bar=1\n"
                + "wifi.ssid=Home\n"
                + "mqtt.port=70000\n"
                + "\n"
                + "node.topic=capteur/garage\n"
                + "# last\n"
                + "mqtt.ho";
            ConfigLoadResult result = ConfigFile.Parse(text);
            Assert.IsTrue(result.HasErrors);
            Assert.AreEqual(3, result.Errors.Length);
            Assert.AreEqual("line 3: foo.bar: unknown key (see 'help' for the list)", result.Errors[0].ToString());
            Assert.AreEqual("line 5: mqtt.port: 70000 is out of range (1..65535)", result.Errors[1].ToString());
            Assert.AreEqual("line 9: truncated line (no end of line): \"mqtt.ho\"", result.Errors[2].ToString());
            Assert.AreEqual(5, result.Errors[1].Line);
            Assert.AreEqual("mqtt.port: 70000 is out of range (1..65535)", result.Errors[1].Message);

            // The good lines are applied; the refused port is not silently taken as its default: the config says so,
            // and it cannot be saved until the port is set again.
            Assert.AreEqual("capteur/garage", result.Config.Get("node.topic"));
            string[] problems = result.Config.Validate();
            Assert.AreEqual(1, problems.Length);
            Assert.AreEqual("mqtt.port: line 5 of the config file was refused, so the key holds a stand-in (set mqtt.port again)", problems[0]);
            Assert.IsNull(result.Config.TrySet("mqtt.port", "1884"));
            Assert.AreEqual(0, result.Config.Validate().Length);
        }

        [TestMethod]
        public void A_truncated_line_with_a_known_key_is_not_used_and_marks_the_key()
        {
            ConfigLoadResult result = ConfigFile.Parse("mqtt.host=broker.lan\nmqtt.port=18");
            Assert.AreEqual("line 2: truncated line (no end of line): \"mqtt.port=18\"", OnlyError("mqtt.host=broker.lan\nmqtt.port=18"));
            Assert.AreEqual(1883, result.Config.GetInt("mqtt.port"));
            Assert.AreEqual("mqtt.port: line 2 of the config file was refused, so the key holds a stand-in (set mqtt.port again)", result.Config.Validate()[0]);
        }

        [TestMethod]
        public void A_truncated_secret_line_does_not_echo_the_secret()
        {
            Assert.AreEqual("line 1: truncated line (no end of line): \"wifi.password=****\"", OnlyError("wifi.password=hunter22"));
        }

        [TestMethod]
        public void A_line_without_equals_sign_is_reported()
        {
            Assert.AreEqual("line 2: \"hello world\" is not key=value (write key=value, or start a comment line with #)",
                OnlyError("# x\n  hello world \n"));
        }

        [TestMethod]
        public void A_line_without_key_is_reported()
        {
            Assert.AreEqual("line 1: no key before '=' (write key=value)", OnlyError(" = 1883\n"));
        }

        [TestMethod]
        public void A_key_set_twice_is_reported_and_neither_value_silently_wins()
        {
            ConfigLoadResult result = ConfigFile.Parse("mqtt.host=a\nmqtt.port=1884\nmqtt.port=1885\n");
            Assert.AreEqual(1, result.Errors.Length);
            Assert.AreEqual("line 3: mqtt.port: set again (first set on line 2; keep only one of the two lines)", result.Errors[0].ToString());
            Assert.AreEqual("mqtt.port: line 3 of the config file was refused, so the key holds a stand-in (set mqtt.port again)", result.Config.Validate()[0]);
        }

        [TestMethod]
        [DataRow("mqtt.user=a\\qb\n", "line 1: mqtt.user: bad escape at character 2 of the value (unknown escape; use \\\\, \\n, \\r, \\t, \\s or \\xHH)")]
        [DataRow("mqtt.user=ab\\\n", "line 1: mqtt.user: bad escape at character 3 of the value (a lone \\ ends the value; use \\\\, \\n, \\r, \\t, \\s or \\xHH)")]
        [DataRow("mqtt.user=\\x4\n", "line 1: mqtt.user: bad escape at character 1 of the value (\\x needs two hex digits; use \\\\, \\n, \\r, \\t, \\s or \\xHH)")]
        [DataRow("mqtt.user=a\\xG1\n", "line 1: mqtt.user: bad escape at character 2 of the value (\\x needs two hex digits; use \\\\, \\n, \\r, \\t, \\s or \\xHH)")]
        [DataRow("mqtt.user=a\\x00\n", "line 1: mqtt.user: bad escape at character 2 of the value (\\x00 cannot be stored; use \\\\, \\n, \\r, \\t, \\s or \\xHH)")]
        [DataRow("wifi.password=secret\\qsecret\n", "line 1: wifi.password: bad escape at character 7 of the value (unknown escape; use \\\\, \\n, \\r, \\t, \\s or \\xHH)")]
        public void A_bad_escape_is_reported_by_position_without_echoing_the_value(string text, string expected)
        {
            Assert.AreEqual(expected, OnlyError(text));
        }

        [TestMethod]
        public void Escapes_decode_to_their_characters()
        {
            ConfigLoadResult result = ConfigFile.Parse("mqtt.user=\\s\\x41\\x7e\\t\\\\\\s\n");
            Assert.IsFalse(result.HasErrors);
            Assert.AreEqual(" A~\t\\ ", result.Config.Get("mqtt.user"));
        }

        [TestMethod]
        public void A_bad_secret_value_is_reported_without_echoing_it()
        {
            Assert.AreEqual("line 1: wifi.password: the value is 5 characters long (8..63, or empty for an open network)",
                OnlyError("wifi.password=short\n"));
        }

        [TestMethod]
        public void Every_bad_line_is_reported_not_only_the_first()
        {
            ConfigLoadResult result = ConfigFile.Parse("mqtt.tls=maybe\nsensor1.kind=dht22\nsensor1.pin=99\nnonsense\n");
            Assert.AreEqual(4, result.Errors.Length);
            Assert.AreEqual("line 1: mqtt.tls: \"maybe\" is not a boolean (true or false)", result.Errors[0].ToString());
            Assert.AreEqual("line 2: sensor1.kind: \"dht22\" is not one of none, tmp36, lm35, digital", result.Errors[1].ToString());
            Assert.AreEqual("line 3: sensor1.pin: 99 is out of range (-1 for unset, or 0..48)", result.Errors[2].ToString());
            Assert.AreEqual(4, result.Errors[3].Line);
        }
    }
}
