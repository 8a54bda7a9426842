using System;

namespace Capteur.Node.Text
{
    /// <summary>
    /// Writes an instant as ISO 8601 UTC with milliseconds, <c>2026-11-22T10:00:00.000Z</c>, into a caller's byte
    /// array without allocating. The civil date is computed from the day count (proleptic Gregorian calendar), so
    /// neither DateTime formatting nor the culture is involved.
    /// </summary>
    public static class IsoTimeWriter
    {
        /// <summary>Length of every timestamp written: <c>yyyy-MM-ddTHH:mm:ss.fffZ</c>.</summary>
        public const int Length = 24;

        /// <summary>Latest instant accepted: 9999-12-31T23:59:59.999Z in milliseconds since 1970-01-01T00:00:00Z.</summary>
        public const long MaxUnixMs = 253402300799999;

        private const long MsPerDay = 86400000;
        private const long UnixEpochTicks = 621355968000000000;

        /// <summary>
        /// Writes <paramref name="unixMs"/> (milliseconds since 1970-01-01T00:00:00Z, 0..<see cref="MaxUnixMs"/>) at
        /// <paramref name="offset"/>; returns <see cref="Length"/>.
        /// </summary>
        /// <exception cref="ArgumentException">The instant is before 1970 or after 9999, or the buffer is too small.</exception>
        public static int WriteUtc(byte[] buffer, int offset, long unixMs)
        {
            CheckRange(unixMs);
            if (offset < 0 || buffer.Length - offset < Length)
            {
                throw new ArgumentException("buffer: " + Length + " bytes needed at offset " + offset
                    + " but the buffer holds " + buffer.Length + " bytes");
            }

            long days = unixMs / MsPerDay;
            int msOfDay = (int)(unixMs - days * MsPerDay);

            // Civil date from a day count, after Howard Hinnant's "chrono-compatible low-level date algorithms":
            // shift the epoch to 0000-03-01 so that leap days fall at the end of each 400-year era.
            long z = days + 719468;
            long era = z / 146097;
            int dayOfEra = (int)(z - era * 146097);
            int yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
            int dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
            int monthFromMarch = (5 * dayOfYear + 2) / 153;
            int day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1;
            int month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
            int year = (int)(era * 400) + yearOfEra + (month <= 2 ? 1 : 0);

            int pos = offset;
            pos = Digits(buffer, pos, year, 4);
            buffer[pos++] = (byte)'-';
            pos = Digits(buffer, pos, month, 2);
            buffer[pos++] = (byte)'-';
            pos = Digits(buffer, pos, day, 2);
            buffer[pos++] = (byte)'T';
            pos = Digits(buffer, pos, msOfDay / 3600000, 2);
            buffer[pos++] = (byte)':';
            pos = Digits(buffer, pos, msOfDay / 60000 % 60, 2);
            buffer[pos++] = (byte)':';
            pos = Digits(buffer, pos, msOfDay / 1000 % 60, 2);
            buffer[pos++] = (byte)'.';
            pos = Digits(buffer, pos, msOfDay % 1000, 3);
            buffer[pos] = (byte)'Z';
            return Length;
        }

        /// <summary>Throws unless <paramref name="unixMs"/> is in 0..<see cref="MaxUnixMs"/> (years 1970..9999).</summary>
        /// <exception cref="ArgumentException">The instant is before 1970 or after 9999.</exception>
        public static void CheckRange(long unixMs)
        {
            if (unixMs < 0 || unixMs > MaxUnixMs)
            {
                throw new ArgumentException("unixMs: " + unixMs + " is out of range (0.." + MaxUnixMs
                    + ", years 1970..9999); check the clock");
            }
        }

        /// <summary>
        /// Milliseconds since 1970-01-01T00:00:00Z of a UTC <paramref name="utc"/> (its Kind is ignored); instants
        /// before 1970 give negative numbers.
        /// </summary>
        public static long UnixMsOf(DateTime utc)
        {
            long ticks = utc.Ticks - UnixEpochTicks;
            long ms = ticks / TimeSpan.TicksPerMillisecond;

            // Round toward the earlier millisecond, as a clock would, also before 1970.
            if (ticks < 0 && ms * TimeSpan.TicksPerMillisecond != ticks)
            {
                ms--;
            }

            return ms;
        }

        private static int Digits(byte[] buffer, int pos, int value, int width)
        {
            for (int i = width - 1; i >= 0; i--)
            {
                buffer[pos + i] = (byte)('0' + value % 10);
                value /= 10;
            }

            return pos + width;
        }
    }
}
