#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using Capteur.Node.Filters;

namespace Capteur.Node.Tests.Filters
{
    [TestClass]
    public class FilterChainHeartbeatTests
    {
        private static string Apply(FilterChain chain, double input, long nowMs)
        {
            double output;
            return chain.TryApply(input, nowMs, out output) ? output.ToString("F2") : "stopped";
        }

        [TestMethod]
        public void A_heartbeat_lets_through_a_value_that_delta_stopped()
        {
            FilterChain chain = FilterChain.Parse("delta(0.5) heartbeat(1m)");
            Assert.AreEqual("20.00", Apply(chain, 20.0, 0));
            Assert.AreEqual("stopped", Apply(chain, 20.1, 10000));
            Assert.AreEqual("stopped", Apply(chain, 20.1, 59999));
            Assert.AreEqual("20.20", Apply(chain, 20.2, 60000));
            Assert.AreEqual("stopped", Apply(chain, 20.2, 70000));
        }

        [TestMethod]
        public void The_heartbeat_counts_from_the_last_value_that_went_through()
        {
            FilterChain chain = FilterChain.Parse("delta(0.5) heartbeat(1m)");
            Apply(chain, 20.0, 0);
            Assert.AreEqual("21.00", Apply(chain, 21.0, 30000));
            Assert.AreEqual("stopped", Apply(chain, 21.1, 60000));
            Assert.AreEqual("stopped", Apply(chain, 21.1, 89999));
            Assert.AreEqual("21.10", Apply(chain, 21.1, 90000));
        }

        [TestMethod]
        public void Delta_keeps_comparing_with_the_last_value_it_passed_itself()
        {
            // The heartbeat sent 20.4; delta's reference is still 20.0, so 20.5 is a change of 0.5 and passes.
            FilterChain chain = FilterChain.Parse("delta(0.5) heartbeat(1m)");
            Apply(chain, 20.0, 0);
            Assert.AreEqual("20.40", Apply(chain, 20.4, 60000));
            Assert.AreEqual("20.50", Apply(chain, 20.5, 70000));
        }

        [TestMethod]
        public void Filters_after_the_stop_still_apply_to_the_heartbeat_value()
        {
            FilterChain chain = FilterChain.Parse("median(3) delta(0.5) offset(1) heartbeat(1m) clamp(0,30)");
            Assert.AreEqual("21.00", Apply(chain, 20.0, 0));
            Assert.AreEqual("stopped", Apply(chain, 20.2, 30000));
            // median(20.0, 20.2, 20.2) = 20.2 stopped by delta, then offset(1): 21.2, clamp: 21.2
            Assert.AreEqual("21.20", Apply(chain, 20.2, 60000));
            Assert.AreEqual("stopped", Apply(chain, 20.2, 61000));
        }

        [TestMethod]
        public void A_heartbeat_overrides_throttle_too()
        {
            FilterChain chain = FilterChain.Parse("throttle(10m) heartbeat(1m)");
            Assert.AreEqual("1.00", Apply(chain, 1.0, 0));
            Assert.AreEqual("stopped", Apply(chain, 2.0, 30000));
            Assert.AreEqual("3.00", Apply(chain, 3.0, 60000));
        }

        [TestMethod]
        public void A_heartbeat_placed_before_a_stopping_filter_does_not_override_it()
        {
            FilterChain chain = FilterChain.Parse("heartbeat(1m) delta(0.5)");
            Assert.AreEqual("20.00", Apply(chain, 20.0, 0));
            Assert.AreEqual("stopped", Apply(chain, 20.1, 120000));
        }

        [TestMethod]
        public void The_full_example_chain_sends_at_least_every_five_minutes()
        {
            FilterChain chain = FilterChain.Parse("median(5) ema(0.2) delta(0.1) heartbeat(5m)");
            int sent = 0;
            for (long t = 0; t <= 900000; t += 10000)
            {
                double output;
                if (chain.TryApply(21.0, t, out output))
                {
                    sent++;
                    Assert.AreEqual("21.00", output.ToString("F2"));
                }
            }

            // At 0 (first value), then 300 s, 600 s and 900 s.
            Assert.AreEqual(4, sent);
        }

        [TestMethod]
        public void Try_heartbeat_passes_an_unchanged_value_only_when_due()
        {
            FilterChain chain = FilterChain.Parse("offset(1) heartbeat(1m)");
            double output;
            Assert.IsTrue(chain.TryApply(0.0, 0, out output));
            Assert.IsFalse(chain.TryHeartbeat(0.0, 59999, out output));
            Assert.IsTrue(chain.TryHeartbeat(0.0, 60000, out output));
            Assert.AreEqual(1.0, output);
        }

        [TestMethod]
        public void Try_heartbeat_never_passes_without_a_heartbeat_filter()
        {
            double output;
            Assert.IsFalse(FilterChain.Parse("").TryHeartbeat(1.0, 0, out output));
            Assert.IsFalse(FilterChain.Parse("offset(1)").TryHeartbeat(1.0, 999999, out output));
        }
    }
}
