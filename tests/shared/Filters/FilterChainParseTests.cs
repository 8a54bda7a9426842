#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using Capteur.Node.Filters;

namespace Capteur.Node.Tests.Filters
{
    [TestClass]
    public class FilterChainParseTests
    {
        [TestMethod]
        [DataRow("")]
        [DataRow("  ")]
        public void An_empty_spec_passes_every_value(string spec)
        {
            Assert.IsNull(FilterChain.Check(spec));
            FilterChain chain = FilterChain.Parse(spec);
            Assert.AreEqual(0, chain.Count);
            double output;
            Assert.IsTrue(chain.TryApply(21.5, 0, out output));
            Assert.AreEqual(21.5, output);
            Assert.IsTrue(chain.TryApply(21.5, 0, out output));
        }

        [TestMethod]
        public void A_null_spec_is_an_empty_chain()
        {
            Assert.IsNull(FilterChain.Check(null));
            Assert.AreEqual(0, FilterChain.Parse(null).Count);
        }

        [TestMethod]
        [DataRow("median(5) ema(0.2) delta(0.1) heartbeat(5m)", 4)]
        [DataRow("median(5),ema(0.2),delta(0.1)", 3)]
        [DataRow("  median(5) ,  ema(0.2)\tthrottle(500ms)  ", 3)]
        [DataRow("clamp(-40,125) offset(-0.5)", 2)]
        [DataRow("clamp( -40 , 125 ),multiply(1.8)", 2)]
        [DataRow("sliding(64) median(31) ema(1) delta(2) throttle(1h) heartbeat(24h) offset(0) multiply(-1)", 8)]
        public void Filters_are_separated_by_spaces_or_commas(string spec, int count)
        {
            Assert.IsNull(FilterChain.Check(spec));
            Assert.AreEqual(count, FilterChain.Parse(spec).Count);
        }

        [TestMethod]
        [DataRow("offset(1) multiply(2)", 22.0)]
        [DataRow("multiply(2) offset(1)", 21.0)]
        [DataRow("multiply(2) offset(1) clamp(0,20)", 20.0)]
        public void Filters_apply_in_the_order_written(string spec, double expected)
        {
            double output;
            Assert.IsTrue(FilterChain.Parse(spec).TryApply(10.0, 0, out output));
            Assert.AreEqual(expected, output);
        }

        [TestMethod]
        public void A_stopping_filter_stops_the_chain()
        {
            FilterChain chain = FilterChain.Parse("delta(1) offset(100)");
            double output;
            Assert.IsTrue(chain.TryApply(20.0, 0, out output));
            Assert.AreEqual(120.0, output);
            Assert.IsFalse(chain.TryApply(20.5, 1000, out output));
        }

        [TestMethod]
        public void Each_parse_starts_with_fresh_state()
        {
            string spec = "delta(1)";
            FilterChain first = FilterChain.Parse(spec);
            double output;
            first.TryApply(20.0, 0, out output);
            Assert.IsTrue(FilterChain.Parse(spec).TryApply(20.0, 0, out output));
        }

        [TestMethod]
        [DataRow(double.NaN)]
        [DataRow(double.PositiveInfinity)]
        [DataRow(double.NegativeInfinity)]
        public void A_non_finite_value_is_stopped_even_when_a_heartbeat_is_due(double input)
        {
            FilterChain chain = FilterChain.Parse("heartbeat(1s)");
            double output;
            Assert.IsFalse(chain.TryApply(input, 0, out output));
            Assert.IsFalse(chain.TryHeartbeat(input, 0, out output));
        }

        [TestMethod]
        public void A_median_removes_a_spike_before_a_delta_sees_it()
        {
            FilterChain chain = FilterChain.Parse("median(3) delta(0.5)");
            double output;
            Assert.IsTrue(chain.TryApply(21.0, 0, out output));
            Assert.IsFalse(chain.TryApply(21.1, 1000, out output));
            Assert.IsFalse(chain.TryApply(85.0, 2000, out output));
            Assert.IsFalse(chain.TryApply(21.2, 3000, out output));
        }
    }
}
