using System;
using Capteur.Node.Ports;

namespace Capteur.Firmware.Adapters
{
    /// <summary>
    /// The board's clocks: uptime from the runtime's tick counter (milliseconds since boot, untouched by SNTP, in
    /// nanoFramework.Runtime.Native), wall clock from <see cref="DateTime.UtcNow"/> (1970 until SNTP sets it).
    /// </summary>
    internal sealed class NanoClock : IClock
    {
        /// <inheritdoc />
        public long UptimeMs
        {
            get { return Environment.TickCount64; }
        }

        /// <inheritdoc />
        public DateTime UtcNow
        {
            get { return DateTime.UtcNow; }
        }
    }
}
