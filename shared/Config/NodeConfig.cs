using System;
using System.Collections;

namespace Capteur.Node.Config
{
    /// <summary>
    /// The value of every key of <see cref="ConfigSchema"/>, as canonical text (ints without leading zeros, booleans
    /// as true/false, choices in lower case). Every change goes through <see cref="TrySet"/>, so each value is always
    /// one its key allows; <see cref="Validate"/> adds the checks that involve several keys.
    /// </summary>
    public sealed class NodeConfig
    {
        /// <summary>What <see cref="Display"/> shows instead of a secret that is set.</summary>
        public const string Mask = "****";

        private readonly string[] _values;

        // Line of the config file whose value for the key was refused (0: none). Such a key still holds its previous
        // value (the default on a fresh load), and Validate() reports it until it is set again, so a save can never
        // write that stand-in value over what the user had in the file.
        private readonly int[] _rejectedLines;

        private NodeConfig(string[] values, int[] rejectedLines)
        {
            _values = values;
            _rejectedLines = rejectedLines;
        }

        /// <summary>A config holding every key's default (what a node with no config file runs with).</summary>
        public static NodeConfig CreateDefault()
        {
            ConfigKey[] keys = ConfigSchema.Keys;
            string[] values = new string[keys.Length];
            for (int i = 0; i < keys.Length; i++)
            {
                values[i] = keys[i].DefaultValue;
            }

            return new NodeConfig(values, new int[keys.Length]);
        }

        /// <summary>The value of <paramref name="key"/> as text. Throws <see cref="ArgumentException"/> for an unknown key.</summary>
        public string Get(string key)
        {
            return _values[IndexOrThrow(key)];
        }

        /// <summary>The value of an Int key. Throws <see cref="ArgumentException"/> for an unknown or non-Int key.</summary>
        public int GetInt(string key)
        {
            int index = IndexOrThrow(key);
            if (ConfigSchema.Keys[index].Type != ConfigKeyType.Int)
            {
                throw new ArgumentException(key + " is not a number key");
            }

            long value;
            ConfigText.TryParseWhole(_values[index], out value);
            return (int)value;
        }

        /// <summary>The value of a Bool key. Throws <see cref="ArgumentException"/> for an unknown or non-Bool key.</summary>
        public bool GetBool(string key)
        {
            int index = IndexOrThrow(key);
            if (ConfigSchema.Keys[index].Type != ConfigKeyType.Bool)
            {
                throw new ArgumentException(key + " is not a boolean key");
            }

            return _values[index] == "true";
        }

        /// <summary>
        /// Sets <paramref name="key"/> to <paramref name="value"/> (as typed: no trimming) when its key allows it, and
        /// returns null; otherwise leaves the config unchanged and returns the message, e.g.
        /// <c>mqtt.port: 70000 is out of range (1..65535)</c>.
        /// </summary>
        public string TrySet(string key, string value)
        {
            int index = ConfigSchema.IndexOf(key);
            if (index < 0)
            {
                return ConfigSchema.UnknownKeyMessage(key == null ? "" : key);
            }

            string canonical;
            string problem = ConfigValueChecker.Check(ConfigSchema.Keys[index], value, out canonical);
            if (problem != null)
            {
                return problem;
            }

            _values[index] = canonical;
            _rejectedLines[index] = 0;
            return null;
        }

        /// <summary>Puts <paramref name="key"/> back to its default. Throws <see cref="ArgumentException"/> for an unknown key.</summary>
        public void Reset(string key)
        {
            int index = IndexOrThrow(key);
            _values[index] = ConfigSchema.Keys[index].DefaultValue;
            _rejectedLines[index] = 0;
        }

        /// <summary>True when <paramref name="key"/> holds its default value.</summary>
        public bool IsDefault(string key)
        {
            int index = IndexOrThrow(key);
            return _values[index] == ConfigSchema.Keys[index].DefaultValue;
        }

        /// <summary>
        /// The value as <c>show</c> prints it: a secret that is set reads <see cref="Mask"/>, an empty secret reads
        /// empty (so the user sees whether one is set), any other key its value.
        /// </summary>
        public string Display(string key)
        {
            int index = IndexOrThrow(key);
            if (ConfigSchema.Keys[index].Secret && _values[index].Length > 0)
            {
                return Mask;
            }

            return _values[index];
        }

        /// <summary>
        /// The problems that involve several keys or a refused file line, one message each, empty when the config can
        /// be saved and run: keys refused while loading, <c>mqtt.host</c> not set, a used sensor slot without name or
        /// pin, two used slots with the same name or the same pin.
        /// </summary>
        public string[] Validate()
        {
            ArrayList problems = new ArrayList();
            ConfigKey[] keys = ConfigSchema.Keys;
            for (int i = 0; i < keys.Length; i++)
            {
                if (_rejectedLines[i] > 0)
                {
                    problems.Add(keys[i].Name + ": line " + _rejectedLines[i].ToString()
                        + " of the config file was refused, so the key holds a stand-in (set " + keys[i].Name + " again)");
                }
            }

            ConfigCrossChecker.Check(this, problems);
            string[] result = new string[problems.Count];
            for (int i = 0; i < result.Length; i++)
            {
                result[i] = (string)problems[i];
            }

            return result;
        }

        /// <summary>An independent copy (values and refused-line marks).</summary>
        public NodeConfig Clone()
        {
            string[] values = new string[_values.Length];
            int[] rejected = new int[_rejectedLines.Length];
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = _values[i];
                rejected[i] = _rejectedLines[i];
            }

            return new NodeConfig(values, rejected);
        }

        /// <summary>True when <paramref name="other"/> holds the same value for every key and the same refused-line marks.</summary>
        public bool ContentEquals(NodeConfig other)
        {
            if (other == null)
            {
                return false;
            }

            for (int i = 0; i < _values.Length; i++)
            {
                if (_values[i] != other._values[i] || _rejectedLines[i] != other._rejectedLines[i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The used sensor slots (kind not <c>none</c>), in slot order.</summary>
        public SensorSettings[] Sensors
        {
            get
            {
                int used = 0;
                for (int slot = 1; slot <= ConfigSchema.SensorSlots; slot++)
                {
                    used += IsSlotUsed(slot) ? 1 : 0;
                }

                SensorSettings[] sensors = new SensorSettings[used];
                int at = 0;
                for (int slot = 1; slot <= ConfigSchema.SensorSlots; slot++)
                {
                    if (!IsSlotUsed(slot))
                    {
                        continue;
                    }

                    SensorSettings sensor = new SensorSettings();
                    sensor.Slot = slot;
                    sensor.Kind = Get(ConfigSchema.SensorKey(slot, "kind"));
                    sensor.Name = Get(ConfigSchema.SensorKey(slot, "name"));
                    sensor.Pin = GetInt(ConfigSchema.SensorKey(slot, "pin"));
                    sensor.IntervalMs = GetInt(ConfigSchema.SensorKey(slot, "interval_ms"));
                    sensor.Oversample = GetInt(ConfigSchema.SensorKey(slot, "oversample"));
                    sensor.Decimals = GetInt(ConfigSchema.SensorKey(slot, "decimals"));
                    sensor.Filters = Get(ConfigSchema.SensorKey(slot, "filters"));
                    sensor.Calibration = Get(ConfigSchema.SensorKey(slot, "cal"));
                    sensor.DebounceMs = GetInt(ConfigSchema.SensorKey(slot, "debounce_ms"));
                    sensors[at++] = sensor;
                }

                return sensors;
            }
        }

        /// <summary>The brokers of <c>mqtt.host</c> in order, each with its port (its own, else <c>mqtt.port</c>); empty when not set.</summary>
        public MqttHostEntry[] MqttHosts
        {
            get
            {
                string list = Get("mqtt.host");
                if (list.Length == 0)
                {
                    return new MqttHostEntry[0];
                }

                int defaultPort = GetInt("mqtt.port");
                int count = 1;
                for (int i = 0; i < list.Length; i++)
                {
                    count += list[i] == ',' ? 1 : 0;
                }

                // The stored list is canonical (TrySet): entries without blanks, ports as plain numbers.
                MqttHostEntry[] hosts = new MqttHostEntry[count];
                int start = 0;
                for (int n = 0; n < count; n++)
                {
                    int comma = ConfigText.IndexOf(list, ',', start);
                    int end = comma < 0 ? list.Length : comma;
                    string entry = list.Substring(start, end - start);
                    int colon = ConfigText.LastIndexOf(entry, ':');
                    int port = defaultPort;
                    if (colon >= 0)
                    {
                        long parsed;
                        ConfigText.TryParseWhole(entry.Substring(colon + 1), out parsed);
                        port = (int)parsed;
                        entry = entry.Substring(0, colon);
                    }

                    hosts[n] = new MqttHostEntry(entry, port);
                    start = end + 1;
                }

                return hosts;
            }
        }

        /// <summary>True when sensor slot <paramref name="slot"/> has a kind other than <c>none</c>.</summary>
        public bool IsSlotUsed(int slot)
        {
            return Get(ConfigSchema.SensorKey(slot, "kind")) != ConfigSchema.KindNone;
        }

        /// <summary>Records that line <paramref name="line"/> of the file held a refused value for the key at <paramref name="index"/>.</summary>
        internal void MarkRejected(int index, int line)
        {
            _rejectedLines[index] = line;
        }

        private static int IndexOrThrow(string key)
        {
            int index = ConfigSchema.IndexOf(key);
            if (index < 0)
            {
                throw new ArgumentException("unknown config key: " + key);
            }

            return index;
        }
    }
}
