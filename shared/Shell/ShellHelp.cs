using System.Collections;
using Capteur.Node.Config;
using Capteur.Node.Text;

namespace Capteur.Node.Shell
{
    /// <summary>The console's commands and the texts of <c>help</c>; keys are listed from <see cref="ConfigSchema"/>.</summary>
    internal static class ShellHelp
    {
        /// <summary>Width of the usage column of the command list.</summary>
        private const int UsageWidth = 20;

        /// <summary>Every command, in the order of <c>help</c>.</summary>
        public static readonly string[] Names =
        {
            "help", "show", "get", "set", "save", "discard", "factory-reset", "reboot", "status", "read", "wifi",
            "publish", "outbox", "echo", "json",
        };

        private static readonly string[] Usages =
        {
            "help [COMMAND|KEY]", "show", "get KEY", "set KEY VALUE", "save", "discard", "factory-reset yes",
            "reboot [force]", "status", "read", "wifi scan", "publish test", "outbox", "echo on|off", "json on|off",
        };

        private static readonly string[] Summaries =
        {
            "this list, or more about one command or config key",
            "every config value; secrets read ****",
            "one config value",
            "change a value: checked now, written to flash by save",
            "check the whole config and write it to flash",
            "drop the changes not saved yet",
            "erase the config: every key back to its default",
            "restart the node",
            "Wi-Fi, MQTT, outbox, uptime, free memory, firmware version",
            "sample every sensor now and print the values",
            "list the Wi-Fi networks in range",
            "publish a test message to the broker",
            "readings waiting for the broker, dropped, resent",
            "echo typed characters (off for scripts)",
            "one JSON object per result (for tools)",
        };

        private static readonly string[] Details =
        {
            "e.g. help set, help mqtt.port",
            "(not saved yet) marks a value changed since the last save; values are written as in the config file",
            "e.g. get mqtt.port; (not saved yet) marks a value changed since the last save",
            "set KEY=VALUE works too; quote a value holding spaces or ; as \"My Home\" or 'My Home', \"\" is empty;"
                + " inside \"...\" write \\\" \\\\ \\; for \" \\ ;",
            "nothing is written when a check fails: the messages say what to fix",
            "every key goes back to its value on flash",
            "without yes nothing is erased; the node then needs wifi.ssid and mqtt.host again",
            "refused while changes are not saved: save or discard them, or type reboot force to lose them",
            "state is the node's connection state: wifi-connecting, mqtt-connecting, online or backoff",
            "a sensor that fails shows its error instead of a value",
            "strongest first",
            "says whether the message went out, or what to fix",
            "oldest is the age of the oldest waiting reading",
            "secret values always echo as *",
            "each result is one line: {\"ok\":true,...} or {\"ok\":false,\"error\":\"...\"}",
        };

        /// <summary>Position of <paramref name="name"/> (lower case) in <see cref="Names"/>, or -1.</summary>
        public static int IndexOf(string name)
        {
            for (int i = 0; i < Names.Length; i++)
            {
                if (Names[i] == name)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>The command nearest to <paramref name="word"/> (one or two typos away), or null.</summary>
        public static string Nearest(string word)
        {
            string nearest = null;
            int best = 3;
            for (int i = 0; i < Names.Length; i++)
            {
                int distance = EditDistance.Bounded(word, Names[i], best);
                if (distance < best)
                {
                    best = distance;
                    nearest = Names[i];
                }
            }

            return nearest;
        }

        /// <summary>What <c>help</c> prints: the commands, then the keys by group.</summary>
        public static string[] Overview()
        {
            ArrayList lines = new ArrayList();
            lines.Add("commands (several on one line: separate them with ;):");
            for (int i = 0; i < Names.Length; i++)
            {
                lines.Add("  " + ShellText.PadRight(Usages[i], UsageWidth) + Summaries[i]);
            }

            lines.Add("keys (help KEY for one; sensorN is sensor1 to sensor" + ConfigSchema.SensorSlots.ToString() + "):");
            ConfigKey[] keys = ConfigSchema.Keys;
            string group = null;
            string line = null;
            for (int i = 0; i < keys.Length; i++)
            {
                if (keys[i].Slot > 1)
                {
                    continue;
                }

                string name = keys[i].Slot == 1 ? "sensorN" + keys[i].Name.Substring(7) : keys[i].Name;
                string keyGroup = name.Substring(0, name.IndexOf('.'));
                if (keyGroup != group)
                {
                    if (line != null)
                    {
                        lines.Add(line);
                    }

                    group = keyGroup;
                    line = "  " + name;
                }
                else
                {
                    line += " " + name;
                }
            }

            lines.Add(line);
            return ToArray(lines);
        }

        /// <summary>What <c>help COMMAND</c> prints.</summary>
        public static string[] Command(int index)
        {
            return new string[] { Usages[index] + ": " + Summaries[index], "  " + Details[index] };
        }

        /// <summary>What <c>help KEY</c> prints: its help, then what it allows and its default.</summary>
        public static string[] Key(ConfigKey key)
        {
            string facts = AllowedLabel(key) + ": " + key.AllowedText;
            if (key.AllowedChars != null)
            {
                facts += "; characters: " + key.AllowedChars;
            }

            facts += "; default: " + (key.DefaultValue.Length == 0 ? "empty" : key.DefaultValue);
            if (key.Secret)
            {
                facts += "; secret: never shown";
            }

            return new string[] { key.Name + ": " + key.Help, "  " + facts };
        }

        /// <summary><c>length</c> for text keys (their allowed text counts characters), <c>allowed</c> for the others.</summary>
        public static string AllowedLabel(ConfigKey key)
        {
            bool text = key.Type == ConfigKeyType.String || key.Type == ConfigKeyType.Topic || key.Type == ConfigKeyType.TopicLevel;
            return text ? "length" : "allowed";
        }

        private static string[] ToArray(ArrayList list)
        {
            string[] array = new string[list.Count];
            for (int i = 0; i < array.Length; i++)
            {
                array[i] = (string)list[i];
            }

            return array;
        }
    }
}
