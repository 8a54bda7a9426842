using Capteur.Node.Filters;
using Capteur.Node.Mqtt;
using Capteur.Node.Sensors;

namespace Capteur.Node.Config
{
    /// <summary>
    /// Checks one value against its key's row and gives its canonical text. Every message starts with the key, echoes
    /// the value as typed (never a secret), and ends with the allowed values or the fix in parentheses.
    /// </summary>
    internal static class ConfigValueChecker
    {
        private const int MaxHosts = 4;
        private const int MaxHostLength = 253;
        private const string HostChars = "a-z A-Z 0-9 . -";

        /// <summary>Null when <paramref name="value"/> is allowed (then <paramref name="canonical"/> is what to store), else the message.</summary>
        internal static string Check(ConfigKey key, string value, out string canonical)
        {
            canonical = value;
            if (value == null)
            {
                return key.Name + ": no value given (" + key.AllowedText + ")";
            }

            // nanoFramework strings end at U+0000 (NUL-terminated UTF-8), so a value holding one could never be
            // stored or loaded on the node; it is refused for every key, on both runtimes.
            if (ConfigText.IndexOf(value, '\0', 0) >= 0)
            {
                return key.Name + ": the value contains U+0000 (not allowed in any value)";
            }

            switch (key.Type)
            {
                case ConfigKeyType.Int:
                    return CheckInt(key, value, out canonical);
                case ConfigKeyType.Bool:
                    return CheckBool(key, value, out canonical);
                case ConfigKeyType.Choice:
                    return CheckChoice(key, value, out canonical);
                case ConfigKeyType.HostList:
                    return CheckHostList(key, value, out canonical);
                case ConfigKeyType.Topic:
                    return CheckTopic(key, value);
                case ConfigKeyType.TopicLevel:
                    return CheckTopicLevel(key, value);
                case ConfigKeyType.FilterChain:
                    return value.Length == 0 ? null : Prefix(key, FilterChain.Check(value));
                case ConfigKeyType.Calibration:
                    return value.Length == 0 ? null : Prefix(key, TwoPointCalibration.Check(value));
                default:
                    return CheckText(key, value);
            }
        }

        private static string Prefix(ConfigKey key, string message)
        {
            return message == null ? null : key.Name + ": " + message;
        }

        private static string CheckInt(ConfigKey key, string value, out string canonical)
        {
            canonical = value;
            long number;
            if (!ConfigText.TryParseWhole(value, out number))
            {
                return key.Name + ": " + ConfigText.Quote(value) + " is not a whole number (" + key.IntRangeText + ")";
            }

            bool special = key.HasSpecialValue && number == key.SpecialValue;
            if (!special && (number < key.Min || number > key.Max))
            {
                return key.Name + ": " + value + " is out of range (" + key.IntRangeText + ")";
            }

            canonical = ((int)number).ToString();
            return null;
        }

        private static string CheckBool(ConfigKey key, string value, out string canonical)
        {
            string lower = value.ToLower();
            if (lower == "true" || lower == "on" || lower == "1")
            {
                canonical = "true";
                return null;
            }

            if (lower == "false" || lower == "off" || lower == "0")
            {
                canonical = "false";
                return null;
            }

            canonical = value;
            return key.Name + ": " + ConfigText.Quote(value) + " is not a boolean (true or false)";
        }

        private static string CheckChoice(ConfigKey key, string value, out string canonical)
        {
            string lower = value.ToLower();
            for (int i = 0; i < key.Choices.Length; i++)
            {
                if (key.Choices[i] == lower)
                {
                    canonical = key.Choices[i];
                    return null;
                }
            }

            canonical = value;
            return key.Name + ": " + ConfigText.Quote(value) + " is not one of " + key.ChoicesText;
        }

        private static string CheckText(ConfigKey key, string value)
        {
            bool emptyAllowed = key.MinLength == 0 || key.EmptyMeaning != null;
            bool lengthOk = value.Length <= key.MaxLength && (value.Length >= key.MinLength || (value.Length == 0 && emptyAllowed));
            if (!lengthOk)
            {
                string shown = key.Secret ? "the value" : ConfigText.Quote(value);
                return key.Name + ": " + shown + " is " + value.Length.ToString() + " characters long (" + key.LengthText + ")";
            }

            if (key.AllowedChars != null)
            {
                for (int i = 0; i < value.Length; i++)
                {
                    if (!ConfigText.IsAllowed(value[i], key.AllowedChars))
                    {
                        return key.Name + ": " + ConfigText.Quote(value) + " contains " + ConfigText.QuoteCharAt(value, i)
                            + " (use " + key.AllowedChars + ")";
                    }
                }
            }

            return null;
        }

        // MQTT 3.1.1 §4.7: + and # are wildcards, valid in subscriptions only; §4.7.3: topics must not contain U+0000
        // (refused for every key above). Leading/trailing '/' and empty levels are legal MQTT but create levels
        // nobody means to subscribe to.
        private static string CheckTopic(ConfigKey key, string value)
        {
            string text = CheckText(key, value);
            if (text != null)
            {
                return text;
            }

            string quoted = key.Name + ": " + ConfigText.Quote(value);
            for (int i = 0; i < value.Length; i++)
            {
                if (value[i] == '+' || value[i] == '#')
                {
                    return quoted + " contains " + ConfigText.QuoteCharAt(value, i) + " (+ and # are MQTT wildcards, not allowed in a topic to publish to)";
                }
            }

            if (value[0] == '$')
            {
                return quoted + " starts with '$' (topics starting with $ are the broker's own; remove it)";
            }

            if (value[0] == '/')
            {
                return quoted + " starts with '/' (remove it, e.g. capteur/node)";
            }

            if (value[value.Length - 1] == '/')
            {
                return quoted + " ends with '/' (remove it, e.g. capteur/node)";
            }

            for (int i = 1; i < value.Length; i++)
            {
                if (value[i] == '/' && value[i - 1] == '/')
                {
                    return quoted + " has an empty level between two '/' (remove one '/')";
                }
            }

            return null;
        }

        private static string CheckTopicLevel(ConfigKey key, string value)
        {
            string text = CheckText(key, value);
            if (text != null)
            {
                return text;
            }

            if (value == MqttTopics.StatusLevel || value == MqttTopics.InfoLevel)
            {
                return key.Name + ": " + ConfigText.Quote(value) + " is reserved for the node's own topic <node.topic>/" + value
                    + " (choose another name, e.g. kitchen)";
            }

            return null;
        }

        private static string CheckHostList(ConfigKey key, string value, out string canonical)
        {
            canonical = "";
            string quoted = key.Name + ": " + ConfigText.Quote(value);
            if (ConfigText.TrimBlanks(value).Length == 0)
            {
                return null;
            }

            int entries = 1;
            for (int i = 0; i < value.Length; i++)
            {
                entries += value[i] == ',' ? 1 : 0;
            }

            if (entries > MaxHosts)
            {
                return quoted + " has " + entries.ToString() + " entries (at most " + MaxHosts.ToString() + ")";
            }

            int count = 0;
            int start = 0;
            while (start <= value.Length)
            {
                int comma = ConfigText.IndexOf(value, ',', start);
                int end = comma < 0 ? value.Length : comma;
                string entry = ConfigText.TrimBlanks(value.Substring(start, end - start));
                count++;

                string problem = CheckHostEntry(key, entry, out string canonicalEntry);
                if (problem != null)
                {
                    return quoted + problem;
                }

                canonical += (count == 1 ? "" : ",") + canonicalEntry;
                start = end + 1;
            }

            return null;
        }

        /// <summary>Null when <paramref name="entry"/> is a valid <c>host</c> or <c>host:port</c>, else the end of the message.</summary>
        private static string CheckHostEntry(ConfigKey key, string entry, out string canonical)
        {
            canonical = entry;
            if (entry.Length == 0)
            {
                return " has an empty entry (write host or host:port, separated by commas)";
            }

            int colon = ConfigText.LastIndexOf(entry, ':');
            string host = colon < 0 ? entry : entry.Substring(0, colon);
            if (host.Length == 0)
            {
                return " has an entry without a host, " + ConfigText.Quote(entry) + " (write host or host:port)";
            }

            if (host.Length > MaxHostLength)
            {
                return " has a host of " + host.Length.ToString() + " characters (at most " + MaxHostLength.ToString() + ")";
            }

            for (int i = 0; i < host.Length; i++)
            {
                if (!ConfigText.IsAllowed(host[i], HostChars))
                {
                    return " has " + ConfigText.QuoteCharAt(host, i) + " in host " + ConfigText.Quote(host)
                        + " (use letters, digits, . and -)";
                }
            }

            if (colon < 0)
            {
                return null;
            }

            string port = entry.Substring(colon + 1);
            long number;
            if (!ConfigText.TryParseWhole(port, out number))
            {
                return " has port " + ConfigText.Quote(port) + ", not a whole number (1..65535)";
            }

            if (number < 1 || number > 65535)
            {
                return " has port " + port + ", out of range (1..65535)";
            }

            canonical = host + ":" + ((int)number).ToString();
            return null;
        }
    }
}
