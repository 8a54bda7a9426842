namespace Capteur.Node.Shell
{
    /// <summary>Small text helpers of the console's output (nanoFramework has no string.Join nor padding by format).</summary>
    internal static class ShellText
    {
        /// <summary>The items separated by <c>", "</c>.</summary>
        public static string Join(string[] items)
        {
            string text = "";
            for (int i = 0; i < items.Length; i++)
            {
                text += (i == 0 ? "" : ", ") + items[i];
            }

            return text;
        }

        /// <summary><paramref name="text"/> followed by spaces up to <paramref name="width"/> characters (at least one space).</summary>
        public static string PadRight(string text, int width)
        {
            string padded = text + " ";
            while (padded.Length < width)
            {
                padded += " ";
            }

            return padded;
        }

        /// <summary>A duration as <c>HH:MM:SS</c>, with the days in front when there are some: <c>3d 04:05:06</c>.</summary>
        public static string Duration(long ms)
        {
            long seconds = ms < 0 ? 0 : ms / 1000;
            long days = seconds / 86400;
            string clock = TwoDigits(seconds / 3600 % 24) + ":" + TwoDigits(seconds / 60 % 60) + ":" + TwoDigits(seconds % 60);
            return days > 0 ? days.ToString() + "d " + clock : clock;
        }

        private static string TwoDigits(long value)
        {
            return value < 10 ? "0" + value.ToString() : value.ToString();
        }
    }
}
