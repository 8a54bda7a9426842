#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using Capteur.Node.Sensors;

namespace Capteur.Node.Tests.Sensors
{
    [TestClass]
    public class DebouncerTests
    {
        [TestMethod]
        public void A_new_level_is_accepted_once_stable_for_the_debounce_time()
        {
            Debouncer debouncer = new Debouncer(50, false);
            Assert.IsFalse(debouncer.Update(true, 1000));
            Assert.IsFalse(debouncer.Update(true, 1049));
            Assert.IsFalse(debouncer.State);
            Assert.IsTrue(debouncer.Update(true, 1050));
            Assert.IsTrue(debouncer.State);
        }

        [TestMethod]
        public void The_change_is_reported_once()
        {
            Debouncer debouncer = new Debouncer(50, false);
            debouncer.Update(true, 0);
            Assert.IsTrue(debouncer.Update(true, 50));
            Assert.IsFalse(debouncer.Update(true, 60));
            Assert.IsFalse(debouncer.Update(true, 5000));
            Assert.IsTrue(debouncer.State);
        }

        [TestMethod]
        public void Contact_bounce_restarts_the_wait()
        {
            // A switch closing: high, low, high within a few ms, then steady high.
            Debouncer debouncer = new Debouncer(50, false);
            Assert.IsFalse(debouncer.Update(true, 0));
            Assert.IsFalse(debouncer.Update(false, 3));
            Assert.IsFalse(debouncer.Update(true, 5));
            Assert.IsFalse(debouncer.Update(false, 9));
            Assert.IsFalse(debouncer.Update(true, 12));
            Assert.IsFalse(debouncer.Update(true, 61));
            Assert.IsTrue(debouncer.Update(true, 62));
            Assert.IsTrue(debouncer.State);
        }

        [TestMethod]
        public void A_glitch_shorter_than_the_debounce_time_is_ignored()
        {
            Debouncer debouncer = new Debouncer(50, true);
            Assert.IsFalse(debouncer.Update(false, 100));
            Assert.IsFalse(debouncer.Update(false, 140));
            Assert.IsFalse(debouncer.Update(true, 145));
            Assert.IsFalse(debouncer.Update(true, 400));
            Assert.IsTrue(debouncer.State);
        }

        [TestMethod]
        public void A_release_after_a_press_is_reported_too()
        {
            Debouncer debouncer = new Debouncer(20, false);
            debouncer.Update(true, 0);
            Assert.IsTrue(debouncer.Update(true, 20));
            Assert.IsFalse(debouncer.Update(false, 100));
            Assert.IsFalse(debouncer.Update(true, 105));
            Assert.IsFalse(debouncer.Update(false, 110));
            Assert.IsTrue(debouncer.Update(false, 130));
            Assert.IsFalse(debouncer.State);
        }

        [TestMethod]
        public void Zero_debounce_accepts_a_change_at_once()
        {
            Debouncer debouncer = new Debouncer(0, false);
            Assert.IsTrue(debouncer.Update(true, 7));
            Assert.IsTrue(debouncer.Update(false, 8));
            Assert.IsFalse(debouncer.State);
        }

        [TestMethod]
        public void Reset_takes_the_level_and_forgets_a_pending_change()
        {
            Debouncer debouncer = new Debouncer(50, false);
            debouncer.Update(true, 0);
            debouncer.Reset(false);
            Assert.IsFalse(debouncer.Update(true, 60));
            Assert.IsTrue(debouncer.Update(true, 110));
        }
    }
}
