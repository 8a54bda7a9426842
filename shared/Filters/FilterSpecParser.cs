using System.Collections;

namespace Capteur.Node.Filters
{
    /// <summary>
    /// Reads a filter spec such as <c>median(5) ema(0.2) delta(0.1) heartbeat(5m)</c> into filters, or explains what
    /// is wrong with it. Every message names the offending filter text, what is allowed and a correct example.
    /// </summary>
    internal static class FilterSpecParser
    {
        /// <summary>Most filters in one chain (each keeps its window on a ~100 KB heap).</summary>
        public const int MaxFilters = 8;

        /// <summary>Every filter name, in the order the messages list them.</summary>
        public const string FilterNames = "median, sliding, ema, delta, throttle, heartbeat, clamp, offset, multiply";

        private static readonly string[] Names =
        {
            "median", "sliding", "ema", "delta", "throttle", "heartbeat", "clamp", "offset", "multiply",
        };

        private static readonly string[] Examples =
        {
            "median(5)", "sliding(10)", "ema(0.2)", "delta(0.1)", "throttle(60s)", "heartbeat(5m)", "clamp(-40,125)",
            "offset(-1.5)", "multiply(1.8)",
        };

        private const string DurationRule = "interval must be 1ms..24h with a unit ms, s, m or h";

        /// <summary>
        /// Null when <paramref name="spec"/> is valid (null and blank are valid: no filters), else the message. When
        /// <paramref name="filters"/> is not null the filters are added to it, in order.
        /// </summary>
        public static string Parse(string spec, ArrayList filters)
        {
            if (spec == null)
            {
                return null;
            }

            int count = 0;
            int i = 0;
            while (true)
            {
                while (i < spec.Length && IsSeparator(spec[i]))
                {
                    i++;
                }

                if (i >= spec.Length)
                {
                    return null;
                }

                int start = i;
                while (i < spec.Length && spec[i] != '(' && !IsSeparator(spec[i]))
                {
                    i++;
                }

                string name = spec.Substring(start, i - start);
                string example = ExampleOf(name);
                if (example == null)
                {
                    return TextFrom(spec, start) + ": unknown filter (" + FilterNames + ")";
                }

                if (i >= spec.Length || spec[i] != '(')
                {
                    return name + ": arguments must follow in parentheses, without a space (e.g. " + example + ")";
                }

                int close = spec.IndexOf(')', i);
                if (close < 0)
                {
                    return spec.Substring(start) + ": missing closing parenthesis (e.g. " + example + ")";
                }

                string text = spec.Substring(start, close + 1 - start);
                string arguments = spec.Substring(i + 1, close - i - 1).Trim();
                i = close + 1;

                count++;
                if (count > MaxFilters)
                {
                    return text + ": too many filters, a chain holds at most " + MaxFilters.ToString() + " (remove some)";
                }

                IFilter filter;
                string error = Build(name, arguments, out filter);
                if (error != null)
                {
                    return text + ": " + error + " (e.g. " + example + ")";
                }

                if (filters != null)
                {
                    filters.Add(filter);
                }
            }
        }

        private static string Build(string name, string arguments, out IFilter filter)
        {
            filter = null;
            int window;
            double number;
            long intervalMs;
            if (name == "median")
            {
                if (!DecimalParser.TryParseCount(arguments, out window) || window < MedianFilter.MinWindow || window > MedianFilter.MaxWindow)
                {
                    return "window must be 1..31";
                }

                filter = new MedianFilter(window);
            }
            else if (name == "sliding")
            {
                if (!DecimalParser.TryParseCount(arguments, out window) || window < SlidingAverageFilter.MinWindow || window > SlidingAverageFilter.MaxWindow)
                {
                    return "window must be 1..64";
                }

                filter = new SlidingAverageFilter(window);
            }
            else if (name == "ema")
            {
                if (!DecimalParser.TryParse(arguments, out number) || !(number > 0.0) || number > 1.0)
                {
                    return "alpha must be a decimal above 0 and at most 1";
                }

                filter = new ExponentialAverageFilter(number);
            }
            else if (name == "delta")
            {
                if (!DecimalParser.TryParse(arguments, out number) || !(number > 0.0))
                {
                    return "change must be a decimal above 0";
                }

                filter = new DeltaFilter(number);
            }
            else if (name == "throttle" || name == "heartbeat")
            {
                if (!DurationParser.TryParse(arguments, out intervalMs))
                {
                    return DurationRule;
                }

                filter = name == "throttle" ? (IFilter)new ThrottleFilter(intervalMs) : new HeartbeatFilter(intervalMs);
            }
            else if (name == "clamp")
            {
                return BuildClamp(arguments, out filter);
            }
            else
            {
                // offset and multiply: ExampleOf has already refused every other name.
                if (!DecimalParser.TryParse(arguments, out number))
                {
                    return "needs one plain decimal";
                }

                filter = name == "offset" ? (IFilter)new OffsetFilter(number) : new MultiplyFilter(number);
            }

            return null;
        }

        private static string BuildClamp(string arguments, out IFilter filter)
        {
            filter = null;
            int comma = arguments.IndexOf(',');
            double min;
            double max;
            if (comma < 0
                || !DecimalParser.TryParse(arguments.Substring(0, comma).Trim(), out min)
                || !DecimalParser.TryParse(arguments.Substring(comma + 1).Trim(), out max))
            {
                return "needs two plain decimals min,max";
            }

            if (!(min < max))
            {
                return "min must be below max";
            }

            filter = new ClampFilter(min, max);
            return null;
        }

        /// <summary>A correct use of filter <paramref name="name"/>, or null when there is no such filter.</summary>
        private static string ExampleOf(string name)
        {
            for (int i = 0; i < Names.Length; i++)
            {
                if (Names[i] == name)
                {
                    return Examples[i];
                }
            }

            return null;
        }

        /// <summary>The filter text starting at <paramref name="start"/>: through its ')' if any, else to the next separator.</summary>
        private static string TextFrom(string spec, int start)
        {
            int end = start;
            while (end < spec.Length && spec[end] != '(' && !IsSeparator(spec[end]))
            {
                end++;
            }

            if (end < spec.Length && spec[end] == '(')
            {
                int close = spec.IndexOf(')', end);
                end = close < 0 ? spec.Length : close + 1;
            }

            return spec.Substring(start, end - start);
        }

        private static bool IsSeparator(char c)
        {
            return c == ' ' || c == ',' || c == '\t';
        }
    }
}
