namespace Capteur.Node.Config
{
    /// <summary>
    /// What config validation and the firmware need to know about one board model (<c>node.board</c>): which GPIOs
    /// exist, which are kept by the flash, PSRAM, USB, the debugger's UART or the strapping at reset, which are ADC1
    /// channels (ADC2 stops working while Wi-Fi is on, so analog sensors need ADC1) and how nanoFramework numbers
    /// them, which are input-only, and where the serial console goes by default. The rows and their sources are in
    /// <see cref="BoardProfiles"/>.
    /// </summary>
    public sealed class BoardProfile
    {
        private readonly int[] _adc1Gpios;
        private readonly int[] _adc2Gpios;
        private readonly BoardPinRange[] _kept;
        private readonly int _firstInputOnly;
        private readonly int _lastInputOnly;

        internal BoardProfile(
            string name,
            string displayName,
            string nanoffTarget,
            int highestGpio,
            int[] adc1Gpios,
            int[] adc2Gpios,
            BoardPinRange[] kept,
            int firstInputOnly,
            int lastInputOnly,
            int consoleRxPin,
            int consoleTxPin,
            int analogPinExample,
            int digitalPinExample)
        {
            Name = name;
            DisplayName = displayName;
            NanoffTarget = nanoffTarget;
            HighestGpio = highestGpio;
            _adc1Gpios = adc1Gpios;
            _adc2Gpios = adc2Gpios;
            _kept = kept;
            _firstInputOnly = firstInputOnly;
            _lastInputOnly = lastInputOnly;
            DefaultConsoleRxPin = consoleRxPin;
            DefaultConsoleTxPin = consoleTxPin;
            AnalogPinExample = analogPinExample;
            DigitalPinExample = digitalPinExample;
        }

        /// <summary>The value of <c>node.board</c>, e.g. <c>esp32-wrover</c>.</summary>
        public string Name { get; private set; }

        /// <summary>The board and module as sold, e.g. <c>ESP32-DevKitC (ESP32-WROOM-32 module)</c>.</summary>
        public string DisplayName { get; private set; }

        /// <summary>The nanoFramework firmware image to flash, for <c>nanoff --target</c>, e.g. <c>ESP32_REV0</c>.</summary>
        public string NanoffTarget { get; private set; }

        /// <summary>Highest GPIO number of the chip; numbers above it do not exist.</summary>
        public int HighestGpio { get; private set; }

        /// <summary>GPIO of the console's RX (COM2, wired to the USB-TTL adapter's TX) when <c>console.rx_pin</c> is -1.</summary>
        public int DefaultConsoleRxPin { get; private set; }

        /// <summary>GPIO of the console's TX (COM2, wired to the USB-TTL adapter's RX) when <c>console.tx_pin</c> is -1.</summary>
        public int DefaultConsoleTxPin { get; private set; }

        /// <summary>A free ADC1 GPIO, named in messages as an example for an analog sensor.</summary>
        public int AnalogPinExample { get; private set; }

        /// <summary>A free GPIO with an internal pull-up, named in messages as an example for a contact or PIR.</summary>
        public int DigitalPinExample { get; private set; }

        /// <summary>
        /// Null when sensors and the console may use <paramref name="gpio"/>, else why not, in words that follow
        /// "GPIO n": <c>does not exist</c>, <c>runs the SPI flash</c>, <c>runs the PSRAM</c>, <c>is a strapping pin
        /// read at reset to choose the boot mode</c>...
        /// </summary>
        public string Problem(int gpio)
        {
            if (gpio < 0 || gpio > HighestGpio)
            {
                return "does not exist";
            }

            for (int i = 0; i < _kept.Length; i++)
            {
                if (_kept[i].Contains(gpio))
                {
                    return _kept[i].Reason;
                }
            }

            return null;
        }

        /// <summary>
        /// The nanoFramework ADC channel (<c>AdcController.OpenChannel</c>) of <paramref name="gpio"/> when it is an
        /// ADC1 input, else -1 (ADC2 pins and pins without ADC included). Says nothing about whether the pin is
        /// usable: see <see cref="Problem"/>.
        /// </summary>
        public int AdcChannelOf(int gpio)
        {
            return gpio < 0 ? -1 : IndexOf(_adc1Gpios, gpio);
        }

        /// <summary>True when <paramref name="gpio"/> is an ADC2 input (unusable for analog sensors while Wi-Fi is on).</summary>
        public bool IsAdc2Pin(int gpio)
        {
            return gpio >= 0 && IndexOf(_adc2Gpios, gpio) >= 0;
        }

        /// <summary>True for pins that can only read (no output driver, no internal pull-up or pull-down).</summary>
        public bool IsInputOnly(int gpio)
        {
            return gpio >= _firstInputOnly && gpio <= _lastInputOnly;
        }

        /// <summary>
        /// The ADC1 GPIOs analog sensors may use (those without <see cref="Problem"/>), increasing and comma-separated,
        /// e.g. <c>32, 33, 34, 35, 36, 39</c>.
        /// </summary>
        public string Adc1PinsText
        {
            get
            {
                string text = "";
                for (int gpio = 0; gpio <= HighestGpio; gpio++)
                {
                    if (AdcChannelOf(gpio) >= 0 && Problem(gpio) == null)
                    {
                        text += (text.Length == 0 ? "" : ", ") + gpio.ToString();
                    }
                }

                return text;
            }
        }

        private static int IndexOf(int[] gpios, int gpio)
        {
            for (int i = 0; i < gpios.Length; i++)
            {
                if (gpios[i] == gpio)
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
