#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;
using Capteur.Node.Filters;

namespace Capteur.Node.Tests.Filters
{
    [TestClass]
    public class FilterChainCheckTests
    {
        [TestMethod]
        [DataRow("median(0)", "median(0): window must be 1..31 (e.g. median(5))")]
        [DataRow("median(32)", "median(32): window must be 1..31 (e.g. median(5))")]
        [DataRow("median(2.5)", "median(2.5): window must be 1..31 (e.g. median(5))")]
        [DataRow("median()", "median(): window must be 1..31 (e.g. median(5))")]
        [DataRow("median(5,3)", "median(5,3): window must be 1..31 (e.g. median(5))")]
        [DataRow("sliding(0)", "sliding(0): window must be 1..64 (e.g. sliding(10))")]
        [DataRow("sliding(65)", "sliding(65): window must be 1..64 (e.g. sliding(10))")]
        [DataRow("ema(0)", "ema(0): alpha must be a decimal above 0 and at most 1 (e.g. ema(0.2))")]
        [DataRow("ema(1.5)", "ema(1.5): alpha must be a decimal above 0 and at most 1 (e.g. ema(0.2))")]
        [DataRow("ema(1e-1)", "ema(1e-1): alpha must be a decimal above 0 and at most 1 (e.g. ema(0.2))")]
        [DataRow("ema(-0.2)", "ema(-0.2): alpha must be a decimal above 0 and at most 1 (e.g. ema(0.2))")]
        [DataRow("delta(0)", "delta(0): change must be a decimal above 0 (e.g. delta(0.1))")]
        [DataRow("delta(-1)", "delta(-1): change must be a decimal above 0 (e.g. delta(0.1))")]
        [DataRow("throttle(5)", "throttle(5): interval must be 1ms..24h with a unit ms, s, m or h (e.g. throttle(60s))")]
        [DataRow("throttle(0s)", "throttle(0s): interval must be 1ms..24h with a unit ms, s, m or h (e.g. throttle(60s))")]
        [DataRow("heartbeat(25h)", "heartbeat(25h): interval must be 1ms..24h with a unit ms, s, m or h (e.g. heartbeat(5m))")]
        [DataRow("heartbeat(5min)", "heartbeat(5min): interval must be 1ms..24h with a unit ms, s, m or h (e.g. heartbeat(5m))")]
        [DataRow("clamp(5)", "clamp(5): needs two plain decimals min,max (e.g. clamp(-40,125))")]
        [DataRow("clamp(a,5)", "clamp(a,5): needs two plain decimals min,max (e.g. clamp(-40,125))")]
        [DataRow("clamp(125,-40)", "clamp(125,-40): min must be below max (e.g. clamp(-40,125))")]
        [DataRow("clamp(5,5)", "clamp(5,5): min must be below max (e.g. clamp(-40,125))")]
        [DataRow("offset(abc)", "offset(abc): needs one plain decimal (e.g. offset(-1.5))")]
        [DataRow("offset(1,5)", "offset(1,5): needs one plain decimal (e.g. offset(-1.5))")]
        [DataRow("multiply()", "multiply(): needs one plain decimal (e.g. multiply(1.8))")]
        [DataRow("foo(1)", "foo(1): unknown filter (median, sliding, ema, delta, throttle, heartbeat, clamp, offset, multiply)")]
        [DataRow("Median(5)", "Median(5): unknown filter (median, sliding, ema, delta, throttle, heartbeat, clamp, offset, multiply)")]
        [DataRow("median(5) bogus", "bogus: unknown filter (median, sliding, ema, delta, throttle, heartbeat, clamp, offset, multiply)")]
        [DataRow("median", "median: arguments must follow in parentheses, without a space (e.g. median(5))")]
        [DataRow("median (5)", "median: arguments must follow in parentheses, without a space (e.g. median(5))")]
        [DataRow("ema(0.2", "ema(0.2: missing closing parenthesis (e.g. ema(0.2))")]
        [DataRow("median(5) ema(2) delta(0)", "ema(2): alpha must be a decimal above 0 and at most 1 (e.g. ema(0.2))")]
        [DataRow("offset(1) offset(2) offset(3) offset(4) offset(5) offset(6) offset(7) offset(8) offset(9)", "offset(9): too many filters, a chain holds at most 8 (remove some)")]
        public void An_invalid_spec_is_explained(string spec, string expected)
        {
            Assert.AreEqual(expected, FilterChain.Check(spec));
        }

        [TestMethod]
        public void Parse_throws_the_check_message()
        {
            string message = null;
            try
            {
                FilterChain.Parse("median(0)");
            }
            catch (ArgumentException e)
            {
                message = e.Message;
            }

            Assert.AreEqual("median(0): window must be 1..31 (e.g. median(5))", message);
        }
    }
}
