namespace Capteur.Node.Config
{
    /// <summary>
    /// The board models <c>node.board</c> accepts, as data. Every number below comes from a source named beside it;
    /// hardware/boards/&lt;board&gt;/README.md shows the same facts as wiring tables.
    /// </summary>
    /// <remarks>
    /// Sources:
    /// [IDF-ADC] ESP-IDF components/soc/&lt;chip&gt;/include/soc/adc_channel.h (ADCn_CHANNEL_m_GPIO_NUM).
    /// [IDF-UART] ESP-IDF components/soc/&lt;chip&gt;/include/soc/uart_channel.h (UART0 and UART1 IO_MUX pins).
    /// [NF-ADC] nf-interpreter targets/ESP32/_common/ESP32*_DeviceMapping.cpp, Esp32_ADC_DevicePinMap: nanoFramework's
    /// channel numbers (ESP32: 0..7 = GPIO 36, 37, 38, 39, 32, 33, 34, 35, 8 and 9 internal, 10..19 ADC2; S3: 0..9 =
    /// GPIO 1..10, 10..19 ADC2 GPIO 11..20; C3: 0..4 = GPIO 0..4, 5 = ADC2 GPIO 5); the same files leave COM2 without
    /// default pins ("the default pins can be shared with serial flash and PSRAM"), so Capteur picks them.
    /// [NF-TARGETS] nf-interpreter targets/ESP32/CMakePresets.json (target names; ESP32_S3 sets ESP32_USB_CDC, "enable
    /// embedded USB CDC" in nf-interpreter's build docs; the S3's USB D-/D+ are GPIO 19/20, S3 datasheet).
    /// [ESPHOME] esphome/components/esp32/gpio_esp32.py, gpio_esp32_s3.py, gpio_esp32_c3.py (flash, PSRAM,
    /// missing and strapping pins; ESP32 GPIO 34..39 have no output and no pull-up).
    /// [PSRAM] arduino-esp32 PR #6434 and the ESP32-WROVER datasheet: GPIO 16 and 17 run the PSRAM on WROVER modules.
    /// </remarks>
    public static class BoardProfiles
    {
        /// <summary>Value of <c>node.board</c> on a fresh node.</summary>
        public const string DefaultName = "esp32-devkitc";

        private static readonly BoardProfile[] _all = new BoardProfile[]
        {
            Esp32("esp32-devkitc", "ESP32-DevKitC (ESP32-WROOM-32 module, no PSRAM)", "ESP32_REV0", false, 16, 17),

            // GPIO 16/17 run the PSRAM [PSRAM], so the console moves to 26/27 (ADC2 pins, useless for analog anyway).
            Esp32("esp32-wrover", "ESP32-DevKitC-VE (ESP32-WROVER module with PSRAM)", "ESP32_PSRAM_REV0", true, 26, 27),

            new BoardProfile(
                "esp32-s3-devkitc-1",
                "ESP32-S3-DevKitC-1 (ESP32-S3-WROOM-1 module, N8 or N8R8)",
                "ESP32_S3",
                48,
                new int[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, // [IDF-ADC], [NF-ADC]
                new int[] { 11, 12, 13, 14, 15, 16, 17, 18, 19, 20 },
                new BoardPinRange[]
                {
                    // [ESPHOME] strapping pins {0, 3, 45, 46}
                    new BoardPinRange(0, 0, "is a strapping pin read at reset to choose the boot mode (the BOOT button)"),
                    new BoardPinRange(3, 3, "is a strapping pin read at reset to choose the JTAG source"),
                    // [NF-TARGETS] the ESP32_S3 preset sets ESP32_USB_CDC ("enable embedded USB CDC"): the native USB port is in use
                    new BoardPinRange(19, 19, "is USB D-, the native USB port the ESP32_S3 image enables"),
                    new BoardPinRange(20, 20, "is USB D+, the native USB port the ESP32_S3 image enables"),
                    new BoardPinRange(22, 25, "does not exist"),
                    new BoardPinRange(26, 32, "runs the SPI flash and PSRAM"),
                    // [ESPHOME] _ESP_32_ESP32_S3R8_PSRAM_PINS: a warning there; refused here since the N8R8 board is common.
                    new BoardPinRange(33, 37, "runs the octal PSRAM of N8R8 modules"),
                    // [IDF-UART] UART0 TX 43, RX 44: the board's USB-UART bridge (boot messages)
                    new BoardPinRange(43, 43, "is UART0 TX, wired to the board's USB-UART bridge"),
                    new BoardPinRange(44, 44, "is UART0 RX, wired to the board's USB-UART bridge"),
                    new BoardPinRange(45, 45, "is a strapping pin read at reset to set the flash voltage"),
                    new BoardPinRange(46, 46, "is a strapping pin read at reset to choose the boot mode"),
                },
                -1,
                -1,
                18, // [IDF-UART] UART1 RX 18
                17, // [IDF-UART] UART1 TX 17
                1,
                11),

            new BoardProfile(
                "esp32-c3-devkitm-1",
                "ESP32-C3-DevKitM-1 (ESP32-C3-MINI-1 module)",
                "ESP32_C3",
                21,
                new int[] { 0, 1, 2, 3, 4 }, // [IDF-ADC], [NF-ADC]
                new int[] { 5 },
                new BoardPinRange[]
                {
                    // [ESPHOME] strapping pins {2, 8, 9}; ESP32-C3 datasheet: SPI boot needs GPIO2 high and GPIO9 high
                    new BoardPinRange(2, 2, "is a strapping pin read at reset to choose the boot mode"),
                    new BoardPinRange(8, 8, "is a strapping pin read at reset to choose the boot mode (and drives the RGB LED)"),
                    new BoardPinRange(9, 9, "is a strapping pin read at reset to choose the boot mode (the BOOT button)"),
                    // ESP32-C3 datasheet, pin list: GPIO11 is VDD_SPI (the flash supply) until eFuse VDD_SPI_AS_GPIO is
                    // burnt (also circuitpython issue #10100, which keeps GPIO11 forbidden on the C3 for the same reason)
                    new BoardPinRange(11, 11, "powers the SPI flash (VDD_SPI) unless an eFuse frees it"),
                    // [ESPHOME] _ESP32C3_SPI_PSRAM_PINS 12..17
                    new BoardPinRange(12, 17, "runs the SPI flash"),
                    new BoardPinRange(18, 18, "is USB D-, the chip's USB Serial/JTAG port"),
                    new BoardPinRange(19, 19, "is USB D+, the chip's USB Serial/JTAG port"),
                    // [IDF-UART] UART0 RX 20, TX 21; [NF-ADC] ESP32_C3_DeviceMapping.cpp maps COM1 to them, and the
                    // ESP32_C3 preset [NF-TARGETS] enables no USB CDC, so the debugger's wire protocol runs there
                    new BoardPinRange(20, 20, "is UART0 RX, the link of nanoFramework's debugger (COM1)"),
                    new BoardPinRange(21, 21, "is UART0 TX, the link of nanoFramework's debugger (COM1)"),
                },
                -1,
                -1,
                6,
                7,
                0,
                10),
        };

        /// <summary>Every profile, in the order of <c>node.board</c>'s choices. Shared: do not modify the array.</summary>
        public static BoardProfile[] All
        {
            get { return _all; }
        }

        /// <summary>The profile named <paramref name="name"/> (exact, lower case), or null when there is none.</summary>
        public static BoardProfile Find(string name)
        {
            for (int i = 0; i < _all.Length; i++)
            {
                if (_all[i].Name == name)
                {
                    return _all[i];
                }
            }

            return null;
        }

        /// <summary>The profile of <paramref name="config"/>'s <c>node.board</c> (the default board's if the name had no row).</summary>
        public static BoardProfile Of(NodeConfig config)
        {
            BoardProfile profile = Find(config.Get("node.board"));
            return profile == null ? Find(DefaultName) : profile;
        }

        /// <summary>The GPIO the console's RX (COM2) goes on: <c>console.rx_pin</c>, or the board's default when it is -1.</summary>
        public static int ConsoleRxPin(NodeConfig config)
        {
            int pin = config.GetInt(BoardPinChecker.RxKey);
            return pin == ConfigSchema.PinUnset ? Of(config).DefaultConsoleRxPin : pin;
        }

        /// <summary>The GPIO the console's TX (COM2) goes on: <c>console.tx_pin</c>, or the board's default when it is -1.</summary>
        public static int ConsoleTxPin(NodeConfig config)
        {
            int pin = config.GetInt(BoardPinChecker.TxKey);
            return pin == ConfigSchema.PinUnset ? Of(config).DefaultConsoleTxPin : pin;
        }

        /// <summary>The names of every profile, in order: the choices of <c>node.board</c>.</summary>
        public static string[] Names()
        {
            string[] names = new string[_all.Length];
            for (int i = 0; i < names.Length; i++)
            {
                names[i] = _all[i].Name;
            }

            return names;
        }

        /// <summary>The classic ESP32 on a WROOM-32 or WROVER module (the two differ only by the PSRAM on 16/17).</summary>
        private static BoardProfile Esp32(string name, string displayName, string target, bool psram, int consoleRx, int consoleTx)
        {
            BoardPinRange[] kept = new BoardPinRange[]
            {
                // ESP32 datasheet section 2.4 "Strapping Pins" (table: MTDI, GPIO0, GPIO2, MTDO, GPIO5);
                // [ESPHOME] _ESP32_STRAPPING_PINS {0, 2, 5, 12, 15}
                new BoardPinRange(0, 0, "is a strapping pin read at reset to choose the boot mode (the BOOT button)"),
                // [IDF-UART] UART0 TX 1, RX 3: nanoFramework's debugger (wire protocol) owns COM1
                new BoardPinRange(1, 1, "is UART0 TX, the link of nanoFramework's debugger (COM1)"),
                new BoardPinRange(2, 2, "is a strapping pin read at reset to choose the boot mode"),
                new BoardPinRange(3, 3, "is UART0 RX, the link of nanoFramework's debugger (COM1)"),
                new BoardPinRange(5, 5, "is a strapping pin read at reset to set the SDIO timing"),
                // [ESPHOME] _ESP_SDIO_PINS 6, 7, 8, 11 and 9, 10 in QIO mode; ESP32-WROOM-32 datasheet: 6..11 go to the flash
                new BoardPinRange(6, 11, "runs the SPI flash"),
                // MTDI high at reset selects 1.8 V for the flash: a WROOM-32 (3.3 V flash) then does not boot
                new BoardPinRange(12, 12, "is a strapping pin read at reset to set the flash voltage"),
                new BoardPinRange(15, 15, "is a strapping pin read at reset to silence the boot log"),
                // [ESPHOME] 24, 28..31 are not in the IO_MUX; 20 exists only on some chip packages (ESP32-PICO-V3), not on these modules
                new BoardPinRange(20, 20, "is not brought out by the module"),
                new BoardPinRange(24, 24, "does not exist"),
                new BoardPinRange(28, 31, "does not exist"),
                // GPIO 37, 38 (ADC1 channels 1, 2) are on the chip but not on WROOM-32 or WROVER module pads
                new BoardPinRange(37, 38, "is not brought out by the module"),
            };

            if (psram)
            {
                kept = Append(kept, new BoardPinRange(16, 17, "runs the PSRAM"));
            }

            // [IDF-ADC], [NF-ADC]: channel n is the n-th entry. ADC2 (nanoFramework channels 10..19) in channel order.
            return new BoardProfile(name, displayName, target, 39,
                new int[] { 36, 37, 38, 39, 32, 33, 34, 35 },
                new int[] { 4, 0, 2, 15, 13, 12, 14, 27, 25, 26 },
                kept,
                34, // [ESPHOME] GPIO 34..39: input only, no pull-up or pull-down
                39,
                consoleRx,
                consoleTx,
                34,
                4);
        }

        private static BoardPinRange[] Append(BoardPinRange[] ranges, BoardPinRange extra)
        {
            BoardPinRange[] longer = new BoardPinRange[ranges.Length + 1];
            for (int i = 0; i < ranges.Length; i++)
            {
                longer[i] = ranges[i];
            }

            longer[ranges.Length] = extra;
            return longer;
        }
    }
}
