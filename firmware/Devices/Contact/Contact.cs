using System.Device.Gpio;
using Capteur.Firmware.Adapters;
using Capteur.Node.Ports;
using Capteur.Node.Sensors;

namespace Capteur.Firmware.Devices
{
    /// <summary>
    /// A reed switch, door contact or PIR motion sensor on one GPIO input with the internal pull-up on. A contact
    /// wired to GND reads low when closed (<c>activeLow</c> true); a PIR such as the HC-SR501 drives its output high on
    /// motion (<c>activeLow</c> false). Debouncing is the shared core's (<see cref="DigitalSensor"/>,
    /// <see cref="Debouncer"/>), tested there; this class only opens the pin.
    /// </summary>
    public sealed class Contact
    {
        private readonly DigitalSensor _sensor;
        private readonly bool _activeLow;
        private bool _high;

        /// <summary>
        /// A contact on <paramref name="pin"/>, opened as an input with pull-up (and the native debounce filter when
        /// <paramref name="debounceMs"/> is above 0); a level must hold <paramref name="debounceMs"/> to count.
        /// </summary>
        public Contact(GpioController controller, int pin, int debounceMs, bool activeLow)
            : this(new GpioInput(controller, pin, debounceMs), debounceMs, activeLow)
        {
        }

        /// <summary>A contact read through <paramref name="input"/> (any <see cref="IDigitalInput"/>, e.g. a fake).</summary>
        public Contact(IDigitalInput input, int debounceMs, bool activeLow)
        {
            _sensor = new DigitalSensor(input, debounceMs, null);
            _activeLow = activeLow;
        }

        /// <summary>The debounced state after the last <see cref="Poll"/>: true when closed (or motion seen).</summary>
        public bool IsActive
        {
            get { return _high != _activeLow; }
        }

        /// <summary>
        /// Samples the pin at uptime <paramref name="nowMs"/> (milliseconds, e.g. <c>Environment.TickCount64</c>); true
        /// at the first poll and whenever <see cref="IsActive"/> changed. Poll much faster than the debounce time.
        /// </summary>
        public bool Poll(long nowMs)
        {
            double level;
            if (!_sensor.TryRead(nowMs, out level))
            {
                return false;
            }

            _high = level > 0.5;
            return true;
        }
    }
}
