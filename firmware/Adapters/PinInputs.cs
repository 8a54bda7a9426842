using System.Device.Adc;
using System.Device.Gpio;
using Capteur.Node.Ports;

namespace Capteur.Firmware.Adapters
{
    /// <summary>Opens the configured sensors' pins: ADC1 channels through one controller, GPIO inputs through another.</summary>
    internal sealed class PinInputs : ISensorInputs
    {
        private AdcController _adc;
        private GpioController _gpio;

        /// <inheritdoc />
        public IAnalogInput OpenAnalog(string kind, int gpio, int adcChannel)
        {
            if (_adc == null)
            {
                _adc = new AdcController();
            }

            return new AdcInput(_adc, adcChannel);
        }

        /// <inheritdoc />
        public IDigitalInput OpenDigital(int gpio)
        {
            if (_gpio == null)
            {
                _gpio = new GpioController();
            }

            // debouncing is the shared Debouncer's job (sensorN.debounce_ms); the pin only reads the level
            return new GpioInput(_gpio, gpio, 0);
        }
    }
}
