namespace Capteur.Node.Filters
{
    /// <summary><c>clamp(min,max)</c>: limits every value to min..max and passes it on.</summary>
    internal sealed class ClampFilter : IFilter
    {
        private readonly double _min;
        private readonly double _max;

        /// <summary>A filter limiting values to <paramref name="min"/>..<paramref name="max"/> (min below max).</summary>
        public ClampFilter(double min, double max)
        {
            _min = min;
            _max = max;
        }

        /// <inheritdoc />
        public bool TryApply(double input, long nowMs, out double output)
        {
            output = input < _min ? _min : (input > _max ? _max : input);
            return true;
        }
    }
}
