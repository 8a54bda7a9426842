using System.Collections;
using System.Text;

namespace Capteur.Node.Config
{
    /// <summary>
    /// Splits a config file's bytes into lines and decodes each as UTF-8, checking the bytes first. The two runtimes
    /// disagree on damaged bytes: a zero byte ends a nanoFramework string (the rest of the file would vanish without a
    /// trace), and invalid sequences decode to different numbers of U+FFFD (one per sequence on nanoFramework, one per
    /// byte for some on .NET). So a line holding either is reported as damaged, identically, and never decoded.
    /// </summary>
    internal static class ConfigFileDecoder
    {
        /// <summary>The lines of <paramref name="data"/>, in order, as <see cref="ConfigFileLine"/>s.</summary>
        internal static ArrayList Split(byte[] data)
        {
            ArrayList lines = new ArrayList();
            int start = data.Length >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF ? 3 : 0;
            while (start < data.Length)
            {
                int end = start;
                while (end < data.Length && data[end] != (byte)'\n')
                {
                    end++;
                }

                ConfigFileLine line = new ConfigFileLine();
                line.Complete = end < data.Length;
                int bad = FirstBadByte(data, start, end);
                if (bad < 0)
                {
                    line.Text = Encoding.UTF8.GetString(data, start, end - start);
                }
                else
                {
                    line.BadByte = bad + 1;
                    line.ZeroByte = data[bad] == 0;
                    line.Text = AsciiKey(data, start, end);
                }

                lines.Add(line);
                start = end + 1;
            }

            return lines;
        }

        /// <summary>The text before the line's first '=' when it is clean printable ASCII, else empty.</summary>
        private static string AsciiKey(byte[] data, int start, int end)
        {
            for (int i = start; i < end; i++)
            {
                byte b = data[i];
                if (b == (byte)'=')
                {
                    return Encoding.UTF8.GetString(data, start, i - start);
                }

                if (b < 0x20 || b >= 0x7F)
                {
                    return "";
                }
            }

            return "";
        }

        /// <summary>Index of the first zero byte or invalid UTF-8 sequence in [start, end), or -1.</summary>
        private static int FirstBadByte(byte[] data, int start, int end)
        {
            int i = start;
            while (i < end)
            {
                int b = data[i];
                if (b == 0)
                {
                    return i;
                }

                if (b < 0x80)
                {
                    i++;
                    continue;
                }

                // RFC 3629: 2..4-byte sequences, no overlong forms, no surrogates, nothing above U+10FFFF.
                int more;
                int min;
                if ((b & 0xE0) == 0xC0)
                {
                    more = 1;
                    min = 0x80;
                }
                else if ((b & 0xF0) == 0xE0)
                {
                    more = 2;
                    min = 0x800;
                }
                else if ((b & 0xF8) == 0xF0)
                {
                    more = 3;
                    min = 0x10000;
                }
                else
                {
                    return i;
                }

                if (i + more >= end)
                {
                    return i;
                }

                int codePoint = b & (0x3F >> more);
                for (int k = 1; k <= more; k++)
                {
                    int next = data[i + k];
                    if ((next & 0xC0) != 0x80)
                    {
                        return i;
                    }

                    codePoint = (codePoint << 6) | (next & 0x3F);
                }

                if (codePoint < min || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF))
                {
                    return i;
                }

                i += more + 1;
            }

            return -1;
        }
    }
}
