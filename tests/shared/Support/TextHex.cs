using System.Text;

namespace Capteur.Node.Tests.Support
{
    /// <summary>Bytes shown as text, for tests that compare exact payload bytes with readable failure messages.</summary>
    public static class TextHex
    {
        private const string Digits = "0123456789ABCDEF";

        /// <summary>The bytes as upper-case hex pairs separated by spaces, e.g. <c>C2 B0 43</c>.</summary>
        public static string Of(byte[] bytes, int offset, int length)
        {
            if (length == 0)
            {
                return "";
            }

            char[] chars = new char[length * 3 - 1];
            for (int i = 0; i < length; i++)
            {
                int b = bytes[offset + i];
                if (i > 0)
                {
                    chars[i * 3 - 1] = ' ';
                }

                chars[i * 3] = Digits[b >> 4];
                chars[i * 3 + 1] = Digits[b & 0xF];
            }

            return new string(chars);
        }

        /// <summary>The UTF-8 encoding of <paramref name="text"/> as hex pairs.</summary>
        public static string OfUtf8(string text)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(text);
            return Of(bytes, 0, bytes.Length);
        }

        /// <summary>The bytes decoded as UTF-8.</summary>
        public static string Utf8(byte[] bytes, int offset, int length)
        {
            return Encoding.UTF8.GetString(bytes, offset, length);
        }

        /// <summary>A buffer of <paramref name="length"/> bytes all set to <paramref name="fill"/>, to see what a write touched.</summary>
        public static byte[] Filled(int length, byte fill)
        {
            byte[] buffer = new byte[length];
            for (int i = 0; i < length; i++)
            {
                buffer[i] = fill;
            }

            return buffer;
        }
    }
}
