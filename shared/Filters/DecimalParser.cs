namespace Capteur.Node.Filters
{
    /// <summary>
    /// Culture-free parsing of the plain decimals people type in specs (<c>-0.5</c>, <c>20.3</c>, <c>125</c>).
    /// Written here rather than calling <c>double.Parse</c> so that .NET and nanoFramework accept exactly the same
    /// text and give bit-identical values: the digits are read as an exact integer, then divided once by an exact
    /// power of ten, which IEEE 754 rounds correctly on both runtimes.
    /// </summary>
    internal static class DecimalParser
    {
        /// <summary>Most significant digits accepted: beyond 15 a long-to-double conversion may round.</summary>
        public const int MaxDigits = 15;

        /// <summary>Most digits after the point: 10^15 is the largest power of ten kept here.</summary>
        public const int MaxFractionDigits = 15;

        private static readonly double[] PowersOfTen =
        {
            1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
        };

        /// <summary>
        /// Parses <c>[+|-]digits[.digits]</c> (at least one digit; no exponent, no spaces, no thousands separator).
        /// False when <paramref name="text"/> is anything else.
        /// </summary>
        public static bool TryParse(string text, out double value)
        {
            value = 0.0;
            if (text == null)
            {
                return false;
            }

            int i = 0;
            bool negative = false;
            if (text.Length > 0 && (text[0] == '-' || text[0] == '+'))
            {
                negative = text[0] == '-';
                i = 1;
            }

            long mantissa = 0;
            int significant = 0;
            int fraction = 0;
            bool point = false;
            bool anyDigit = false;
            for (; i < text.Length; i++)
            {
                char c = text[i];
                if (c >= '0' && c <= '9')
                {
                    anyDigit = true;
                    if (mantissa != 0 || c != '0')
                    {
                        significant++;
                    }

                    if (point)
                    {
                        fraction++;
                    }

                    if (significant > MaxDigits || fraction > MaxFractionDigits)
                    {
                        return false;
                    }

                    mantissa = mantissa * 10 + (c - '0');
                }
                else if (c == '.' && !point)
                {
                    point = true;
                }
                else
                {
                    return false;
                }
            }

            if (!anyDigit)
            {
                return false;
            }

            double result = mantissa;
            if (fraction > 0)
            {
                result = result / PowersOfTen[fraction];
            }

            value = negative ? -result : result;
            return true;
        }

        /// <summary>Parses plain digits (no sign, at most 9 of them) as an int; false for anything else.</summary>
        public static bool TryParseCount(string text, out int value)
        {
            value = 0;
            if (text == null || text.Length == 0 || text.Length > 9)
            {
                return false;
            }

            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c < '0' || c > '9')
                {
                    value = 0;
                    return false;
                }

                value = value * 10 + (c - '0');
            }

            return true;
        }
    }
}
