using System.Text;

namespace Capteur.Node.Config
{
    /// <summary>
    /// The escapes of a value in the config file, so that any value survives a write and a read: <c>\\</c> backslash,
    /// <c>\n</c> line feed, <c>\r</c> carriage return, <c>\t</c> tab, <c>\s</c> a space (written only for a space at
    /// either end of the value, since blanks around a raw value are ignored), <c>\xHH</c> any other control character
    /// (two hex digits, U+0001..U+00FF). Everything else is written as is, in UTF-8: <c>=</c>, <c>#</c>, <c>;</c>,
    /// quotes, inner spaces, accents.
    /// </summary>
    internal static class ConfigValueEscaper
    {
        /// <summary>What the escapes are, for messages.</summary>
        internal const string EscapeList = "\\\\, \\n, \\r, \\t, \\s or \\xHH";

        /// <summary>The value as written after <c>key=</c>.</summary>
        internal static string Escape(string value)
        {
            StringBuilder builder = null;
            int runStart = 0;
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                string escape = EscapeOf(c, i == 0 || i == value.Length - 1);
                if (escape == null)
                {
                    continue;
                }

                if (builder == null)
                {
                    builder = new StringBuilder();
                }

                ConfigText.AppendRun(builder, value, runStart, i - runStart);
                builder.Append(escape);
                runStart = i + 1;
            }

            if (builder == null)
            {
                return value;
            }

            ConfigText.AppendRun(builder, value, runStart, value.Length - runStart);
            return builder.ToString();
        }

        /// <summary>
        /// Decodes <paramref name="raw"/> (blanks at the ends already removed). Returns null on success, else the
        /// 1-based position of the bad escape in <paramref name="badAt"/> and null in <paramref name="value"/>.
        /// </summary>
        internal static string Unescape(string raw, out string value, out int badAt)
        {
            value = null;
            badAt = 0;
            StringBuilder builder = null;
            int runStart = 0;
            int i = 0;
            while (i < raw.Length)
            {
                if (raw[i] != '\\')
                {
                    i++;
                    continue;
                }

                if (builder == null)
                {
                    builder = new StringBuilder();
                }

                ConfigText.AppendRun(builder, raw, runStart, i - runStart);
                int length;
                string problem = Decode(raw, i, builder, out length);
                if (problem != null)
                {
                    badAt = i + 1;
                    return problem;
                }

                i += length;
                runStart = i;
            }

            if (builder == null)
            {
                value = raw;
                return null;
            }

            ConfigText.AppendRun(builder, raw, runStart, raw.Length - runStart);
            value = builder.ToString();
            return null;
        }

        private static string EscapeOf(char c, bool atEnd)
        {
            switch (c)
            {
                case '\\':
                    return "\\\\";
                case '\n':
                    return "\\n";
                case '\r':
                    return "\\r";
                case '\t':
                    return "\\t";
                case ' ':
                    return atEnd ? "\\s" : null;
                default:
                    return c < ' ' || c == '\x7f' ? "\\x" + ((int)c).ToString("X2") : null;
            }
        }

        /// <summary>Appends the character of the escape at <paramref name="at"/>; null on success, else what is wrong.</summary>
        private static string Decode(string raw, int at, StringBuilder builder, out int length)
        {
            length = 2;
            if (at + 1 >= raw.Length)
            {
                return "a lone \\ ends the value";
            }

            switch (raw[at + 1])
            {
                case '\\':
                    builder.Append('\\');
                    return null;
                case 'n':
                    builder.Append('\n');
                    return null;
                case 'r':
                    builder.Append('\r');
                    return null;
                case 't':
                    builder.Append('\t');
                    return null;
                case 's':
                    builder.Append(' ');
                    return null;
                case 'x':
                    length = 4;
                    int high = at + 2 < raw.Length ? HexDigit(raw[at + 2]) : -1;
                    int low = at + 3 < raw.Length ? HexDigit(raw[at + 3]) : -1;
                    if (high < 0 || low < 0)
                    {
                        return "\\x needs two hex digits";
                    }

                    if (high == 0 && low == 0)
                    {
                        return "\\x00 cannot be stored";
                    }

                    builder.Append((char)(high * 16 + low));
                    return null;
                default:
                    return "unknown escape";
            }
        }

        private static int HexDigit(char c)
        {
            if (c >= '0' && c <= '9')
            {
                return c - '0';
            }

            if (c >= 'a' && c <= 'f')
            {
                return c - 'a' + 10;
            }

            if (c >= 'A' && c <= 'F')
            {
                return c - 'A' + 10;
            }

            return -1;
        }
    }
}
