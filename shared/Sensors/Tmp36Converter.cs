namespace Capteur.Node.Sensors
{
    /// <summary>Analog Devices TMP36 output voltage to temperature.</summary>
    public static class Tmp36Converter
    {
        /// <summary>TMP36 datasheet: 500 mV at 0 °C (the offset that lets it read below zero on a single supply).</summary>
        public const double OffsetMilliVolts = 500.0;

        /// <summary>TMP36 datasheet: 10 mV/°C scale factor.</summary>
        public const double MilliVoltsPerDegree = 10.0;

        /// <summary>°C for <paramref name="milliVolts"/> at the TMP36 output (750 mV is 25 °C).</summary>
        public static double MilliVoltsToCelsius(double milliVolts)
        {
            return (milliVolts - OffsetMilliVolts) / MilliVoltsPerDegree;
        }
    }
}
