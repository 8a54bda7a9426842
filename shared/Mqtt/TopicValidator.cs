using System.Text;
using Capteur.Node.Text;

namespace Capteur.Node.Mqtt
{
    /// <summary>
    /// Checks topics against MQTT 3.1.1 (sections 1.5.3 and 4.7). Each check returns null when the text is fine,
    /// else a message that quotes the value (JSON-escaped), states the rule and the fix, without a key prefix: the
    /// caller adds it, e.g. <c>node.topic: "/home" starts with '/': ...</c>.
    /// </summary>
    public static class TopicValidator
    {
        /// <summary>Longest topic in UTF-8 bytes (MQTT 3.1.1 section 1.5.3: a two-byte length prefix).</summary>
        public const int MaxTopicBytes = 65535;

        private const int QuotedPrefixChars = 20;

        /// <summary>Null when <paramref name="topic"/> can be published on; else why not and how to fix it.</summary>
        public static string CheckPublish(string topic)
        {
            return CheckText(topic, "a publish topic", "capteur/kitchen/temperature");
        }

        /// <summary>
        /// Null when <paramref name="baseTopic"/> can prefix the node's topics: a valid publish topic, no leading or
        /// trailing '/', no empty level, not starting with '$'.
        /// </summary>
        public static string CheckBase(string baseTopic)
        {
            string problem = CheckText(baseTopic, "a base topic", "capteur/kitchen");
            if (problem != null)
            {
                return problem;
            }

            // Positions come from ToCharArray: on nanoFramework IndexOf and the indexer go wrong after a surrogate pair.
            char[] chars = baseTopic.ToCharArray();
            string quoted = JsonEscape.Quote(baseTopic);
            if (chars[0] == '$')
            {
                return quoted + " starts with '$': topics starting with '$' are reserved for the broker (MQTT 3.1.1 section 4.7.2); remove the '$'";
            }

            string rule = ": a base topic has no leading or trailing '/' and no empty level; " + Suggestion(baseTopic);
            if (chars[0] == '/')
            {
                return quoted + " starts with '/'" + rule;
            }

            if (chars[chars.Length - 1] == '/')
            {
                return quoted + " ends with '/'" + rule;
            }

            for (int i = 1; i < chars.Length; i++)
            {
                if (chars[i] == '/' && chars[i - 1] == '/')
                {
                    return quoted + " has an empty level (\"//\")" + rule;
                }
            }

            return null;
        }

        /// <summary>
        /// Null when <paramref name="sensorName"/> can be the last level of a reading topic: one level (no '/'), no
        /// wildcard, not <c>status</c> nor <c>info</c> (the node's own topics).
        /// </summary>
        public static string CheckLevel(string sensorName)
        {
            string problem = CheckText(sensorName, "a sensor name", "temperature");
            if (problem != null)
            {
                return problem;
            }

            char[] chars = sensorName.ToCharArray();
            for (int i = 0; i < chars.Length; i++)
            {
                if (chars[i] == '/')
                {
                    return JsonEscape.Quote(sensorName) + " contains '/' at index " + i
                        + ": a sensor name is a single topic level; use '-' or '_' instead";
                }
            }

            if (sensorName == MqttTopics.StatusLevel)
            {
                return JsonEscape.Quote(sensorName) + " is reserved for the node's availability topic <base>/status; choose another sensor name";
            }

            if (sensorName == MqttTopics.InfoLevel)
            {
                return JsonEscape.Quote(sensorName) + " is reserved for the node info topic <base>/info; choose another sensor name";
            }

            return null;
        }

        private static string CheckText(string text, string what, string example)
        {
            if (text == null)
            {
                return what + " is missing: set one, e.g. " + example;
            }

            if (text.Length == 0)
            {
                return "\"\" is empty: " + what + " needs at least one character, e.g. " + example;
            }

            int bytes = Utf8Counter.ByteCount(text);
            if (bytes > MaxTopicBytes)
            {
                string start = JsonEscape.Quote(text.Substring(0, QuotedPrefixChars));
                return start.Substring(0, start.Length - 1) + "...\" is " + bytes + " UTF-8 bytes long: " + what
                    + " holds at most " + MaxTopicBytes + " (MQTT 3.1.1 section 1.5.3); shorten it";
            }

            // ToCharArray, not the indexer: on nanoFramework text[i] at the low half of a surrogate pair returns the
            // high half again, and IndexOf misses characters after a pair (measured on the nanoCLR); ToCharArray
            // gives the UTF-16 units that .NET gives.
            char[] chars = text.ToCharArray();
            for (int i = 0; i < chars.Length; i++)
            {
                char c = chars[i];
                if (c == '+' || c == '#')
                {
                    return JsonEscape.Quote(text) + " contains the wildcard '" + c + "' at index " + i + ": " + what
                        + " cannot contain '+' or '#' (MQTT 3.1.1 section 4.7.1); remove it";
                }

                if (c == '\0')
                {
                    return JsonEscape.Quote(text) + " contains the null character U+0000 at index " + i + ": " + what
                        + " cannot contain it (MQTT 3.1.1 section 1.5.3); remove it";
                }

                if (c >= 0xD800 && c <= 0xDFFF)
                {
                    bool pairStart = c <= 0xDBFF && i + 1 < chars.Length && chars[i + 1] >= 0xDC00 && chars[i + 1] <= 0xDFFF;
                    if (!pairStart)
                    {
                        return JsonEscape.Quote(text) + " contains an unpaired surrogate at index " + i
                            + ", which is not valid UTF-8 (MQTT 3.1.1 section 1.5.3); remove it";
                    }

                    i++;
                }
            }

            return null;
        }

        /// <summary>The fix for a base topic with stray '/': the same levels without the empty ones.</summary>
        private static string Suggestion(string baseTopic)
        {
            // Whole levels are appended, never single chars, which would split surrogate pairs on nanoFramework.
            string[] levels = baseTopic.Split('/');
            StringBuilder fixedTopic = new StringBuilder(baseTopic.Length);
            for (int i = 0; i < levels.Length; i++)
            {
                if (levels[i].Length == 0)
                {
                    continue;
                }

                if (fixedTopic.Length > 0)
                {
                    fixedTopic.Append('/');
                }

                fixedTopic.Append(levels[i]);
            }

            if (fixedTopic.Length == 0)
            {
                return "write levels between the '/', e.g. capteur/kitchen";
            }

            return "write " + JsonEscape.Quote(fixedTopic.ToString());
        }
    }
}
