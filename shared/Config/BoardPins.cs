namespace Capteur.Node.Config
{
    /// <summary>
    /// Which GPIOs the boards of <c>node.board</c> bring out, which are taken by the flash or PSRAM, and which GPIO is
    /// which ADC1 channel (ADC2 stops working while Wi-Fi is on, so analog sensors need ADC1).
    /// </summary>
    public static class BoardPins
    {
        // ESP32 datasheet, pin list: GPIO 20, 24, 28..31 do not exist, 37 and 38 are not brought out on WROOM/WROVER
        // modules, 6..11 run the SPI flash; WROVER modules also give 16 and 17 to the PSRAM. ADC1 channels 0, 3..7
        // are GPIO 36, 39, 32, 33, 34, 35 (nanoFramework channel numbers).
        private static readonly int[] Esp32Adc1 = new int[] { 36, -1, -1, 39, 32, 33, 34, 35 };

        // ESP32-S3 datasheet: GPIO 0..21 and 26..48; 26..32 run the SPI flash and PSRAM. ADC1 channels 0..9 = GPIO 1..10.
        private static readonly int[] S3Adc1 = new int[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };

        // ESP32-C3 datasheet: GPIO 0..21; 12..17 run the SPI flash. ADC1 channels 0..4 = GPIO 0..4.
        private static readonly int[] C3Adc1 = new int[] { 0, 1, 2, 3, 4 };

        /// <summary>The ADC1 channel (nanoFramework numbering) of <paramref name="gpio"/> on <paramref name="board"/>, or -1 when it has none.</summary>
        public static int AdcChannelOf(string board, int gpio)
        {
            if (gpio < 0)
            {
                return -1;
            }

            int[] map = Adc1Map(board);
            for (int channel = 0; channel < map.Length; channel++)
            {
                if (map[channel] == gpio)
                {
                    return channel;
                }
            }

            return -1;
        }

        /// <summary>The ADC1 GPIOs of <paramref name="board"/> in increasing order, comma-separated, e.g. <c>32, 33, 34, 35, 36, 39</c>.</summary>
        public static string Adc1PinsText(string board)
        {
            string text = "";
            for (int gpio = 0; gpio <= 48; gpio++)
            {
                if (AdcChannelOf(board, gpio) >= 0)
                {
                    text += (text.Length == 0 ? "" : ", ") + gpio.ToString();
                }
            }

            return text;
        }

        /// <summary>
        /// Null when <paramref name="gpio"/> can be used on <paramref name="board"/>, else why not, e.g.
        /// <c>does not exist</c> or <c>runs the SPI flash</c>.
        /// </summary>
        public static string Problem(string board, int gpio)
        {
            if (board == "esp32-s3-devkitc-1")
            {
                if (gpio > 48 || (gpio >= 22 && gpio <= 25))
                {
                    return "does not exist";
                }

                return gpio >= 26 && gpio <= 32 ? "runs the SPI flash and PSRAM" : null;
            }

            if (board == "esp32-c3-devkitm-1")
            {
                if (gpio > 21)
                {
                    return "does not exist";
                }

                return gpio >= 12 && gpio <= 17 ? "runs the SPI flash" : null;
            }

            if (gpio > 39 || gpio == 20 || gpio == 24 || (gpio >= 28 && gpio <= 31) || gpio == 37 || gpio == 38)
            {
                return "does not exist";
            }

            if (gpio >= 6 && gpio <= 11)
            {
                return "runs the SPI flash";
            }

            return board == "esp32-wrover" && (gpio == 16 || gpio == 17) ? "runs the PSRAM" : null;
        }

        private static int[] Adc1Map(string board)
        {
            if (board == "esp32-s3-devkitc-1")
            {
                return S3Adc1;
            }

            return board == "esp32-c3-devkitm-1" ? C3Adc1 : Esp32Adc1;
        }
    }
}
