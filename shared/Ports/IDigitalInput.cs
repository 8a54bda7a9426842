namespace Capteur.Node.Ports
{
    /// <summary>One GPIO input (contact, reed switch, PIR).</summary>
    public interface IDigitalInput
    {
        /// <summary>The pin's level now: true for high.</summary>
        bool Read();
    }
}
