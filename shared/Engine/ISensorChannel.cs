namespace Capteur.Node.Engine
{
    /// <summary>One configured sensor as the node engine sees it: what to call it, how to print it, when to ask it.</summary>
    public interface ISensorChannel
    {
        /// <summary>Topic level of its readings (<c>&lt;node.topic&gt;/&lt;name&gt;</c>).</summary>
        string Name { get; }

        /// <summary>Unit as UTF-8 bytes, e.g. <c>°C</c>; empty for none.</summary>
        byte[] UnitUtf8 { get; }

        /// <summary>Digits after the point in published values.</summary>
        int Decimals { get; }

        /// <summary>How often the engine asks it for a value.</summary>
        long IntervalMs { get; }

        /// <summary>
        /// Samples now; true with a value to publish, false when there is none this time (a filter stopped it, an
        /// unchanged contact, a sensor error). Never throws.
        /// </summary>
        bool TrySample(long nowMs, out double value);
    }
}
