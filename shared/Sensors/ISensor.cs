namespace Capteur.Node.Sensors
{
    /// <summary>One configured sensor as the node engine polls it, every <c>sensorN.interval_ms</c>.</summary>
    public interface ISensor
    {
        /// <summary>Unit of the values, e.g. <c>°C</c>; empty for a dimensionless value such as a contact.</summary>
        string Unit { get; }

        /// <summary>
        /// Samples the hardware at uptime <paramref name="nowMs"/>; true with a value to publish, false when the
        /// pipeline has nothing to report now. Allocates nothing. Exceptions from the hardware port pass through
        /// (the engine logs them and keeps looping).
        /// </summary>
        bool TryRead(long nowMs, out double value);
    }
}
