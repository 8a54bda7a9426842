namespace Capteur.Node.Text
{
    /// <summary>Sizes text in UTF-8 without encoding it (topic and unit limits are in bytes).</summary>
    public static class Utf8Counter
    {
        /// <summary>
        /// Number of bytes <paramref name="text"/> takes in UTF-8: 1 to 3 per character, 4 per surrogate pair. An
        /// unpaired surrogate counts 2 here (the topic checks refuse it anyway).
        /// </summary>
        public static int ByteCount(string text)
        {
            // ToCharArray, not the indexer, which returns the wrong half of a surrogate pair on nanoFramework.
            char[] chars = text.ToCharArray();
            int bytes = 0;
            for (int i = 0; i < chars.Length; i++)
            {
                char c = chars[i];
                if (c < 0x80)
                {
                    bytes += 1;
                }
                else if (c < 0x800)
                {
                    bytes += 2;
                }
                else if (c >= 0xD800 && c <= 0xDFFF)
                {
                    // Each half of a pair: 2 + 2 = the 4 bytes of the code point.
                    bytes += 2;
                }
                else
                {
                    bytes += 3;
                }
            }

            return bytes;
        }
    }
}
