namespace Capteur.Node.Text
{
    /// <summary>How far two words are apart, for "did you mean ...?" suggestions (config keys, console commands).</summary>
    public static class EditDistance
    {
        /// <summary>
        /// Levenshtein distance from <paramref name="a"/> to <paramref name="b"/> (single-character edits), or
        /// <paramref name="limit"/> as soon as it cannot be below it.
        /// </summary>
        public static int Bounded(string a, string b, int limit)
        {
            int diff = a.Length - b.Length;
            if (diff >= limit || -diff >= limit)
            {
                return limit;
            }

            int[] previous = new int[b.Length + 1];
            int[] current = new int[b.Length + 1];
            for (int j = 0; j <= b.Length; j++)
            {
                previous[j] = j;
            }

            for (int i = 1; i <= a.Length; i++)
            {
                current[0] = i;
                int rowMin = i;
                for (int j = 1; j <= b.Length; j++)
                {
                    int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    int value = previous[j - 1] + cost;
                    if (previous[j] + 1 < value)
                    {
                        value = previous[j] + 1;
                    }

                    if (current[j - 1] + 1 < value)
                    {
                        value = current[j - 1] + 1;
                    }

                    current[j] = value;
                    if (value < rowMin)
                    {
                        rowMin = value;
                    }
                }

                if (rowMin >= limit)
                {
                    return limit;
                }

                int[] swap = previous;
                previous = current;
                current = swap;
            }

            return previous[b.Length] < limit ? previous[b.Length] : limit;
        }
    }
}
