using System;
using Capteur.Node.Ports;

namespace Capteur.Node.Tests.Support
{
    /// <summary>A clock that moves only when a test says so.</summary>
    public sealed class FakeClock : IClock
    {
        private long _uptimeMs;
        private DateTime _utcNow;

        /// <summary>A clock at boot: uptime 0, wall clock at <paramref name="utcNow"/>.</summary>
        public FakeClock(DateTime utcNow)
        {
            _utcNow = utcNow;
        }

        /// <summary>A board just powered on: uptime 0, wall clock at 1970-01-01 (SNTP has not run).</summary>
        public static FakeClock Unset()
        {
            return new FakeClock(new DateTime(1970, 1, 1, 0, 0, 0));
        }

        /// <inheritdoc />
        public long UptimeMs
        {
            get { return _uptimeMs; }
        }

        /// <inheritdoc />
        public DateTime UtcNow
        {
            get { return _utcNow; }
        }

        /// <summary>Moves both clocks forward.</summary>
        public void Advance(long ms)
        {
            _uptimeMs += ms;
            _utcNow = _utcNow.AddTicks(ms * TimeSpan.TicksPerMillisecond);
        }

        /// <summary>A reboot: uptime starts again from 0 and the wall clock reads 1970 until SNTP sets it.</summary>
        public void Reboot()
        {
            _uptimeMs = 0;
            _utcNow = new DateTime(1970, 1, 1, 0, 0, 0);
        }

        /// <summary>Sets the wall clock, as SNTP does; uptime is unchanged.</summary>
        public void SetWallClock(DateTime utcNow)
        {
            _utcNow = utcNow;
        }
    }
}
