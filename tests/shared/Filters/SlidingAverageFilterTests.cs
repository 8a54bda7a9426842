#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using Capteur.Node.Filters;

namespace Capteur.Node.Tests.Filters
{
    [TestClass]
    public class SlidingAverageFilterTests
    {
        private static double Apply(SlidingAverageFilter filter, double input)
        {
            double output;
            Assert.IsTrue(filter.TryApply(input, 0, out output));
            return output;
        }

        [TestMethod]
        public void It_averages_what_it_has_until_the_window_is_full()
        {
            SlidingAverageFilter filter = new SlidingAverageFilter(4);
            Assert.AreEqual(1.0, Apply(filter, 1.0));
            Assert.AreEqual(1.5, Apply(filter, 2.0));
            Assert.AreEqual(2.0, Apply(filter, 3.0));
            Assert.AreEqual(2.5, Apply(filter, 4.0));
        }

        [TestMethod]
        public void Then_it_averages_the_last_n_values()
        {
            SlidingAverageFilter filter = new SlidingAverageFilter(4);
            Apply(filter, 1.0);
            Apply(filter, 2.0);
            Apply(filter, 3.0);
            Apply(filter, 4.0);
            Assert.AreEqual(3.5, Apply(filter, 5.0));
            Assert.AreEqual(4.5, Apply(filter, 6.0));
        }

        [TestMethod]
        public void A_window_of_64_holds_64_values()
        {
            SlidingAverageFilter filter = new SlidingAverageFilter(64);
            for (int i = 0; i < 64; i++)
            {
                Apply(filter, 0.0);
            }

            Assert.AreEqual(1.0, Apply(filter, 64.0));
        }
    }
}
