#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using Capteur.Node.Filters;

namespace Capteur.Node.Tests.Filters
{
    [TestClass]
    public class MedianFilterTests
    {
        private static double Apply(MedianFilter filter, double input)
        {
            double output;
            Assert.IsTrue(filter.TryApply(input, 0, out output));
            return output;
        }

        [TestMethod]
        public void It_passes_from_the_first_value_with_what_it_has()
        {
            MedianFilter filter = new MedianFilter(3);
            Assert.AreEqual(10.0, Apply(filter, 10.0));
            Assert.AreEqual(20.0, Apply(filter, 30.0));
            Assert.AreEqual(20.0, Apply(filter, 20.0));
        }

        [TestMethod]
        public void A_single_spike_is_removed()
        {
            MedianFilter filter = new MedianFilter(3);
            Apply(filter, 21.0);
            Apply(filter, 21.5);
            Assert.AreEqual(21.5, Apply(filter, 500.0));
            Assert.AreEqual(22.0, Apply(filter, 22.0));
        }

        [TestMethod]
        public void Old_values_leave_the_window()
        {
            MedianFilter filter = new MedianFilter(3);
            Apply(filter, 1.0);
            Apply(filter, 2.0);
            Apply(filter, 3.0);
            Apply(filter, 10.0);
            Assert.AreEqual(10.0, Apply(filter, 11.0));
        }

        [TestMethod]
        public void An_even_count_gives_the_mean_of_the_two_middle_values()
        {
            MedianFilter filter = new MedianFilter(4);
            Apply(filter, 4.0);
            Apply(filter, 1.0);
            Apply(filter, 3.0);
            Assert.AreEqual(2.5, Apply(filter, 2.0));
        }

        [TestMethod]
        public void A_window_of_one_passes_values_unchanged()
        {
            MedianFilter filter = new MedianFilter(1);
            Assert.AreEqual(5.0, Apply(filter, 5.0));
            Assert.AreEqual(-7.0, Apply(filter, -7.0));
        }

        [TestMethod]
        public void The_largest_window_takes_the_middle_of_31_values()
        {
            MedianFilter filter = new MedianFilter(31);
            double last = 0.0;
            for (int i = 31; i >= 1; i--)
            {
                last = Apply(filter, i);
            }

            Assert.AreEqual(16.0, last);
        }
    }
}
