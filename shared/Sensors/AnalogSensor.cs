using System;
using Capteur.Node.Filters;
using Capteur.Node.Ports;

namespace Capteur.Node.Sensors
{
    /// <summary>
    /// An analog temperature sensor's pipeline: mean of N raw ADC samples, counts to millivolts (3300 mV full scale),
    /// millivolts to °C by the kind's datasheet line, two-point calibration, then the filter chain.
    /// </summary>
    public sealed class AnalogSensor : ISensor
    {
        private readonly IAnalogInput _input;
        private readonly SensorKind _kind;
        private readonly int _oversample;
        private readonly TwoPointCalibration _calibration;
        private readonly FilterChain _filters;

        /// <summary>
        /// A sensor of <paramref name="kind"/> (tmp36 or lm35) on <paramref name="input"/>, averaging
        /// <paramref name="oversample"/> samples (1..64) per reading. A null calibration means none; null filters
        /// pass every value. Throws <see cref="ArgumentException"/> for a kind that is not analog or an oversample out
        /// of range.
        /// </summary>
        public AnalogSensor(IAnalogInput input, SensorKind kind, int oversample, TwoPointCalibration calibration, FilterChain filters)
        {
            if (input == null)
            {
                throw new ArgumentNullException("input");
            }

            if (!SensorKindTable.IsAnalog(kind))
            {
                throw new ArgumentException("kind " + SensorKindTable.NameOf(kind) + " is not analog (use tmp36 or lm35)");
            }

            if (oversample < Oversampler.MinSamples || oversample > Oversampler.MaxSamples)
            {
                throw new ArgumentException("oversample: " + oversample.ToString() + " is out of range (1..64)");
            }

            _input = input;
            _kind = kind;
            _oversample = oversample;
            _calibration = calibration == null ? TwoPointCalibration.Identity : calibration;
            _filters = filters == null ? FilterChain.Parse("") : filters;
        }

        /// <inheritdoc />
        public string Unit
        {
            get { return SensorKindTable.UnitOf(_kind); }
        }

        /// <inheritdoc />
        public bool TryRead(long nowMs, out double value)
        {
            double milliVolts = AdcConverter.RawToMilliVolts(Oversampler.ReadMean(_input, _oversample));
            double celsius = _kind == SensorKind.Lm35
                ? Lm35Converter.MilliVoltsToCelsius(milliVolts)
                : Tmp36Converter.MilliVoltsToCelsius(milliVolts);
            return _filters.TryApply(_calibration.Apply(celsius), nowMs, out value);
        }
    }
}
