#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using Capteur.Node.Filters;

namespace Capteur.Node.Tests.Filters
{
    [TestClass]
    public class ThrottleFilterTests
    {
        private static bool Passes(ThrottleFilter filter, long nowMs)
        {
            double output;
            return filter.TryApply(1.0, nowMs, out output);
        }

        [TestMethod]
        public void At_most_one_value_per_interval_passes()
        {
            ThrottleFilter filter = new ThrottleFilter(1000);
            Assert.IsTrue(Passes(filter, 5000));
            Assert.IsFalse(Passes(filter, 5500));
            Assert.IsFalse(Passes(filter, 5999));
            Assert.IsTrue(Passes(filter, 6000));
            Assert.IsFalse(Passes(filter, 6999));
            Assert.IsTrue(Passes(filter, 7500));
        }

        [TestMethod]
        public void The_interval_counts_from_the_last_value_passed()
        {
            ThrottleFilter filter = new ThrottleFilter(1000);
            Passes(filter, 0);
            Passes(filter, 900);
            Assert.IsTrue(Passes(filter, 1000));
        }

        [TestMethod]
        public void The_first_value_passes_even_at_uptime_zero()
        {
            Assert.IsTrue(Passes(new ThrottleFilter(60000), 0));
        }
    }
}
