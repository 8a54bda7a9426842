#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using Capteur.Node.Filters;

namespace Capteur.Node.Tests.Filters
{
    [TestClass]
    public class DecimalParserTests
    {
        [TestMethod]
        [DataRow("-0.5", -0.5)]
        [DataRow("0.2", 0.2)]
        [DataRow("125", 125.0)]
        [DataRow("+3", 3.0)]
        [DataRow("20.30", 20.3)]
        [DataRow(".5", 0.5)]
        [DataRow("7.", 7.0)]
        [DataRow("-40", -40.0)]
        [DataRow("0.000001", 0.000001)]
        [DataRow("123456789.123456", 123456789.123456)]
        public void A_plain_decimal_gives_the_same_double_as_the_literal(string text, double expected)
        {
            double value;
            Assert.IsTrue(DecimalParser.TryParse(text, out value));
            Assert.AreEqual(expected, value);
        }

        [TestMethod]
        [DataRow("1e3")]
        [DataRow("")]
        [DataRow("-")]
        [DataRow(".")]
        [DataRow("1.2.3")]
        [DataRow("1,5")]
        [DataRow(" 1")]
        [DataRow("abc")]
        [DataRow("0x10")]
        [DataRow("NaN")]
        [DataRow("Infinity")]
        [DataRow("1234567890123456")]
        [DataRow("0.1234567890123456")]
        public void Anything_else_is_refused(string text)
        {
            double value;
            Assert.IsFalse(DecimalParser.TryParse(text, out value));
        }

        [TestMethod]
        public void Null_is_refused()
        {
            double value;
            Assert.IsFalse(DecimalParser.TryParse(null, out value));
        }

        [TestMethod]
        [DataRow("5", 5)]
        [DataRow("31", 31)]
        [DataRow("007", 7)]
        public void A_count_is_plain_digits(string text, int expected)
        {
            int value;
            Assert.IsTrue(DecimalParser.TryParseCount(text, out value));
            Assert.AreEqual(expected, value);
        }

        [TestMethod]
        [DataRow("")]
        [DataRow("-1")]
        [DataRow("2.5")]
        [DataRow("1234567890")]
        public void A_count_with_anything_but_digits_is_refused(string text)
        {
            int value;
            Assert.IsFalse(DecimalParser.TryParseCount(text, out value));
        }
    }
}
