#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using Capteur.Node.Filters;

namespace Capteur.Node.Tests.Filters
{
    [TestClass]
    public class ArithmeticFilterTests
    {
        [TestMethod]
        [DataRow(-50.0, -40.0)]
        [DataRow(-40.0, -40.0)]
        [DataRow(20.5, 20.5)]
        [DataRow(125.0, 125.0)]
        [DataRow(130.0, 125.0)]
        public void Clamp_limits_values_to_its_range(double input, double expected)
        {
            double output;
            Assert.IsTrue(new ClampFilter(-40.0, 125.0).TryApply(input, 0, out output));
            Assert.AreEqual(expected, output);
        }

        [TestMethod]
        public void Offset_adds_its_amount()
        {
            double output;
            Assert.IsTrue(new OffsetFilter(-1.5).TryApply(20.0, 0, out output));
            Assert.AreEqual(18.5, output);
        }

        [TestMethod]
        public void Multiply_scales_by_its_factor()
        {
            double output;
            Assert.IsTrue(new MultiplyFilter(1.8).TryApply(10.0, 0, out output));
            Assert.AreEqual("18.00", output.ToString("F2"));
        }
    }
}
