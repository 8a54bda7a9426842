using System;
using System.Device.Adc;
using Capteur.Firmware.Adapters;
using Capteur.Node.Config;
using Capteur.Node.Ports;
using Capteur.Node.Sensors;

namespace Capteur.Firmware.Devices
{
    /// <summary>
    /// Analog Devices TMP36 temperature sensor on one ADC1 channel: the mean of several conversions, counts to
    /// millivolts, millivolts to °C (datasheet: 500 mV at 0 °C, 10 mV/°C), then a two-point calibration. The maths is
    /// the shared core's (<see cref="Oversampler"/>, <see cref="AdcConverter"/>, <see cref="AnalogSensor"/>), the same
    /// code the node runs and tests on .NET and the nanoCLR; this class only opens the channel.
    /// </summary>
    public sealed class Tmp36
    {
        /// <summary>Conversions averaged per reading when none is given: the ESP32 ADC is noisy by a few counts.</summary>
        public const int DefaultOversample = 8;

        private readonly IAnalogInput _input;
        private readonly int _oversample;
        private readonly AnalogSensor _sensor;

        /// <summary>
        /// A TMP36 on nanoFramework ADC channel <paramref name="channel"/> (ESP32: 0 = GPIO36, 3 = 39, 4 = 32, 5 = 33,
        /// 6 = 34, 7 = 35; see <see cref="OnPin"/> to name the GPIO instead), averaging <paramref name="oversample"/>
        /// conversions (1..64) and corrected by <paramref name="calibration"/> (null: none).
        /// </summary>
        public Tmp36(AdcController controller, int channel, int oversample, TwoPointCalibration calibration)
            : this(new AdcInput(controller, channel), oversample, calibration)
        {
        }

        /// <summary>
        /// A TMP36 read through <paramref name="input"/> (any <see cref="IAnalogInput"/>, e.g. a fake in a test).
        /// Throws <see cref="ArgumentException"/> when <paramref name="oversample"/> is outside 1..64.
        /// </summary>
        public Tmp36(IAnalogInput input, int oversample, TwoPointCalibration calibration)
        {
            _input = input;
            _oversample = oversample;
            _sensor = new AnalogSensor(input, SensorKind.Tmp36, oversample, calibration, null);
        }

        /// <summary>
        /// A TMP36 on <paramref name="gpio"/> of <paramref name="board"/>, e.g. <c>BoardProfiles.Find("esp32-devkitc")</c>
        /// and 34. Throws <see cref="ArgumentException"/> naming the ADC1 pins to use when the GPIO is not one.
        /// </summary>
        public static Tmp36 OnPin(AdcController controller, BoardProfile board, int gpio, int oversample, TwoPointCalibration calibration)
        {
            int channel = board.AdcChannelOf(gpio);
            if (channel < 0 || board.Problem(gpio) != null)
            {
                throw new ArgumentException("GPIO " + gpio.ToString() + " is not a usable ADC1 pin on " + board.Name
                    + " (use one of " + board.Adc1PinsText + ")");
            }

            return new Tmp36(controller, channel, oversample, calibration);
        }

        /// <summary>The voltage at the sensor's output in millivolts (mean of the oversampled conversions, uncalibrated).</summary>
        public double ReadMilliVolts()
        {
            return AdcConverter.RawToMilliVolts(Oversampler.ReadMean(_input, _oversample));
        }

        /// <summary>The temperature in °C, calibrated. Each call samples the ADC.</summary>
        public double ReadCelsius()
        {
            double celsius;
            _sensor.TryRead(0, out celsius);
            return celsius;
        }
    }
}
