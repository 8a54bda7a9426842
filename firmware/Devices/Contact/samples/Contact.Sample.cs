using System;
using System.Device.Gpio;
using System.Threading;
using Capteur.Firmware.Devices;

namespace Capteur.Firmware.Devices.Samples
{
    /// <summary>Prints "closed" / "open" for a reed switch between GPIO 4 and GND, debounced over 50 ms.</summary>
    public static class ContactSample
    {
        /// <summary>Entry point.</summary>
        public static void Main()
        {
            Contact door = new Contact(new GpioController(), 4, 50, true);
            Console.WriteLine("Reed switch on GPIO 4 (to GND, internal pull-up)");
            while (true)
            {
                if (door.Poll(Environment.TickCount64))
                {
                    Console.WriteLine(door.IsActive ? "closed" : "open");
                }

                Thread.Sleep(10);
            }
        }
    }
}
