#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using Capteur.Node.Text;

namespace Capteur.Node.Tests.Text
{
    [TestClass]
    public class Utf8CounterTests
    {
        [TestMethod]
        [DataRow("", 0)]
        [DataRow("abc", 3)]
        [DataRow("°C", 3)]
        [DataRow("µg/m³", 7)]
        [DataRow("€", 3)]
        [DataRow("a°€\uD83D\uDE00", 10)]
        public void Characters_count_1_to_4_bytes_as_UTF_8_encodes_them(string text, int expected)
        {
            // RFC 3629: U+0000..U+007F one byte, ..U+07FF two, ..U+FFFF three, beyond (a surrogate pair) four.
            Assert.AreEqual(expected, Utf8Counter.ByteCount(text));
        }
    }
}
