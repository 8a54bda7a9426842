using System;
using System.Collections;

namespace Capteur.Node.Filters
{
    /// <summary>
    /// The filters of one sensor, applied in order, parsed from a spec such as
    /// <c>median(5) ema(0.2) delta(0.1) heartbeat(5m)</c> (filters separated by spaces or commas; durations take a unit
    /// <c>ms</c>, <c>s</c>, <c>m</c> or <c>h</c>; numbers are plain decimals). An empty spec passes every value.
    /// </summary>
    /// <remarks>
    /// <para>Filters: <c>median(n)</c> n 1..31, <c>sliding(n)</c> n 1..64, <c>ema(alpha)</c> 0 &lt; alpha &lt;= 1,
    /// <c>delta(x)</c> x &gt; 0, <c>throttle(t)</c>, <c>heartbeat(t)</c> t 1ms..24h, <c>clamp(min,max)</c> min &lt; max,
    /// <c>offset(x)</c>, <c>multiply(x)</c>; at most 8 in a chain.</para>
    /// <para>Heartbeat rule: <c>heartbeat(t)</c> promises at least one value per t, counted from the last value that
    /// went through the heartbeat, checked whenever a value arrives (the chain has no timer: readings drive it). When
    /// a filter stops a value and a heartbeat LATER in the chain is due, the stop is overridden: the value as it stood
    /// at the stopping filter (that filter's input) goes on to the next filter, and so on through the rest of the
    /// chain, so filters after the stop (offset, clamp...) still apply. An overridden filter keeps its own state
    /// (delta still compares with the last value it passed itself; throttle still counts from its own last pass). A
    /// heartbeat only overrides filters placed before it: in <c>heartbeat(5m) delta(0.1)</c> delta has the last word.
    /// Non-finite inputs (NaN, infinities) are stopped before the first filter and no heartbeat overrides that.</para>
    /// <para><see cref="TryApply"/> never throws and allocates nothing: windows are allocated by <see cref="Parse"/>.</para>
    /// </remarks>
    public sealed class FilterChain
    {
        private readonly IFilter[] _filters;

        private FilterChain(IFilter[] filters)
        {
            _filters = filters;
        }

        /// <summary>Number of filters in the chain (0 for an empty spec).</summary>
        public int Count
        {
            get { return _filters.Length; }
        }

        /// <summary>
        /// Null when <paramref name="spec"/> is a valid chain (null and blank are valid), else a message without a key
        /// prefix that names the offending filter text, the allowed range and a correct example, e.g.
        /// <c>median(0): window must be 1..31 (e.g. median(5))</c>.
        /// </summary>
        public static string Check(string spec)
        {
            return FilterSpecParser.Parse(spec, null);
        }

        /// <summary>
        /// The chain described by <paramref name="spec"/>, with fresh state; throws <see cref="ArgumentException"/>
        /// carrying the <see cref="Check"/> message when the spec is invalid.
        /// </summary>
        public static FilterChain Parse(string spec)
        {
            ArrayList filters = new ArrayList();
            string error = FilterSpecParser.Parse(spec, filters);
            if (error != null)
            {
                throw new ArgumentException(error);
            }

            IFilter[] array = new IFilter[filters.Count];
            for (int i = 0; i < array.Length; i++)
            {
                array[i] = (IFilter)filters[i];
            }

            return new FilterChain(array);
        }

        /// <summary>
        /// Runs <paramref name="input"/>, seen at uptime <paramref name="nowMs"/>, through the filters. True with the
        /// value to publish, false when a filter stopped it (see the heartbeat rule in the remarks).
        /// </summary>
        public bool TryApply(double input, long nowMs, out double output)
        {
            output = input;
            if (double.IsNaN(input) || double.IsInfinity(input))
            {
                return false;
            }

            return Run(input, nowMs, out output);
        }

        /// <summary>
        /// Offers a value that a stage before the chain decided not to report (a digital input that did not change):
        /// it goes through, from the first filter on, only when a heartbeat in the chain is due, exactly as if a filter
        /// placed before the chain had stopped it. False otherwise, and always for an empty chain.
        /// </summary>
        public bool TryHeartbeat(double input, long nowMs, out double output)
        {
            output = input;
            if (double.IsNaN(input) || double.IsInfinity(input) || !IsHeartbeatDueFrom(0, nowMs))
            {
                return false;
            }

            return Run(input, nowMs, out output);
        }

        private bool Run(double input, long nowMs, out double output)
        {
            double value = input;
            for (int i = 0; i < _filters.Length; i++)
            {
                double next;
                if (_filters[i].TryApply(value, nowMs, out next))
                {
                    value = next;
                }
                else if (!IsHeartbeatDueFrom(i + 1, nowMs))
                {
                    output = value;
                    return false;
                }
            }

            output = value;
            return true;
        }

        private bool IsHeartbeatDueFrom(int first, long nowMs)
        {
            for (int i = first; i < _filters.Length; i++)
            {
                HeartbeatFilter heartbeat = _filters[i] as HeartbeatFilter;
                if (heartbeat != null && heartbeat.IsDue(nowMs))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
