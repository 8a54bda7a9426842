using System.Collections;
using Capteur.Node.Sensors;

namespace Capteur.Node.Config
{
    /// <summary>The checks of <see cref="NodeConfig.Validate"/> that involve more than one key.</summary>
    internal static class ConfigCrossChecker
    {
        /// <summary>Adds one message per problem to <paramref name="problems"/>.</summary>
        internal static void Check(NodeConfig config, ArrayList problems)
        {
            if (config.Get("mqtt.host").Length == 0)
            {
                problems.Add("mqtt.host: not set (set the broker's address, e.g. mqtt.host=192.168.1.10)");
            }

            for (int slot = 1; slot <= ConfigSchema.SensorSlots; slot++)
            {
                if (!config.IsSlotUsed(slot))
                {
                    continue;
                }

                string kind = config.Get(ConfigSchema.SensorKey(slot, "kind"));
                string kindKey = ConfigSchema.SensorKey(slot, "kind");
                if (config.Get(ConfigSchema.SensorKey(slot, "name")).Length == 0)
                {
                    string nameKey = ConfigSchema.SensorKey(slot, "name");
                    problems.Add(nameKey + ": not set, but " + kindKey + " is " + kind + " (set a name, e.g. " + nameKey
                        + "=kitchen, or set " + kindKey + "=none)");
                }

                string pinKey = ConfigSchema.SensorKey(slot, "pin");
                int pin = config.GetInt(pinKey);
                if (pin == ConfigSchema.PinUnset)
                {
                    problems.Add(pinKey + ": not set, but " + kindKey + " is " + kind + " (set its GPIO, e.g. " + pinKey
                        + "=34, or set " + kindKey + "=none)");
                }
                else
                {
                    AddPinProblem(config, pin, pinKey, kindKey, kind, problems);
                }
            }

            // Only used slots compete: an unused slot may keep an old name or pin without blocking anything.
            for (int slot = 2; slot <= ConfigSchema.SensorSlots; slot++)
            {
                if (!config.IsSlotUsed(slot))
                {
                    continue;
                }

                AddClash(config, slot, "name", "give each sensor its own name", problems);
                AddClash(config, slot, "pin", "give each sensor its own pin", problems);
            }
        }

        /// <summary>Reports a pin the board does not offer, or a pin without ADC1 channel for an analog kind.</summary>
        private static void AddPinProblem(NodeConfig config, int pin, string pinKey, string kindKey, string kind, ArrayList problems)
        {
            string board = config.Get("node.board");
            string on = " on node.board=" + board;
            string why = BoardPins.Problem(board, pin);
            if (why != null)
            {
                problems.Add(pinKey + ": GPIO " + pin.ToString() + " " + why + on + " (choose another pin, or set node.board)");
                return;
            }

            SensorKind parsed;
            if (SensorKindTable.TryParse(kind, out parsed) && SensorKindTable.IsAnalog(parsed) && BoardPins.AdcChannelOf(board, pin) < 0)
            {
                problems.Add(pinKey + ": GPIO " + pin.ToString() + " has no ADC1 channel" + on + ", and " + kindKey + "=" + kind
                    + " needs one (use one of " + BoardPins.Adc1PinsText(board) + ")");
            }
        }

        /// <summary>Reports the first used slot before <paramref name="slot"/> whose <paramref name="field"/> is the same (and set).</summary>
        private static void AddClash(NodeConfig config, int slot, string field, string fix, ArrayList problems)
        {
            string key = ConfigSchema.SensorKey(slot, field);
            string value = config.Get(key);
            bool unset = field == "pin" ? value == ConfigSchema.PinUnset.ToString() : value.Length == 0;
            if (unset)
            {
                return;
            }

            for (int earlier = 1; earlier < slot; earlier++)
            {
                string earlierKey = ConfigSchema.SensorKey(earlier, field);
                if (config.IsSlotUsed(earlier) && config.Get(earlierKey) == value)
                {
                    string shown = field == "pin" ? "GPIO " + value : ConfigText.Quote(value);
                    problems.Add(earlierKey + " and " + key + ": both are " + shown + " (" + fix + ")");
                    return;
                }
            }
        }
    }
}
