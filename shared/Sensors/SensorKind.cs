namespace Capteur.Node.Sensors
{
    /// <summary>What is wired to a sensor slot. Names for config and display are in <see cref="SensorKindTable"/>.</summary>
    public enum SensorKind
    {
        /// <summary>The slot is unused.</summary>
        None = 0,

        /// <summary>TMP36 analog temperature sensor on an ADC pin.</summary>
        Tmp36 = 1,

        /// <summary>LM35 analog temperature sensor on an ADC pin.</summary>
        Lm35 = 2,

        /// <summary>A contact, reed switch or PIR on a GPIO input: 1 or 0.</summary>
        Digital = 3,
    }
}
