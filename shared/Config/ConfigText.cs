using System.Text;

namespace Capteur.Node.Config
{
    /// <summary>
    /// Text scanning that behaves the same on .NET and nanoFramework. nanoFramework's <c>string.IndexOf</c> returns
    /// -1 for anything after a character outside the BMP (an emoji), and appending the two halves of a surrogate pair
    /// one char at a time to a <c>StringBuilder</c> corrupts it; so scans index chars directly and copies go by runs.
    /// </summary>
    internal static class ConfigText
    {
        /// <summary>First position of <paramref name="c"/> at or after <paramref name="start"/>, or -1.</summary>
        internal static int IndexOf(string text, char c, int start)
        {
            for (int i = start; i < text.Length; i++)
            {
                if (text[i] == c)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>Last position of <paramref name="c"/>, or -1.</summary>
        internal static int LastIndexOf(string text, char c)
        {
            for (int i = text.Length - 1; i >= 0; i--)
            {
                if (text[i] == c)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>The text without spaces and tabs at either end.</summary>
        internal static string TrimBlanks(string text)
        {
            int start = 0;
            int end = text.Length;
            while (start < end && IsBlank(text[start]))
            {
                start++;
            }

            while (end > start && IsBlank(text[end - 1]))
            {
                end--;
            }

            return start == 0 && end == text.Length ? text : text.Substring(start, end - start);
        }

        /// <summary>True for a space or a tab.</summary>
        internal static bool IsBlank(char c)
        {
            return c == ' ' || c == '\t';
        }

        /// <summary>The value between double quotes, as typed (messages echo what the user wrote).</summary>
        internal static string Quote(string text)
        {
            return "\"" + text + "\"";
        }

        /// <summary>The character at <paramref name="index"/> between single quotes, whole when it is a surrogate pair.</summary>
        internal static string QuoteCharAt(string text, int index)
        {
            int length = IsHighSurrogate(text[index]) && index + 1 < text.Length ? 2 : 1;
            return "'" + text.Substring(index, length) + "'";
        }

        /// <summary>True for the first half of a UTF-16 surrogate pair.</summary>
        internal static bool IsHighSurrogate(char c)
        {
            return c >= '\uD800' && c <= '\uDBFF';
        }

        /// <summary>
        /// Parses an optional '-' and decimal digits, nothing else (no spaces, no '+'). A number too large for the
        /// config's ranges parses as a value just beyond them, so it reads as out of range rather than as text.
        /// </summary>
        internal static bool TryParseWhole(string text, out long value)
        {
            value = 0;
            int start = text.Length > 0 && text[0] == '-' ? 1 : 0;
            if (start == text.Length)
            {
                return false;
            }

            const long Ceiling = 100000000000L;
            for (int i = start; i < text.Length; i++)
            {
                char c = text[i];
                if (c < '0' || c > '9')
                {
                    return false;
                }

                if (value < Ceiling)
                {
                    value = value * 10 + (c - '0');
                }
            }

            if (start == 1)
            {
                value = -value;
            }

            return true;
        }

        /// <summary>Whether <paramref name="c"/> is in a set written as space-separated ranges and single characters (<c>0-9 a-z _ -</c>).</summary>
        internal static bool IsAllowed(char c, string allowed)
        {
            int i = 0;
            while (i < allowed.Length)
            {
                if (allowed[i] == ' ')
                {
                    i++;
                    continue;
                }

                bool range = i + 2 < allowed.Length && allowed[i + 1] == '-' && allowed[i + 2] != ' ';
                if (range ? c >= allowed[i] && c <= allowed[i + 2] : c == allowed[i])
                {
                    return true;
                }

                i += range ? 3 : 1;
            }

            return false;
        }

        /// <summary>Appends <paramref name="count"/> chars of <paramref name="text"/> from <paramref name="start"/>, surrogate pairs intact.</summary>
        internal static void AppendRun(StringBuilder builder, string text, int start, int count)
        {
            if (count > 0)
            {
                builder.Append(text, start, count);
            }
        }
    }
}
