namespace Capteur.Node.Filters
{
    /// <summary>
    /// <c>heartbeat(t)</c>: at least one value per t. On its own it passes every value; its effect is in
    /// <see cref="FilterChain"/>, which lets a value stopped by an earlier filter through when this heartbeat is due.
    /// </summary>
    internal sealed class HeartbeatFilter : IFilter
    {
        private readonly long _intervalMs;
        private bool _started;
        private long _lastMs;

        /// <summary>A filter wanting a value at least every <paramref name="intervalMs"/>.</summary>
        public HeartbeatFilter(long intervalMs)
        {
            _intervalMs = intervalMs;
        }

        /// <summary>True when no value has passed yet, or the last one passed at least t ago.</summary>
        public bool IsDue(long nowMs)
        {
            return !_started || nowMs - _lastMs >= _intervalMs;
        }

        /// <inheritdoc />
        public bool TryApply(double input, long nowMs, out double output)
        {
            _started = true;
            _lastMs = nowMs;
            output = input;
            return true;
        }
    }
}
