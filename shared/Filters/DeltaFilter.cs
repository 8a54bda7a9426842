using System;

namespace Capteur.Node.Filters
{
    /// <summary>
    /// <c>delta(x)</c>: passes a value only when it differs by at least x from the last value this filter passed; the
    /// first value always passes.
    /// </summary>
    internal sealed class DeltaFilter : IFilter
    {
        // Decimal steps are not exact in binary (0.3 - 0.2 = 0.09999999999999998): a change that equals x once
        // written in decimals must pass, so x is lowered by a relative hair.
        private const double Tolerance = 1e-9;

        private readonly double _threshold;
        private bool _started;
        private double _last;

        /// <summary>A filter passing changes of at least <paramref name="delta"/> (above 0).</summary>
        public DeltaFilter(double delta)
        {
            _threshold = delta * (1.0 - Tolerance);
        }

        /// <inheritdoc />
        public bool TryApply(double input, long nowMs, out double output)
        {
            output = input;
            if (_started && Math.Abs(input - _last) < _threshold)
            {
                return false;
            }

            _started = true;
            _last = input;
            return true;
        }
    }
}
