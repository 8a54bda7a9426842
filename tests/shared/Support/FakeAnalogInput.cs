using Capteur.Node.Ports;

namespace Capteur.Node.Tests.Support
{
    /// <summary>An ADC channel that returns a scripted sequence of raw counts, over and over.</summary>
    public sealed class FakeAnalogInput : IAnalogInput
    {
        private int[] _raws;
        private int _next;

        /// <summary>A channel reading <paramref name="raws"/> in turn, starting again after the last.</summary>
        public FakeAnalogInput(params int[] raws)
        {
            _raws = raws;
        }

        /// <summary>Number of <see cref="ReadRaw"/> calls so far.</summary>
        public int Reads;

        /// <summary>From now on every read returns <paramref name="raw"/>.</summary>
        public void Set(int raw)
        {
            _raws = new int[] { raw };
            _next = 0;
        }

        /// <inheritdoc />
        public int ReadRaw()
        {
            int raw = _raws[_next];
            _next = (_next + 1) % _raws.Length;
            Reads++;
            return raw;
        }
    }
}
