using System;
using Capteur.Node.Filters;

namespace Capteur.Node.Sensors
{
    /// <summary>
    /// Per-board linear correction <c>corrected = Gain * reading + Offset</c>, from two points where the sensor's
    /// reading was compared with a reference thermometer. It absorbs the ESP32 ADC's gain and offset error and the
    /// sensor's own. Spec text: <c>"r1:t1,r2:t2"</c> (reading:reference pairs), e.g. <c>"20.3:21.0,80.1:79.5"</c>;
    /// empty means no correction.
    /// </summary>
    public sealed class TwoPointCalibration
    {
        /// <summary>
        /// Smallest gain accepted. Real ADC and sensor gain errors are a few percent; a gain outside 0.5..2 means a
        /// pair was typed the wrong way round or belongs to another sensor.
        /// </summary>
        public const double MinGain = 0.5;

        /// <summary>Largest gain accepted (see <see cref="MinGain"/>).</summary>
        public const double MaxGain = 2.0;

        private const string Example = "\"20.3:21.0,80.1:79.5\"";

        private readonly double _gain;
        private readonly double _offset;

        /// <summary>A correction with this <paramref name="gain"/> and <paramref name="offset"/>.</summary>
        public TwoPointCalibration(double gain, double offset)
        {
            _gain = gain;
            _offset = offset;
        }

        /// <summary>No correction: gain 1, offset 0.</summary>
        public static TwoPointCalibration Identity
        {
            get { return new TwoPointCalibration(1.0, 0.0); }
        }

        /// <summary>The factor applied to a reading.</summary>
        public double Gain
        {
            get { return _gain; }
        }

        /// <summary>What is added after the gain, in the reading's unit.</summary>
        public double Offset
        {
            get { return _offset; }
        }

        /// <summary>
        /// The line through (<paramref name="reading1"/>, <paramref name="reference1"/>) and (<paramref name="reading2"/>,
        /// <paramref name="reference2"/>); the readings must differ.
        /// </summary>
        public static TwoPointCalibration FromPoints(double reading1, double reference1, double reading2, double reference2)
        {
            double gain = (reference2 - reference1) / (reading2 - reading1);
            return new TwoPointCalibration(gain, reference1 - gain * reading1);
        }

        /// <summary>The corrected value of <paramref name="reading"/>.</summary>
        public double Apply(double reading)
        {
            return _gain * reading + _offset;
        }

        /// <summary>
        /// Null when <paramref name="spec"/> is valid (null and blank are valid: no correction), else a message without
        /// a key prefix naming the value, what is allowed and the fix.
        /// </summary>
        public static string Check(string spec)
        {
            TwoPointCalibration calibration;
            return TryParse(spec, out calibration);
        }

        /// <summary>
        /// The correction <paramref name="spec"/> describes (<see cref="Identity"/> when blank); throws
        /// <see cref="ArgumentException"/> carrying the <see cref="Check"/> message when it is invalid.
        /// </summary>
        public static TwoPointCalibration Parse(string spec)
        {
            TwoPointCalibration calibration;
            string error = TryParse(spec, out calibration);
            if (error != null)
            {
                throw new ArgumentException(error);
            }

            return calibration;
        }

        private static string TryParse(string spec, out TwoPointCalibration calibration)
        {
            calibration = Identity;
            string text = spec == null ? "" : spec.Trim();
            if (text.Length == 0)
            {
                return null;
            }

            string quoted = "\"" + text + "\"";
            int comma = text.IndexOf(',');
            double reading1;
            double reference1;
            double reading2;
            double reference2;
            if (comma < 0
                || !TryParsePair(text.Substring(0, comma), out reading1, out reference1)
                || !TryParsePair(text.Substring(comma + 1), out reading2, out reference2))
            {
                return quoted + ": expected two reading:reference pairs in plain decimals, e.g. " + Example
                    + " (empty for no calibration)";
            }

            if (reading1 == reading2)
            {
                return quoted + ": the two readings must differ (measure at two temperatures at least 10 °C apart)";
            }

            TwoPointCalibration line = FromPoints(reading1, reference1, reading2, reference2);
            if (line.Gain < MinGain || line.Gain > MaxGain)
            {
                return quoted + ": the correction gain would be " + FormatHundredths(line.Gain)
                    + ", allowed 0.50..2.00 (check that each pair is reading:reference, e.g. " + Example + ")";
            }

            calibration = line;
            return null;
        }

        /// <summary>
        /// <paramref name="value"/> with two decimals and a point whatever the culture: .NET's <c>ToString("F2")</c>
        /// writes a comma under a German culture, nanoFramework never does.
        /// </summary>
        private static string FormatHundredths(double value)
        {
            double magnitude = Math.Abs(value);
            if (!(magnitude < 1e9))
            {
                return value < 0.0 ? "below -1000000000" : "above 1000000000";
            }

            long hundredths = (long)(magnitude * 100.0 + 0.5);
            long fraction = hundredths % 100;
            string text = (hundredths / 100).ToString() + (fraction < 10 ? ".0" : ".") + fraction.ToString();
            return value < 0.0 && hundredths != 0 ? "-" + text : text;
        }

        private static bool TryParsePair(string pair, out double reading, out double reference)
        {
            reference = 0.0;
            int colon = pair.IndexOf(':');
            if (colon < 0)
            {
                reading = 0.0;
                return false;
            }

            return DecimalParser.TryParse(pair.Substring(0, colon).Trim(), out reading)
                && DecimalParser.TryParse(pair.Substring(colon + 1).Trim(), out reference);
        }
    }
}
