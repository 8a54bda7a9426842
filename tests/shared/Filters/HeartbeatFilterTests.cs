#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using Capteur.Node.Filters;

namespace Capteur.Node.Tests.Filters
{
    [TestClass]
    public class HeartbeatFilterTests
    {
        [TestMethod]
        public void Alone_it_passes_every_value()
        {
            HeartbeatFilter filter = new HeartbeatFilter(60000);
            double output;
            Assert.IsTrue(filter.TryApply(20.0, 0, out output));
            Assert.IsTrue(filter.TryApply(21.0, 10, out output));
            Assert.AreEqual(21.0, output);
        }

        [TestMethod]
        public void It_is_due_before_any_value_and_an_interval_after_the_last()
        {
            HeartbeatFilter filter = new HeartbeatFilter(60000);
            Assert.IsTrue(filter.IsDue(0));
            double output;
            filter.TryApply(20.0, 1000, out output);
            Assert.IsFalse(filter.IsDue(1000));
            Assert.IsFalse(filter.IsDue(60999));
            Assert.IsTrue(filter.IsDue(61000));
        }
    }
}
