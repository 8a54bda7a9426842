#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using Capteur.Node.Config;

namespace Capteur.Node.Tests.Config
{
    [TestClass]
    public class ConfigFileWriteTests
    {
        private static string SensorBlock(int slot)
        {
            string p = "sensor" + slot.ToString() + ".";
            return "\n" + p + "kind=none\n" + p + "name=\n" + p + "pin=-1\n" + p + "interval_ms=10000\n" + p + "oversample=8\n"
                + p + "decimals=2\n" + p + "filters=\n" + p + "cal=\n" + p + "debounce_ms=50\n";
        }

        [TestMethod]
        public void A_default_config_is_written_whole_with_every_key_grouped()
        {
            string expected =
                "# Capteur node config: one key=value per line, '#' starts a comment line. Type 'help' on the console for the keys.\n"
                + "# Escapes in values: \\\\ \\n \\r \\t \\xHH, and \\s for a space at either end.\n"
                + "\nwifi.ssid=\nwifi.password=\n"
                + "\nmqtt.host=\nmqtt.port=1883\nmqtt.user=\nmqtt.password=\nmqtt.tls=false\nmqtt.client_id=\nmqtt.keepalive_s=60\n"
                + "\nnode.topic=capteur/node\nnode.board=esp32-devkitc\nnode.info_s=60\nnode.reboot_timeout_s=900\n"
                + "\npublish.format=json\npublish.retain=false\n"
                + "\nhomeassistant.discovery=true\n"
                + "\noutbox.capacity=1000\noutbox.checkpoint_s=60\n"
                + "\nconsole.rx_pin=-1\nconsole.tx_pin=-1\n"
                + SensorBlock(1) + SensorBlock(2) + SensorBlock(3) + SensorBlock(4);
            Assert.AreEqual(expected, ConfigFile.Write(NodeConfig.CreateDefault()));
        }

        [TestMethod]
        public void A_password_full_of_separators_is_written_with_only_the_backslash_and_final_space_escaped()
        {
            NodeConfig config = NodeConfig.CreateDefault();
            Assert.IsNull(config.TrySet("wifi.password", "p;a ss\"w\\o'rd=#\u00e9 "));
            string text = ConfigFile.Write(config);
            Assert.IsTrue(text.IndexOf("\nwifi.password=p;a ss\"w\\\\o'rd=#\u00e9\\s\n") >= 0);
        }

        [TestMethod]
        [DataRow(" lead", "\\slead")]
        [DataRow("trail ", "trail\\s")]
        [DataRow(" ", "\\s")]
        [DataRow("   ", "\\s \\s")]
        [DataRow("in side", "in side")]
        [DataRow("a\nb\rc\td", "a\\nb\\rc\\td")]
        [DataRow("\\", "\\\\")]
        [DataRow("bell\u0007del\u007f", "bell\\x07del\\x7F")]
        [DataRow("=#;\"'", "=#;\"'")]
        public void Values_are_escaped_only_where_the_format_needs_it(string value, string written)
        {
            NodeConfig config = NodeConfig.CreateDefault();
            Assert.IsNull(config.TrySet("mqtt.user", value));
            Assert.IsTrue(ConfigFile.Write(config).IndexOf("\nmqtt.user=" + written + "\n") >= 0);
        }
    }
}
