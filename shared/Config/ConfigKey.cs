namespace Capteur.Node.Config
{
    /// <summary>
    /// One row of the key table: a key's name, type, default (as text), allowed values, secrecy and help. Rows are
    /// built once by <see cref="ConfigSchema"/> and never change.
    /// </summary>
    public sealed class ConfigKey
    {
        private ConfigKey(string name, ConfigKeyType type, string defaultValue, string help)
        {
            Name = name;
            Type = type;
            DefaultValue = defaultValue;
            Help = help;
        }

        /// <summary>The key as typed in <c>set</c> and in the file, e.g. <c>mqtt.port</c>.</summary>
        public string Name { get; private set; }

        /// <summary>How values of this key are checked.</summary>
        public ConfigKeyType Type { get; private set; }

        /// <summary>The value of a fresh node, in canonical text form.</summary>
        public string DefaultValue { get; private set; }

        /// <summary>One line for the user: meaning, unit, example.</summary>
        public string Help { get; private set; }

        /// <summary>True for passwords: the value is never shown, logged or echoed in a message.</summary>
        public bool Secret { get; private set; }

        /// <summary>Sensor slot (1..<see cref="ConfigSchema.SensorSlots"/>) of a <c>sensorN.*</c> key, 0 for node-wide keys.</summary>
        public int Slot { get; private set; }

        /// <summary>Smallest allowed number (Int keys).</summary>
        public int Min { get; private set; }

        /// <summary>Largest allowed number (Int keys).</summary>
        public int Max { get; private set; }

        /// <summary>True when <see cref="SpecialValue"/> is allowed outside <see cref="Min"/>..<see cref="Max"/> (Int keys).</summary>
        public bool HasSpecialValue { get; private set; }

        /// <summary>The one number allowed outside the range, e.g. 0 (off) or -1 (unset) (Int keys).</summary>
        public int SpecialValue { get; private set; }

        /// <summary>What <see cref="SpecialValue"/> means, e.g. <c>off</c> (Int keys).</summary>
        public string SpecialMeaning { get; private set; }

        /// <summary>Fewest characters of a non-empty value (String, Topic, TopicLevel keys).</summary>
        public int MinLength { get; private set; }

        /// <summary>Most characters (String, Topic, TopicLevel keys).</summary>
        public int MaxLength { get; private set; }

        /// <summary>What an empty value means when it is allowed below <see cref="MinLength"/>, else null.</summary>
        public string EmptyMeaning { get; private set; }

        /// <summary>
        /// Allowed characters as space-separated ranges and single characters, e.g. <c>0-9 a-z A-Z - _</c>, or null
        /// for any character.
        /// </summary>
        public string AllowedChars { get; private set; }

        /// <summary>The allowed names (Choice keys), else null.</summary>
        public string[] Choices { get; private set; }

        /// <summary>
        /// The allowed values in the words messages use, e.g. <c>1..65535</c>, <c>0 for off, or 10..86400</c>,
        /// <c>json, plain</c>, <c>at most 32</c> (characters).
        /// </summary>
        public string AllowedText
        {
            get
            {
                switch (Type)
                {
                    case ConfigKeyType.Int:
                        return IntRangeText;
                    case ConfigKeyType.Bool:
                        return "true or false";
                    case ConfigKeyType.Choice:
                        return ChoicesText;
                    case ConfigKeyType.HostList:
                        return "host or host:port, 1..4 separated by commas";
                    case ConfigKeyType.FilterChain:
                        return "a filter chain, or empty for none";
                    case ConfigKeyType.Calibration:
                        return "a two-point calibration, or empty for none";
                    default:
                        return LengthText;
                }
            }
        }

        /// <summary><c>Min..Max</c>, preceded by the special value when there is one.</summary>
        internal string IntRangeText
        {
            get
            {
                string range = Min.ToString() + ".." + Max.ToString();
                return HasSpecialValue ? SpecialValue.ToString() + " for " + SpecialMeaning + ", or " + range : range;
            }
        }

        /// <summary>The choices separated by commas.</summary>
        internal string ChoicesText
        {
            get
            {
                string text = "";
                for (int i = 0; i < Choices.Length; i++)
                {
                    text += (i == 0 ? "" : ", ") + Choices[i];
                }

                return text;
            }
        }

        /// <summary>The allowed number of characters: <c>at most 32</c>, <c>1..200</c>, <c>8..63, or empty for ...</c>.</summary>
        internal string LengthText
        {
            get
            {
                if (MinLength == 0 || (MinLength == 1 && EmptyMeaning != null))
                {
                    return "at most " + MaxLength.ToString();
                }

                string range = MinLength.ToString() + ".." + MaxLength.ToString();
                return EmptyMeaning == null ? range : range + ", or empty for " + EmptyMeaning;
            }
        }

        internal static ConfigKey Text(string name, string defaultValue, int maxLength, string help)
        {
            ConfigKey key = new ConfigKey(name, ConfigKeyType.String, defaultValue, help);
            key.MaxLength = maxLength;
            return key;
        }

        internal static ConfigKey Hidden(string name, int minLength, int maxLength, string emptyMeaning, string help)
        {
            ConfigKey key = new ConfigKey(name, ConfigKeyType.String, "", help);
            key.Secret = true;
            key.MinLength = minLength;
            key.MaxLength = maxLength;
            key.EmptyMeaning = emptyMeaning;
            return key;
        }

        internal static ConfigKey Restricted(string name, ConfigKeyType type, int maxLength, string allowedChars, string help)
        {
            ConfigKey key = new ConfigKey(name, type, "", help);
            key.MaxLength = maxLength;
            key.AllowedChars = allowedChars;
            if (type == ConfigKeyType.TopicLevel)
            {
                key.MinLength = 1;
                key.EmptyMeaning = "an unused slot";
            }

            return key;
        }

        internal static ConfigKey Topic(string name, string defaultValue, int maxLength, string help)
        {
            ConfigKey key = new ConfigKey(name, ConfigKeyType.Topic, defaultValue, help);
            key.MinLength = 1;
            key.MaxLength = maxLength;
            return key;
        }

        internal static ConfigKey Number(string name, int defaultValue, int min, int max, string help)
        {
            ConfigKey key = new ConfigKey(name, ConfigKeyType.Int, defaultValue.ToString(), help);
            key.Min = min;
            key.Max = max;
            return key;
        }

        internal static ConfigKey NumberOr(string name, int defaultValue, int special, string meaning, int min, int max, string help)
        {
            ConfigKey key = Number(name, defaultValue, min, max, help);
            key.HasSpecialValue = true;
            key.SpecialValue = special;
            key.SpecialMeaning = meaning;
            return key;
        }

        internal static ConfigKey Flag(string name, bool defaultValue, string help)
        {
            return new ConfigKey(name, ConfigKeyType.Bool, defaultValue ? "true" : "false", help);
        }

        internal static ConfigKey Choice(string name, string[] choices, string help)
        {
            ConfigKey key = new ConfigKey(name, ConfigKeyType.Choice, choices[0], help);
            key.Choices = choices;
            return key;
        }

        internal static ConfigKey Plain(string name, ConfigKeyType type, string help)
        {
            return new ConfigKey(name, type, "", help);
        }

        internal ConfigKey InSlot(int slot)
        {
            Slot = slot;
            return this;
        }
    }
}
