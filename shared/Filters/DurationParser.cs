namespace Capteur.Node.Filters
{
    /// <summary>Durations in specs: a plain decimal and a unit, <c>500ms</c>, <c>60s</c>, <c>5m</c>, <c>1h</c>.</summary>
    internal static class DurationParser
    {
        /// <summary>Shortest duration accepted.</summary>
        public const long MinMs = 1;

        /// <summary>Longest duration accepted: one day.</summary>
        public const long MaxMs = 24L * 60 * 60 * 1000;

        /// <summary>
        /// Parses a duration with its unit into milliseconds, rounded to the nearest ms; false when the unit is
        /// missing, the number is not a plain decimal, or the result is outside 1 ms..24 h.
        /// </summary>
        public static bool TryParse(string text, out long milliseconds)
        {
            milliseconds = 0;
            if (text == null)
            {
                return false;
            }

            int unitLength;
            double factor;
            if (EndsWith(text, "ms"))
            {
                unitLength = 2;
                factor = 1.0;
            }
            else if (EndsWith(text, "s"))
            {
                unitLength = 1;
                factor = 1000.0;
            }
            else if (EndsWith(text, "m"))
            {
                unitLength = 1;
                factor = 60.0 * 1000.0;
            }
            else if (EndsWith(text, "h"))
            {
                unitLength = 1;
                factor = 60.0 * 60.0 * 1000.0;
            }
            else
            {
                return false;
            }

            double amount;
            if (!DecimalParser.TryParse(text.Substring(0, text.Length - unitLength), out amount))
            {
                return false;
            }

            double ms = amount * factor;
            if (ms < 0.0 || ms > MaxMs)
            {
                return false;
            }

            long rounded = (long)(ms + 0.5);
            if (rounded < MinMs)
            {
                return false;
            }

            milliseconds = rounded;
            return true;
        }

        private static bool EndsWith(string text, string suffix)
        {
            if (text.Length < suffix.Length)
            {
                return false;
            }

            return text.Substring(text.Length - suffix.Length) == suffix;
        }
    }
}
