namespace Capteur.Node.Config
{
    /// <summary>
    /// A run of GPIOs a board profile keeps from sensors and the console, with the reason in the words of the
    /// messages: <c>runs the SPI flash</c> reads as "GPIO 6 runs the SPI flash on node.board=...".
    /// </summary>
    internal sealed class BoardPinRange
    {
        internal BoardPinRange(int first, int last, string reason)
        {
            First = first;
            Last = last;
            Reason = reason;
        }

        /// <summary>Lowest GPIO of the run.</summary>
        internal int First { get; private set; }

        /// <summary>Highest GPIO of the run (equal to <see cref="First"/> for a single pin).</summary>
        internal int Last { get; private set; }

        /// <summary>Why the pins are kept, starting with a verb, e.g. <c>runs the PSRAM</c>.</summary>
        internal string Reason { get; private set; }

        /// <summary>True when <paramref name="gpio"/> is in the run.</summary>
        internal bool Contains(int gpio)
        {
            return gpio >= First && gpio <= Last;
        }
    }
}
