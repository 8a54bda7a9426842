#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System.Text;
using Capteur.Node.Config;
using Capteur.Node.Tests.Support;

namespace Capteur.Node.Tests.Config
{
    [TestClass]
    public class ConfigFileDamageTests
    {
        // "mqtt.host=a\n" is bytes 1..12, so "mqtt.user=b" is 13..23 and the byte after it is byte 24.
        private static byte[] WithBytesAfterUser(byte[] middle)
        {
            byte[] head = Encoding.UTF8.GetBytes("mqtt.host=a\nmqtt.user=b");
            byte[] tail = Encoding.UTF8.GetBytes("c\nmqtt.port=1884\n");
            byte[] data = new byte[head.Length + middle.Length + tail.Length];
            head.CopyTo(data, 0);
            middle.CopyTo(data, head.Length);
            tail.CopyTo(data, head.Length + middle.Length);
            return data;
        }

        [TestMethod]
        public void A_zero_byte_damages_only_its_line_and_the_lines_after_it_still_load()
        {
            ConfigLoadResult result = ConfigFile.Parse(WithBytesAfterUser(new byte[] { 0 }));
            Assert.AreEqual(1, result.Errors.Length);
            Assert.AreEqual("line 2: mqtt.user: damaged line (byte 24 of the file is a zero byte; set mqtt.user again)", result.Errors[0].ToString());
            Assert.AreEqual("a", result.Config.Get("mqtt.host"));
            Assert.AreEqual(1884, result.Config.GetInt("mqtt.port"));
            Assert.AreEqual("", result.Config.Get("mqtt.user"));
            Assert.AreEqual("mqtt.user: line 2 of the config file was refused, so the key holds a stand-in (set mqtt.user again)", result.Config.Validate()[0]);
        }

        private static byte[] FromHex(string hex)
        {
            byte[] bytes = new byte[hex.Length / 2];
            for (int i = 0; i < bytes.Length; i++)
            {
                bytes[i] = (byte)(HexValue(hex[2 * i]) * 16 + HexValue(hex[2 * i + 1]));
            }

            return bytes;
        }

        private static int HexValue(char c)
        {
            return c <= '9' ? c - '0' : c - 'A' + 10;
        }

        // The bad sequences as hex (array arguments in DataRow stop the nanoFramework test launcher).
        [TestMethod]
        [DataRow("FF")]
        [DataRow("80")]
        [DataRow("C0AF")]
        [DataRow("EDA080")]
        [DataRow("F4908080")]
        [DataRow("E282")]
        public void Bytes_that_are_not_UTF8_text_damage_their_line(string badHex)
        {
            byte[] bad = FromHex(badHex);
            ConfigLoadResult result = ConfigFile.Parse(WithBytesAfterUser(bad));
            Assert.AreEqual(1, result.Errors.Length);
            Assert.AreEqual("line 2: mqtt.user: damaged line (byte 24 of the file is not UTF-8 text; set mqtt.user again)", result.Errors[0].ToString());
            Assert.AreEqual(1884, result.Config.GetInt("mqtt.port"));
        }

        [TestMethod]
        public void Two_three_and_four_byte_UTF8_characters_and_a_byte_order_mark_are_text()
        {
            byte[] bom = new byte[] { 0xEF, 0xBB, 0xBF };
            byte[] body = Encoding.UTF8.GetBytes("mqtt.user=\u00e9\u20ac\U0001F600\n");
            byte[] data = new byte[bom.Length + body.Length];
            bom.CopyTo(data, 0);
            body.CopyTo(data, bom.Length);
            ConfigLoadResult result = ConfigFile.Parse(data);
            Assert.IsFalse(result.HasErrors);
            Assert.AreEqual("\u00e9\u20ac\U0001F600", result.Config.Get("mqtt.user"));
        }

        [TestMethod]
        public void A_damaged_line_whose_key_cannot_be_read_is_reported_without_key()
        {
            ConfigLoadResult result = ConfigFile.Parse(new byte[] { 0x6D, 0xFF, 0x3D, 0x31, 0x0A });
            Assert.AreEqual(1, result.Errors.Length);
            Assert.AreEqual("line 1: damaged line (byte 2 of the file is not UTF-8 text; set the key of this line again)", result.Errors[0].ToString());
        }

        [TestMethod]
        public void Loading_a_damaged_file_from_storage_reports_it_and_leaves_the_file_alone()
        {
            MemoryStorage storage = new MemoryStorage();
            storage.Put("capteur.cfg", WithBytesAfterUser(new byte[] { 0 }));
            ConfigLoadResult result = ConfigStore.Load(storage);
            Assert.IsTrue(result.HasErrors);
            Assert.AreEqual(2, result.Errors[0].Line);
            Assert.AreEqual(0, storage.Mutations);
        }
    }
}
