namespace Capteur.Node.Filters
{
    /// <summary><c>multiply(x)</c>: multiplies every value by x.</summary>
    internal sealed class MultiplyFilter : IFilter
    {
        private readonly double _factor;

        /// <summary>A filter multiplying by <paramref name="factor"/>.</summary>
        public MultiplyFilter(double factor)
        {
            _factor = factor;
        }

        /// <inheritdoc />
        public bool TryApply(double input, long nowMs, out double output)
        {
            output = input * _factor;
            return true;
        }
    }
}
