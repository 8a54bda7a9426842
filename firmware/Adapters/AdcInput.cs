using System;
using System.Device.Adc;
using Capteur.Node.Ports;

namespace Capteur.Firmware.Adapters
{
    /// <summary>
    /// One ADC channel, opened once. ESP32: use ADC1 channels only (0, 3..7 = GPIO 36, 39, 32, 33, 34, 35), ADC2 is
    /// unusable while Wi-Fi is on; attenuation is fixed at 12 dB, readings are 12-bit counts.
    /// </summary>
    internal sealed class AdcInput : IAnalogInput, IDisposable
    {
        private readonly AdcChannel _channel;

        /// <summary>Opens <paramref name="channel"/> on the board's (single) ADC controller.</summary>
        public AdcInput(AdcController controller, int channel)
        {
            _channel = controller.OpenChannel(channel);
        }

        /// <inheritdoc />
        public int ReadRaw()
        {
            return _channel.ReadValue();
        }

        /// <summary>Releases the channel.</summary>
        public void Dispose()
        {
            _channel.Dispose();
        }
    }
}
