using System.Collections;
using Capteur.Node.Sensors;

namespace Capteur.Node.Config
{
    /// <summary>
    /// The checks of <see cref="NodeConfig.Validate"/> that hold pins against the board profile of <c>node.board</c>:
    /// a sensor or console pin the board keeps, an analog sensor off ADC1, a contact on an input-only pin, the console
    /// on one pin twice or on a sensor's pin.
    /// </summary>
    internal static class BoardPinChecker
    {
        internal const string RxKey = "console.rx_pin";
        internal const string TxKey = "console.tx_pin";

        /// <summary>A pin of the board that suits <paramref name="kind"/>, for messages: an ADC1 pin for analog kinds.</summary>
        internal static int PinExample(NodeConfig config, string kind)
        {
            SensorKind parsed;
            SensorKindTable.TryParse(kind, out parsed);
            BoardProfile board = BoardProfiles.Of(config);
            return SensorKindTable.IsAnalog(parsed) ? board.AnalogPinExample : board.DigitalPinExample;
        }

        /// <summary>Adds the problem of sensor pin <paramref name="pin"/> (set, of a used slot), if any.</summary>
        internal static void CheckSensorPin(NodeConfig config, int pin, string pinKey, string kindKey, string kind, ArrayList problems)
        {
            BoardProfile board = BoardProfiles.Of(config);
            string gpio = "GPIO " + pin.ToString();
            string on = " on node.board=" + board.Name;
            string why = board.Problem(pin);
            if (why != null)
            {
                problems.Add(pinKey + ": " + gpio + " " + why + on + " (choose another pin, or set node.board)");
                return;
            }

            SensorKind parsed;
            SensorKindTable.TryParse(kind, out parsed);
            string needs = ", and " + kindKey + "=" + kind + " needs ";
            if (SensorKindTable.IsAnalog(parsed) && board.AdcChannelOf(pin) < 0)
            {
                string what = board.IsAdc2Pin(pin)
                    ? " is an ADC2 pin" + on + ", and ADC2 does not work while Wi-Fi is on; " + kindKey + "=" + kind + " needs ADC1"
                    : " has no ADC channel" + on + needs + "ADC1";
                problems.Add(pinKey + ": " + gpio + what + " (use one of " + board.Adc1PinsText + ")");
            }
            else if (parsed == SensorKind.Digital && board.IsInputOnly(pin))
            {
                problems.Add(pinKey + ": " + gpio + " is input-only without internal pull-up" + on + needs
                    + "one (choose another pin, e.g. " + board.DigitalPinExample.ToString() + ")");
            }
        }

        /// <summary>Adds the problems of the console pins: kept by the board, TX on an input-only pin, RX and TX on one pin.</summary>
        internal static void CheckConsolePins(NodeConfig config, ArrayList problems)
        {
            BoardProfile board = BoardProfiles.Of(config);
            int rx = BoardProfiles.ConsoleRxPin(config);
            int tx = BoardProfiles.ConsoleTxPin(config);
            bool rxOk = CheckConsolePin(board, RxKey, rx, board.DefaultConsoleRxPin, problems);
            bool txOk = CheckConsolePin(board, TxKey, tx, board.DefaultConsoleTxPin, problems);
            if (txOk && board.IsInputOnly(tx))
            {
                problems.Add(TxKey + ": GPIO " + tx.ToString() + " is input-only on node.board=" + board.Name
                    + ", and the console's TX must drive the line (choose another pin, or -1 for the board's default, GPIO "
                    + board.DefaultConsoleTxPin.ToString() + ")");
            }
            else if (rxOk && txOk && rx == tx)
            {
                problems.Add(RxKey + " and " + TxKey + ": both are GPIO " + rx.ToString() + " (give RX and TX their own pins)");
            }
        }

        /// <summary>Adds a problem when a used sensor slot's pin is one of the console's pins.</summary>
        internal static void CheckSensorAgainstConsole(NodeConfig config, string pinKey, int pin, ArrayList problems)
        {
            CheckClash(config, pinKey, pin, RxKey, BoardProfiles.ConsoleRxPin(config), "RX", problems);
            CheckClash(config, pinKey, pin, TxKey, BoardProfiles.ConsoleTxPin(config), "TX", problems);
        }

        private static void CheckClash(NodeConfig config, string pinKey, int pin, string consoleKey, int consolePin, string role, ArrayList problems)
        {
            if (pin != consolePin)
            {
                return;
            }

            string both = pinKey + " and " + consoleKey + ": both are GPIO " + pin.ToString();
            if (config.GetInt(consoleKey) == ConfigSchema.PinUnset)
            {
                problems.Add(both + ", the console's default " + role + " on node.board=" + BoardProfiles.Of(config).Name
                    + " (give the sensor another pin, or set " + consoleKey + ")");
            }
            else
            {
                problems.Add(both + " (give the sensor another pin, or move the console)");
            }
        }

        private static bool CheckConsolePin(BoardProfile board, string key, int pin, int defaultPin, ArrayList problems)
        {
            string why = board.Problem(pin);
            if (why == null)
            {
                return true;
            }

            problems.Add(key + ": GPIO " + pin.ToString() + " " + why + " on node.board=" + board.Name
                + " (choose another pin, or -1 for the board's default, GPIO " + defaultPin.ToString() + ")");
            return false;
        }
    }
}
