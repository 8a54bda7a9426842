#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using Capteur.Node.Filters;

namespace Capteur.Node.Tests.Filters
{
    [TestClass]
    public class DurationParserTests
    {
        [TestMethod]
        [DataRow("500ms", 500)]
        [DataRow("60s", 60000)]
        [DataRow("5m", 300000)]
        [DataRow("1h", 3600000)]
        [DataRow("1.5s", 1500)]
        [DataRow("0.25m", 15000)]
        [DataRow("1ms", 1)]
        [DataRow("24h", 86400000)]
        public void A_duration_with_its_unit_is_read_in_ms(string text, int expectedMs)
        {
            long ms;
            Assert.IsTrue(DurationParser.TryParse(text, out ms));
            Assert.AreEqual((long)expectedMs, ms);
        }

        [TestMethod]
        [DataRow("5")]
        [DataRow("0s")]
        [DataRow("0.4ms")]
        [DataRow("25h")]
        [DataRow("-1s")]
        [DataRow("5 m")]
        [DataRow("s")]
        [DataRow("ms")]
        [DataRow("5d")]
        [DataRow("1e3ms")]
        [DataRow("")]
        public void A_duration_without_unit_or_out_of_range_is_refused(string text)
        {
            long ms;
            Assert.IsFalse(DurationParser.TryParse(text, out ms));
        }
    }
}
