using System.Text;

namespace Capteur.Node.Text
{
    /// <summary>
    /// The string escaping of RFC 8259 section 7, shared by the byte writer of payloads and <see cref="JsonWriter"/>:
    /// quotation mark and reverse solidus get a backslash; control characters U+0000..U+001F use the short forms
    /// <c>\b \f \n \r \t</c> or else <c>\u00XX</c> (upper-case hex); everything else, non-ASCII included, passes as is.
    /// </summary>
    internal static class JsonEscape
    {
        /// <summary>Most bytes one input byte can become (<c>\u001F</c>).</summary>
        public const int MaxBytesPerByte = 6;

        private const string HexDigits = "0123456789ABCDEF";

        /// <summary>Writes the escaped form of <paramref name="utf8"/> (no quotes) at <paramref name="pos"/>; returns the new position.</summary>
        public static int Write(byte[] buffer, int pos, byte[] utf8)
        {
            for (int i = 0; i < utf8.Length; i++)
            {
                int b = utf8[i];
                char shortForm = ShortForm(b);
                if (shortForm != '\0')
                {
                    buffer[pos++] = (byte)'\\';
                    buffer[pos++] = (byte)shortForm;
                }
                else if (b < 0x20)
                {
                    buffer[pos++] = (byte)'\\';
                    buffer[pos++] = (byte)'u';
                    buffer[pos++] = (byte)'0';
                    buffer[pos++] = (byte)'0';
                    buffer[pos++] = (byte)HexDigits[b >> 4];
                    buffer[pos++] = (byte)HexDigits[b & 0xF];
                }
                else
                {
                    buffer[pos++] = (byte)b;
                }
            }

            return pos;
        }

        /// <summary>Appends <paramref name="text"/> as a JSON string literal, quotes included.</summary>
        public static void AppendQuoted(StringBuilder builder, string text)
        {
            builder.Append('"');

            // Characters that need no escape are appended in runs, never one by one: nanoFramework keeps strings as
            // UTF-8 and turns each half of a surrogate pair appended alone into U+FFFD (measured on the nanoCLR).
            // ToCharArray, not the indexer, which returns the wrong half of a surrogate pair on nanoFramework.
            char[] chars = text.ToCharArray();
            int runStart = 0;
            for (int i = 0; i < chars.Length; i++)
            {
                char c = chars[i];
                char shortForm = ShortForm(c);
                if (shortForm == '\0' && c >= 0x20)
                {
                    continue;
                }

                builder.Append(text, runStart, i - runStart);
                runStart = i + 1;
                if (shortForm != '\0')
                {
                    builder.Append('\\');
                    builder.Append(shortForm);
                }
                else
                {
                    builder.Append("\\u00");
                    builder.Append(HexDigits[c >> 4]);
                    builder.Append(HexDigits[c & 0xF]);
                }
            }

            builder.Append(text, runStart, chars.Length - runStart);
            builder.Append('"');
        }

        /// <summary><paramref name="text"/> as a JSON string literal, quotes included (for messages that show a value).</summary>
        public static string Quote(string text)
        {
            StringBuilder builder = new StringBuilder(text.Length + 2);
            AppendQuoted(builder, text);
            return builder.ToString();
        }

        /// <summary>The character after the backslash for the two-character escapes, or '\0' when there is none.</summary>
        private static char ShortForm(int c)
        {
            switch (c)
            {
                case '"': return '"';
                case '\\': return '\\';
                case '\b': return 'b';
                case '\f': return 'f';
                case '\n': return 'n';
                case '\r': return 'r';
                case '\t': return 't';
                default: return '\0';
            }
        }
    }
}
