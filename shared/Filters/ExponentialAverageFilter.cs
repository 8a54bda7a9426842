namespace Capteur.Node.Filters
{
    /// <summary>
    /// <c>ema(alpha)</c>: exponential moving average, <c>out = alpha * in + (1 - alpha) * previous out</c>; the first
    /// value passes unchanged and starts the average. alpha 1 passes every value as it is.
    /// </summary>
    internal sealed class ExponentialAverageFilter : IFilter
    {
        private readonly double _alpha;
        private bool _started;
        private double _average;

        /// <summary>A filter with weight <paramref name="alpha"/> (0 &lt; alpha &lt;= 1) for the newest value.</summary>
        public ExponentialAverageFilter(double alpha)
        {
            _alpha = alpha;
        }

        /// <inheritdoc />
        public bool TryApply(double input, long nowMs, out double output)
        {
            if (_started)
            {
                _average = _alpha * input + (1.0 - _alpha) * _average;
            }
            else
            {
                _average = input;
                _started = true;
            }

            output = _average;
            return true;
        }
    }
}
