using Capteur.Node.Ports;

namespace Capteur.Node.Tests.Support
{
    /// <summary>A GPIO input whose level the test sets.</summary>
    public sealed class FakeDigitalInput : IDigitalInput
    {
        /// <summary>The level <see cref="Read"/> returns: true for high.</summary>
        public bool Level;

        /// <summary>Number of <see cref="Read"/> calls so far.</summary>
        public int Reads;

        /// <inheritdoc />
        public bool Read()
        {
            Reads++;
            return Level;
        }
    }
}
