namespace Capteur.Node.Sensors
{
    /// <summary>Raw ESP32 ADC counts to millivolts.</summary>
    public static class AdcConverter
    {
        /// <summary>Largest raw value of the 12-bit ADC.</summary>
        public const int MaxRaw = 4095;

        /// <summary>
        /// Millivolts at <see cref="MaxRaw"/>. The ESP32 ADC at 11/12 dB attenuation (nanoFramework fixes 12 dB) spans
        /// about 0..3.3 V nominally, so 3300 mV over 4095 counts; the real gain and offset differ per chip by up to a
        /// few percent, which a <see cref="TwoPointCalibration"/> per board corrects.
        /// </summary>
        public const double DefaultFullScaleMilliVolts = 3300.0;

        /// <summary>Millivolts for <paramref name="raw"/> counts (may be a mean, hence a double) at 3300 mV full scale.</summary>
        public static double RawToMilliVolts(double raw)
        {
            return RawToMilliVolts(raw, DefaultFullScaleMilliVolts);
        }

        /// <summary>
        /// Millivolts for <paramref name="raw"/> counts when <see cref="MaxRaw"/> reads
        /// <paramref name="fullScaleMilliVolts"/>. Raw values outside 0..4095 are clamped to that range.
        /// </summary>
        public static double RawToMilliVolts(double raw, double fullScaleMilliVolts)
        {
            if (raw < 0.0)
            {
                raw = 0.0;
            }
            else if (raw > MaxRaw)
            {
                raw = MaxRaw;
            }

            return raw * fullScaleMilliVolts / MaxRaw;
        }
    }
}
