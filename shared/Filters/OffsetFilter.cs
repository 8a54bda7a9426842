namespace Capteur.Node.Filters
{
    /// <summary><c>offset(x)</c>: adds x to every value.</summary>
    internal sealed class OffsetFilter : IFilter
    {
        private readonly double _offset;

        /// <summary>A filter adding <paramref name="offset"/>.</summary>
        public OffsetFilter(double offset)
        {
            _offset = offset;
        }

        /// <inheritdoc />
        public bool TryApply(double input, long nowMs, out double output)
        {
            output = input + _offset;
            return true;
        }
    }
}
