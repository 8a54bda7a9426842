using System.Collections;

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
                        + "=" + BoardPinChecker.PinExample(config, kind).ToString() + ", or set " + kindKey + "=none)");
                }
                else
                {
                    BoardPinChecker.CheckSensorPin(config, pin, pinKey, kindKey, kind, problems);
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

            BoardPinChecker.CheckConsolePins(config, problems);
            for (int slot = 1; slot <= ConfigSchema.SensorSlots; slot++)
            {
                string pinKey = ConfigSchema.SensorKey(slot, "pin");
                int pin = config.GetInt(pinKey);
                if (config.IsSlotUsed(slot) && pin != ConfigSchema.PinUnset)
                {
                    BoardPinChecker.CheckSensorAgainstConsole(config, pinKey, pin, problems);
                }
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
