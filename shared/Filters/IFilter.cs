namespace Capteur.Node.Filters
{
    /// <summary>
    /// One step of a <see cref="FilterChain"/>, as in esphome's sensor/filter.h: it passes a value on (true) or stops
    /// the chain (false). Implementations never throw and allocate nothing per value.
    /// </summary>
    internal interface IFilter
    {
        /// <summary>
        /// Takes <paramref name="input"/> seen at <paramref name="nowMs"/> (uptime); true with the value to hand to the
        /// next filter, false to stop it (then <paramref name="output"/> is <paramref name="input"/>).
        /// </summary>
        bool TryApply(double input, long nowMs, out double output);
    }
}
