namespace Capteur.Node.Filters
{
    /// <summary>
    /// <c>median(n)</c>: the median of the last n values (fewer until n have arrived), passed on for every value. An
    /// even count gives the mean of the two middle values, as esphome's median filter does.
    /// </summary>
    internal sealed class MedianFilter : IFilter
    {
        /// <summary>Smallest window.</summary>
        public const int MinWindow = 1;

        /// <summary>Largest window: the sort runs on every value, and 31 keeps it cheap on an ESP32.</summary>
        public const int MaxWindow = 31;

        private readonly double[] _window;
        private readonly double[] _sorted;
        private int _count;
        private int _next;

        /// <summary>A filter over the last <paramref name="window"/> values (1..31).</summary>
        public MedianFilter(int window)
        {
            _window = new double[window];
            _sorted = new double[window];
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

            // Insertion sort into the preallocated copy: no allocation, and n is at most 31.
            for (int i = 0; i < _count; i++)
            {
                double value = _window[i];
                int j = i - 1;
                while (j >= 0 && _sorted[j] > value)
                {
                    _sorted[j + 1] = _sorted[j];
                    j--;
                }

                _sorted[j + 1] = value;
            }

            int middle = _count / 2;
            output = _count % 2 == 1 ? _sorted[middle] : (_sorted[middle - 1] + _sorted[middle]) / 2.0;
            return true;
        }
    }
}
