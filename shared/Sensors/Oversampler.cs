using Capteur.Node.Ports;

namespace Capteur.Node.Sensors
{
    /// <summary>
    /// Averages several ADC conversions: the ESP32 ADC is noisy (a few counts), and the mean of N samples cuts the
    /// noise by about the square root of N and gives sub-count resolution.
    /// </summary>
    public static class Oversampler
    {
        /// <summary>Smallest sample count.</summary>
        public const int MinSamples = 1;

        /// <summary>Largest sample count (config range of <c>sensorN.oversample</c>).</summary>
        public const int MaxSamples = 64;

        /// <summary>
        /// The mean of <paramref name="samples"/> raw reads of <paramref name="input"/> (counts below 1 read once).
        /// Allocates nothing.
        /// </summary>
        public static double ReadMean(IAnalogInput input, int samples)
        {
            if (samples < MinSamples)
            {
                samples = MinSamples;
            }

            long sum = 0;
            for (int i = 0; i < samples; i++)
            {
                sum += input.ReadRaw();
            }

            return (double)sum / samples;
        }
    }
}
