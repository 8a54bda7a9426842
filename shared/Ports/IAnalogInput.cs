namespace Capteur.Node.Ports
{
    /// <summary>One ADC channel.</summary>
    public interface IAnalogInput
    {
        /// <summary>One raw conversion, 12-bit counts (0..4095).</summary>
        int ReadRaw();
    }
}
