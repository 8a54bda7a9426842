namespace Capteur.Node.Ports
{
    /// <summary>Opens the inputs the configured sensors are wired to (real pins on a board, simulations on a desktop).</summary>
    public interface ISensorInputs
    {
        /// <summary>
        /// The ADC input for a sensor of <paramref name="kind"/> (<c>tmp36</c>, <c>lm35</c>) on GPIO
        /// <paramref name="gpio"/>, which the board maps to ADC1 channel <paramref name="adcChannel"/>.
        /// </summary>
        IAnalogInput OpenAnalog(string kind, int gpio, int adcChannel);

        /// <summary>The input for a contact or PIR on GPIO <paramref name="gpio"/> (pulled up).</summary>
        IDigitalInput OpenDigital(int gpio);
    }
}
