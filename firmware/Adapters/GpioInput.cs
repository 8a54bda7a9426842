using System;
using System.Device.Gpio;
using Capteur.Node.Ports;

namespace Capteur.Firmware.Adapters
{
    /// <summary>
    /// One GPIO input with the internal pull-up enabled (a contact to ground reads low when closed) and the
    /// native debounce filter.
    /// </summary>
    internal sealed class GpioInput : IDigitalInput, IDisposable
    {
        private readonly GpioPin _pin;

        /// <summary>Opens <paramref name="pin"/> as an input with pull-up; <paramref name="debounceMs"/> 0 turns debounce off.</summary>
        public GpioInput(GpioController controller, int pin, int debounceMs)
        {
            _pin = controller.OpenPin(pin, PinMode.InputPullUp);
            if (debounceMs > 0)
            {
                _pin.DebounceTimeout = TimeSpan.FromMilliseconds(debounceMs);
            }
        }

        /// <inheritdoc />
        public bool Read()
        {
            return _pin.Read() == PinValue.High;
        }

        /// <summary>Releases the pin.</summary>
        public void Dispose()
        {
            _pin.Dispose();
        }
    }
}
