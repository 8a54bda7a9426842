namespace Capteur.Node.Filters
{
    /// <summary>
    /// <c>throttle(t)</c>: passes at most one value per t: a value passes when at least t ms have gone by since the last
    /// value this filter passed; the first value always passes.
    /// </summary>
    internal sealed class ThrottleFilter : IFilter
    {
        private readonly long _intervalMs;
        private bool _started;
        private long _lastMs;

        /// <summary>A filter passing at most one value per <paramref name="intervalMs"/>.</summary>
        public ThrottleFilter(long intervalMs)
        {
            _intervalMs = intervalMs;
        }

        /// <inheritdoc />
        public bool TryApply(double input, long nowMs, out double output)
        {
            output = input;
            if (_started && nowMs - _lastMs < _intervalMs)
            {
                return false;
            }

            _started = true;
            _lastMs = nowMs;
            return true;
        }
    }
}
