namespace Capteur.Node.Filters
{
    /// <summary>
    /// <c>sliding(n)</c>: the mean of the last n values, passed on from the first value (averaging the values it has
    /// until n have arrived).
    /// </summary>
    internal sealed class SlidingAverageFilter : IFilter
    {
        /// <summary>Smallest window.</summary>
        public const int MinWindow = 1;

        /// <summary>Largest window (64 doubles, 512 bytes of heap).</summary>
        public const int MaxWindow = 64;

        private readonly double[] _window;
        private int _count;
        private int _next;

        /// <summary>A filter over the last <paramref name="window"/> values (1..64).</summary>
        public SlidingAverageFilter(int window)
        {
            _window = new double[window];
        }

        /// <inheritdoc />
        public bool TryApply(double input, long nowMs, out double output)
        {
            _window[_next] = input;
            _next = (_next + 1) % _window.Length;
            if (_count < _window.Length)
            {
                _count++;
            }

            // The sum is recomputed rather than kept running, so rounding errors cannot accumulate over months.
            double sum = 0.0;
            for (int i = 0; i < _count; i++)
            {
                sum += _window[i];
            }

            output = sum / _count;
            return true;
        }
    }
}
