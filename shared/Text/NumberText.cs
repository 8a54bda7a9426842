namespace Capteur.Node.Text
{
    /// <summary>
    /// String forms of <see cref="NumberWriter"/> and <see cref="IsoTimeWriter"/> for paths that may allocate
    /// (console, logs, node info). Same output as the byte writers, on both runtimes and every culture.
    /// </summary>
    public static class NumberText
    {
        /// <summary><paramref name="value"/> with exactly <paramref name="decimals"/> decimals (0..6), e.g. <c>21.52</c>; see <see cref="NumberWriter.WriteFixed"/>.</summary>
        public static string Fixed(double value, int decimals)
        {
            byte[] bytes = new byte[NumberWriter.MaxFixedLength];
            int length = NumberWriter.WriteFixed(bytes, 0, value, decimals);
            return Ascii(bytes, length);
        }

        /// <summary>An instant in milliseconds since 1970 as <c>2026-11-22T10:00:00.000Z</c>; see <see cref="IsoTimeWriter.WriteUtc"/>.</summary>
        public static string IsoUtc(long unixMs)
        {
            byte[] bytes = new byte[IsoTimeWriter.Length];
            IsoTimeWriter.WriteUtc(bytes, 0, unixMs);
            return Ascii(bytes, IsoTimeWriter.Length);
        }

        private static string Ascii(byte[] bytes, int length)
        {
            char[] chars = new char[length];
            for (int i = 0; i < length; i++)
            {
                chars[i] = (char)bytes[i];
            }

            return new string(chars);
        }
    }
}
