using Capteur.Node.Text;

namespace Capteur.Node.Mqtt
{
    /// <summary>
    /// Home Assistant MQTT discovery: one retained config message per sensor, so Home Assistant creates the entities
    /// by itself. A temperature becomes a <c>sensor</c> (device class temperature, state class measurement); a contact
    /// or PIR, whose readings are 1 or 0, a <c>binary_sensor</c> (device class opening). Both read the JSON payload's
    /// value (or the plain payload) and take their availability from the node's status topic. Field names as Home
    /// Assistant's MQTT sensor and binary sensor pages give them.
    /// </summary>
    public static class HomeAssistantDiscovery
    {
        /// <summary>Home Assistant's default discovery prefix.</summary>
        public const string Prefix = "homeassistant";

        /// <summary>Manufacturer shown on the device page.</summary>
        public const string Manufacturer = "Capteur";

        /// <summary>The node's id in Home Assistant: its base topic with <c>/</c> as <c>_</c> (<c>maison/salon</c> is <c>maison_salon</c>).</summary>
        public static string NodeId(string baseTopic)
        {
            char[] id = baseTopic.ToCharArray();
            for (int i = 0; i < id.Length; i++)
            {
                char c = id[i];
                bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
                if (!plain)
                {
                    id[i] = '_';
                }
            }

            return new string(id);
        }

        /// <summary>True for a sensor announced as a binary sensor (a contact or PIR: no unit).</summary>
        public static bool IsBinary(string unit)
        {
            return unit.Length == 0;
        }

        /// <summary><c>homeassistant/&lt;sensor|binary_sensor&gt;/&lt;node id&gt;_&lt;sensor&gt;/config</c>.</summary>
        public static string ConfigTopic(string baseTopic, string sensor, string unit)
        {
            return Prefix + "/" + (IsBinary(unit) ? "binary_sensor" : "sensor") + "/" + NodeId(baseTopic) + "_" + sensor + "/config";
        }

        /// <summary>The config message of one sensor.</summary>
        /// <param name="baseTopic">The node's base topic.</param>
        /// <param name="sensor">The sensor's name (its topic level).</param>
        /// <param name="unit">Its unit (<c>°C</c>), empty for a contact or PIR.</param>
        /// <param name="json">True when readings are JSON (else the number alone).</param>
        /// <param name="version">Firmware version, shown on the device page.</param>
        public static string ConfigPayload(string baseTopic, string sensor, string unit, bool json, string version)
        {
            string nodeId = NodeId(baseTopic);
            JsonWriter writer = new JsonWriter();
            writer.BeginObject()
                .Property("name", sensor)
                .Property("unique_id", "capteur_" + nodeId + "_" + sensor)
                .Property("state_topic", MqttTopics.Reading(baseTopic, sensor))
                .Property("availability_topic", MqttTopics.Status(baseTopic))
                .Property("payload_available", MqttTopics.Online)
                .Property("payload_not_available", MqttTopics.Offline);
            if (IsBinary(unit))
            {
                writer.Property("value_template", json ? "{{ 'ON' if value_json.value == 1 else 'OFF' }}" : "{{ 'ON' if value | int == 1 else 'OFF' }}")
                    .Property("payload_on", "ON")
                    .Property("payload_off", "OFF")
                    .Property("device_class", "opening");
            }
            else
            {
                writer.Property("value_template", json ? "{{ value_json.value }}" : "{{ value }}")
                    .Property("unit_of_measurement", unit)
                    .Property("device_class", "temperature")
                    .Property("state_class", "measurement");
            }

            writer.BeginObject("device")
                .BeginArray("identifiers").Value("capteur_" + nodeId).EndArray()
                .Property("name", baseTopic)
                .Property("manufacturer", Manufacturer)
                .Property("model", "Capteur node")
                .Property("sw_version", version)
                .EndObject()
                .EndObject();
            return writer.ToString();
        }
    }
}
