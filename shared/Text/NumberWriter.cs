using System;

namespace Capteur.Node.Text
{
    /// <summary>
    /// Writes numbers as ASCII digits into a caller's byte array without allocating, so the reading path of a board
    /// with about 100 KB of heap can format every payload in place. The output is the same on .NET and on
    /// nanoFramework, whatever the culture: no ToString of a double is involved.
    /// </summary>
    public static class NumberWriter
    {
        /// <summary>Most decimals <see cref="WriteFixed"/> writes.</summary>
        public const int MaxDecimals = 6;

        /// <summary>Longest output of <see cref="WriteInteger"/>: <c>-9223372036854775808</c>.</summary>
        public const int MaxIntegerLength = 20;

        /// <summary>
        /// Longest output of <see cref="WriteFixed"/>: a sign, 15 digits and the decimal point
        /// (the scaled value stays below <see cref="ScaledLimit"/>).
        /// </summary>
        public const int MaxFixedLength = 17;

        /// <summary>
        /// Bound (exclusive) on |value| x 10^decimals for <see cref="WriteFixed"/>. Below 2^53 every integer is a
        /// double, so each digit written is a true digit of the scaled value, never noise of the binary format;
        /// 1e15 is the round bound under it. With 2 decimals that allows |value| up to 1e13, far beyond any sensor.
        /// </summary>
        public const double ScaledLimit = 1e15;

        /// <summary>
        /// Writes <paramref name="value"/> with exactly <paramref name="decimals"/> decimals (0..6) at
        /// <paramref name="offset"/> and returns the number of bytes written, e.g. 21.52 with 2 decimals is
        /// <c>21.52</c>. Rounding is half away from zero on the scaled value |value| x 10^decimals, as
        /// nanoFramework's <c>ToString("F2")</c> does: 0.005 gives 0.01, 0.015 gives 0.02, 1.005 gives 1.00 (1.005 is
        /// 1.00499999... in binary). A value that rounds to zero is written without a sign.
        /// </summary>
        /// <exception cref="ArgumentException">
        /// Decimals out of range, NaN or infinity, a value too large for the decimals, or not enough room in the buffer.
        /// </exception>
        public static int WriteFixed(byte[] buffer, int offset, double value, int decimals)
        {
            long scaled = Scale(value, decimals);
            bool negative = value < 0 && scaled != 0;
            int digits = CountDigits(scaled);
            if (digits < decimals + 1)
            {
                digits = decimals + 1;
            }

            int length = (negative ? 1 : 0) + digits + (decimals > 0 ? 1 : 0);
            CheckRoom(buffer, offset, length);
            int end = offset + length;
            int pos = end;
            for (int i = 0; i < decimals; i++)
            {
                pos--;
                buffer[pos] = (byte)('0' + (int)(scaled % 10));
                scaled /= 10;
            }

            if (decimals > 0)
            {
                pos--;
                buffer[pos] = (byte)'.';
            }

            do
            {
                pos--;
                buffer[pos] = (byte)('0' + (int)(scaled % 10));
                scaled /= 10;
            }
            while (scaled != 0);

            if (negative)
            {
                buffer[offset] = (byte)'-';
            }

            return length;
        }

        /// <summary>Writes <paramref name="value"/> in decimal at <paramref name="offset"/>; returns the number of bytes written.</summary>
        /// <exception cref="ArgumentException">Not enough room in the buffer.</exception>
        public static int WriteInteger(byte[] buffer, int offset, long value)
        {
            // Digits are taken from the negative form, which also holds long.MinValue.
            long rest = value < 0 ? value : -value;
            int digits = 1;
            for (long n = rest; n <= -10; n /= 10)
            {
                digits++;
            }

            int length = digits + (value < 0 ? 1 : 0);
            CheckRoom(buffer, offset, length);
            int pos = offset + length;
            do
            {
                pos--;
                buffer[pos] = (byte)('0' - (int)(rest % 10));
                rest /= 10;
            }
            while (rest != 0);

            if (value < 0)
            {
                buffer[offset] = (byte)'-';
            }

            return length;
        }

        /// <summary>
        /// |value| x 10^decimals rounded half away from zero, after checking the arguments. Exact in every step but
        /// the one multiplication, so .NET and the nanoCLR agree to the bit.
        /// </summary>
        private static long Scale(double value, int decimals)
        {
            if (decimals < 0 || decimals > MaxDecimals)
            {
                throw new ArgumentException("decimals: " + decimals + " is out of range (0.." + MaxDecimals + ")");
            }

            if (double.IsNaN(value))
            {
                throw new ArgumentException("value: NaN is not a number that can be written; drop the reading");
            }

            if (double.IsInfinity(value))
            {
                throw new ArgumentException("value: " + (value > 0 ? "Infinity" : "-Infinity")
                    + " is not a number that can be written; drop the reading");
            }

            double magnitude = value < 0 ? -value : value;
            double scaled = magnitude * PowerOfTen(decimals);
            if (scaled >= ScaledLimit)
            {
                throw new ArgumentException("value: too large to write with " + decimals
                    + " decimals (|value| x 10^" + decimals + " must be below 1e15); use fewer decimals");
            }

            long whole = (long)scaled;

            // scaled - whole is exact: whole is scaled's floor, within a factor 2 of it (or zero).
            if (scaled - whole >= 0.5)
            {
                whole++;
            }

            return whole;
        }

        private static double PowerOfTen(int exponent)
        {
            double power = 1;
            for (int i = 0; i < exponent; i++)
            {
                power *= 10;
            }

            return power;
        }

        private static int CountDigits(long positive)
        {
            int digits = 1;
            while (positive >= 10)
            {
                positive /= 10;
                digits++;
            }

            return digits;
        }

        private static void CheckRoom(byte[] buffer, int offset, int length)
        {
            if (offset < 0 || buffer.Length - offset < length)
            {
                throw new ArgumentException("buffer: " + length + " bytes needed at offset " + offset + " but the buffer holds "
                    + buffer.Length + " bytes; size it with the Max...Length constants");
            }
        }
    }
}
