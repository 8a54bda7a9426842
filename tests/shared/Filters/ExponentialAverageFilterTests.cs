#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using Capteur.Node.Filters;

namespace Capteur.Node.Tests.Filters
{
    [TestClass]
    public class ExponentialAverageFilterTests
    {
        private static double Apply(ExponentialAverageFilter filter, double input)
        {
            double output;
            Assert.IsTrue(filter.TryApply(input, 0, out output));
            return output;
        }

        [TestMethod]
        public void The_first_value_starts_the_average()
        {
            Assert.AreEqual(20.0, Apply(new ExponentialAverageFilter(0.2), 20.0));
        }

        [TestMethod]
        public void Each_value_weighs_alpha()
        {
            ExponentialAverageFilter filter = new ExponentialAverageFilter(0.5);
            Apply(filter, 10.0);
            Assert.AreEqual(15.0, Apply(filter, 20.0));
            Assert.AreEqual(17.5, Apply(filter, 20.0));
        }

        [TestMethod]
        public void A_small_alpha_follows_a_step_slowly()
        {
            // 0.2 * 30 + 0.8 * 20 = 22; 0.2 * 30 + 0.8 * 22 = 23.6
            ExponentialAverageFilter filter = new ExponentialAverageFilter(0.2);
            Apply(filter, 20.0);
            Assert.AreEqual("22.00", Apply(filter, 30.0).ToString("F2"));
            Assert.AreEqual("23.60", Apply(filter, 30.0).ToString("F2"));
        }

        [TestMethod]
        public void Alpha_one_passes_values_unchanged()
        {
            ExponentialAverageFilter filter = new ExponentialAverageFilter(1.0);
            Apply(filter, 10.0);
            Assert.AreEqual(42.0, Apply(filter, 42.0));
        }
    }
}
