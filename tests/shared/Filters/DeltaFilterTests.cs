#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using Capteur.Node.Filters;

namespace Capteur.Node.Tests.Filters
{
    [TestClass]
    public class DeltaFilterTests
    {
        private static bool Passes(DeltaFilter filter, double input)
        {
            double output;
            bool passed = filter.TryApply(input, 0, out output);
            Assert.AreEqual(input, output);
            return passed;
        }

        [TestMethod]
        public void The_first_value_always_passes()
        {
            Assert.IsTrue(Passes(new DeltaFilter(100.0), 20.0));
        }

        [TestMethod]
        public void A_change_smaller_than_x_is_stopped()
        {
            DeltaFilter filter = new DeltaFilter(0.5);
            Passes(filter, 20.0);
            Assert.IsFalse(Passes(filter, 20.25));
            Assert.IsFalse(Passes(filter, 19.75));
        }

        [TestMethod]
        public void The_change_counts_from_the_last_value_passed_not_the_last_seen()
        {
            // A slow drift of 0.25 per reading passes every second reading.
            DeltaFilter filter = new DeltaFilter(0.5);
            Passes(filter, 20.0);
            Assert.IsFalse(Passes(filter, 20.25));
            Assert.IsTrue(Passes(filter, 20.5));
            Assert.IsFalse(Passes(filter, 20.75));
            Assert.IsTrue(Passes(filter, 21.0));
        }

        [TestMethod]
        public void A_fall_passes_like_a_rise()
        {
            DeltaFilter filter = new DeltaFilter(0.5);
            Passes(filter, 20.0);
            Assert.IsTrue(Passes(filter, 19.0));
        }

        [TestMethod]
        [DataRow(0.2, 0.3)]
        [DataRow(20.1, 20.2)]
        [DataRow(0.3, 0.2)]
        public void A_change_of_exactly_x_in_decimals_passes(double first, double second)
        {
            // 0.3 - 0.2 is 0.09999999999999998 in binary.
            DeltaFilter filter = new DeltaFilter(0.1);
            Passes(filter, first);
            Assert.IsTrue(Passes(filter, second));
        }
    }
}
