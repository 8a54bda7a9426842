using System.Text;
using Capteur.Node.Engine;

namespace Capteur.Node.Tests.Support
{
    /// <summary>A sensor whose n-th sample is <c>start + n * step</c>.</summary>
    public sealed class FakeSensorChannel : ISensorChannel
    {
        private readonly double _start;
        private readonly double _step;
        private readonly byte[] _unit;

        /// <summary>Samples taken so far.</summary>
        public int Samples;

        /// <summary>A sensor named <paramref name="name"/> sampled every <paramref name="intervalMs"/>.</summary>
        public FakeSensorChannel(string name, string unit, int decimals, long intervalMs, double start, double step)
        {
            Name = name;
            _unit = Encoding.UTF8.GetBytes(unit);
            Decimals = decimals;
            IntervalMs = intervalMs;
            _start = start;
            _step = step;
        }

        /// <inheritdoc />
        public string Name { get; private set; }

        /// <inheritdoc />
        public byte[] UnitUtf8
        {
            get { return _unit; }
        }

        /// <inheritdoc />
        public int Decimals { get; private set; }

        /// <inheritdoc />
        public long IntervalMs { get; private set; }

        /// <inheritdoc />
        public bool TrySample(long nowMs, out double value)
        {
            value = _start + Samples * _step;
            Samples++;
            return true;
        }
    }
}
