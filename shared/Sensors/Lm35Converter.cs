namespace Capteur.Node.Sensors
{
    /// <summary>Texas Instruments LM35 output voltage to temperature.</summary>
    public static class Lm35Converter
    {
        /// <summary>LM35 datasheet: 10 mV/°C, 0 mV at 0 °C (basic circuit reads 2..150 °C).</summary>
        public const double MilliVoltsPerDegree = 10.0;

        /// <summary>°C for <paramref name="milliVolts"/> at the LM35 output (250 mV is 25 °C).</summary>
        public static double MilliVoltsToCelsius(double milliVolts)
        {
            return milliVolts / MilliVoltsPerDegree;
        }
    }
}
