using System;
using System.Collections;
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
        private readonly ArrayList _open = new ArrayList();

        /// <inheritdoc />
        public IAnalogInput OpenAnalog(string kind, int gpio, int adcChannel)
        {
            if (_adc == null)
            {
                _adc = new AdcController();
            }

            AdcInput input = new AdcInput(_adc, adcChannel);
            _open.Add(input);
            return input;
        }

        /// <inheritdoc />
        public IDigitalInput OpenDigital(int gpio)
        {
            if (_gpio == null)
            {
                _gpio = new GpioController();
            }

            // debouncing is the shared Debouncer's job (sensorN.debounce_ms); the pin only reads the level
            GpioInput input = new GpioInput(_gpio, gpio, 0);
            _open.Add(input);
            return input;
        }

        /// <summary>
        /// Releases every pin and channel opened here, so that a node restarted in place can open them again (the
        /// runtime refuses to open a pin that is still open).
        /// </summary>
        public void Close()
        {
            for (int i = 0; i < _open.Count; i++)
            {
                ((IDisposable)_open[i]).Dispose();
            }

            _open.Clear();
            if (_gpio != null)
            {
                _gpio.Dispose();
                _gpio = null;
            }
        }
    }
}
