using Capteur.Node.Text;

namespace Capteur.Node.Config
{
    /// <summary>
    /// The table of every config key: name, type, default, allowed values, secrecy, help. The order of
    /// <see cref="Keys"/> is the order of <c>show</c>, <c>help</c> and the config file.
    /// </summary>
    public static class ConfigSchema
    {
        /// <summary>Number of sensor slots: keys <c>sensor1.*</c> .. <c>sensor4.*</c>.</summary>
        public const int SensorSlots = 4;

        /// <summary>Value of <c>sensorN.kind</c> for an unused slot.</summary>
        public const string KindNone = "none";

        /// <summary>Value of <c>sensorN.pin</c> when no pin is set.</summary>
        public const int PinUnset = -1;

        private static readonly ConfigKey[] _keys = Build();

        /// <summary>Every key, in display order. Shared: do not modify the array.</summary>
        public static ConfigKey[] Keys
        {
            get { return _keys; }
        }

        /// <summary>The key named <paramref name="name"/> (case-insensitive), or null when there is none.</summary>
        public static ConfigKey Find(string name)
        {
            int index = IndexOf(name);
            return index < 0 ? null : _keys[index];
        }

        /// <summary>The name of field <paramref name="field"/> of sensor slot <paramref name="slot"/>, e.g. <c>sensor2.pin</c>.</summary>
        public static string SensorKey(int slot, string field)
        {
            return "sensor" + slot.ToString() + "." + field;
        }

        /// <summary>
        /// The message for a name that is no key: <c>foo.bar: unknown key (see 'help' for the list)</c>, followed by
        /// <c>; did you mean mqtt.port?</c> when a key is one or two typos away.
        /// </summary>
        public static string UnknownKeyMessage(string name)
        {
            string message = name + ": unknown key (see 'help' for the list)";
            string nearest = null;
            int best = 3;
            string lower = name.ToLower();
            for (int i = 0; i < _keys.Length; i++)
            {
                int distance = EditDistance.Bounded(lower, _keys[i].Name, best);
                if (distance < best)
                {
                    best = distance;
                    nearest = _keys[i].Name;
                }
            }

            return nearest == null ? message : message + "; did you mean " + nearest + "?";
        }

        /// <summary>Position of the key in <see cref="Keys"/>, or -1.</summary>
        internal static int IndexOf(string name)
        {
            if (name == null)
            {
                return -1;
            }

            string lower = name.ToLower();
            for (int i = 0; i < _keys.Length; i++)
            {
                if (_keys[i].Name == lower)
                {
                    return i;
                }
            }

            return -1;
        }


        private static ConfigKey[] Build()
        {
            ConfigKey[] node = new ConfigKey[]
            {
                ConfigKey.Text("wifi.ssid", "", 32, "Wi-Fi network name, up to 32 characters, e.g. wifi.ssid=MyHome"),
                ConfigKey.Hidden("wifi.password", 8, 63, "an open network",
                    "Wi-Fi password, 8..63 characters (WPA2), or empty for an open network"),
                ConfigKey.Plain("mqtt.host", ConfigKeyType.HostList,
                    "MQTT broker: host or host:port, up to 4 separated by commas, tried in order, e.g. 192.168.1.10,backup.lan:1884"),
                ConfigKey.Number("mqtt.port", 1883, 1, 65535,
                    "Broker TCP port for mqtt.host entries without their own, e.g. 1883 (plain) or 8883 (TLS)"),
                ConfigKey.Text("mqtt.user", "", 64, "MQTT user name, empty for none"),
                ConfigKey.Hidden("mqtt.password", 0, 64, null, "MQTT password, empty for none"),
                ConfigKey.Flag("mqtt.tls", false, "true to connect to the broker over TLS"),
                ConfigKey.Restricted("mqtt.client_id", ConfigKeyType.String, 23, "0-9 a-z A-Z - _",
                    "MQTT client id, up to 23 of 0-9 a-z A-Z - _; empty: the node derives one"),
                ConfigKey.Number("mqtt.keepalive_s", 60, 5, 3600,
                    "MQTT keep-alive in seconds (5..3600): the broker drops the node after 1.5 times this without traffic"),
                ConfigKey.Topic("node.topic", "capteur/node", 200,
                    "Base topic; readings go to <node.topic>/<sensor name>, e.g. capteur/kitchen"),
                ConfigKey.Choice("node.board", BoardProfiles.Names(),
                    "Board model (decides which pins exist): esp32-devkitc, esp32-wrover, esp32-s3-devkitc-1 or esp32-c3-devkitm-1"),
                ConfigKey.NumberOr("node.info_s", 60, 0, "off", 10, 86400,
                    "Seconds between status messages (uptime, RSSI, outbox), 10..86400, or 0 for none"),
                ConfigKey.NumberOr("node.reboot_timeout_s", 900, 0, "off", 60, 86400,
                    "Seconds without the broker before the node reboots (60..86400), or 0 for never (ESPHome's reboot_timeout)"),
                ConfigKey.Choice("publish.format", new string[] { "json", "plain" },
                    "Reading payload: json ({\"value\":21.52,\"unit\":...}) or plain (the number alone, e.g. 21.52)"),
                ConfigKey.Flag("publish.retain", false, "true to publish readings retained (the broker keeps the last one)"),
                ConfigKey.Flag("homeassistant.discovery", true,
                    "true to announce the sensors to Home Assistant (retained homeassistant/.../config messages)"),
                ConfigKey.Number("outbox.capacity", 1000, 10, 100000,
                    "Readings kept while the broker is unreachable (10..100000); the oldest are dropped beyond"),
                ConfigKey.Number("outbox.checkpoint_s", 60, 0, 3600,
                    "Seconds between saves of unsent readings to flash (0..3600); 0 saves after every reading (wears the flash)"),
                ConfigKey.NumberOr("console.rx_pin", PinUnset, PinUnset, "the board's default", 0, 48,
                    "Serial console (COM2) RX GPIO, wired to the USB-TTL adapter's TX; -1 for the board's own, e.g. 16 on esp32-devkitc"),
                ConfigKey.NumberOr("console.tx_pin", PinUnset, PinUnset, "the board's default", 0, 48,
                    "Serial console (COM2) TX GPIO, wired to the USB-TTL adapter's RX; -1 for the board's own, e.g. 17 on esp32-devkitc"),
            };

            ConfigKey[] keys = new ConfigKey[node.Length + SensorSlots * 9];
            for (int i = 0; i < node.Length; i++)
            {
                keys[i] = node[i];
            }

            int at = node.Length;
            for (int slot = 1; slot <= SensorSlots; slot++)
            {
                string n = slot.ToString();
                keys[at++] = ConfigKey.Choice(SensorKey(slot, "kind"), new string[] { KindNone, "tmp36", "lm35", "digital" },
                    "Sensor " + n + " type: none (slot unused), tmp36 or lm35 (analog temperature), digital (contact, PIR)").InSlot(slot);
                keys[at++] = ConfigKey.Restricted(SensorKey(slot, "name"), ConfigKeyType.TopicLevel, 32, "a-z 0-9 _ -",
                    "Sensor " + n + " name, the last topic level: up to 32 of a-z 0-9 _ -, e.g. kitchen").InSlot(slot);
                keys[at++] = ConfigKey.NumberOr(SensorKey(slot, "pin"), PinUnset, PinUnset, "unset", 0, 48,
                    "Sensor " + n + " GPIO number, e.g. 34 (analog kinds need an ADC1 pin), -1 when unset").InSlot(slot);
                keys[at++] = ConfigKey.Number(SensorKey(slot, "interval_ms"), 10000, 100, 86400000,
                    "Sensor " + n + " milliseconds between readings (100..86400000), e.g. 10000 for every 10 s").InSlot(slot);
                keys[at++] = ConfigKey.Number(SensorKey(slot, "oversample"), 8, 1, 64,
                    "Sensor " + n + " analog kinds: raw ADC samples averaged per reading (1..64)").InSlot(slot);
                keys[at++] = ConfigKey.Number(SensorKey(slot, "decimals"), 2, 0, 4,
                    "Sensor " + n + " digits after the decimal point in the published value (0..4)").InSlot(slot);
                keys[at++] = ConfigKey.Plain(SensorKey(slot, "filters"), ConfigKeyType.FilterChain,
                    "Sensor " + n + " filters applied in order, e.g. median(5), empty for none").InSlot(slot);
                keys[at++] = ConfigKey.Plain(SensorKey(slot, "cal"), ConfigKeyType.Calibration,
                    "Sensor " + n + " two-point calibration of the converted value, empty for none").InSlot(slot);
                keys[at++] = ConfigKey.Number(SensorKey(slot, "debounce_ms"), 50, 0, 10000,
                    "Sensor " + n + " digital kind: milliseconds a level must hold before it counts (0..10000)").InSlot(slot);
            }

            return keys;
        }
    }
}
