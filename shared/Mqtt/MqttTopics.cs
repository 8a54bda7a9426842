namespace Capteur.Node.Mqtt
{
    /// <summary>
    /// The topics a node publishes on, all under its base topic (config key <c>node.topic</c>, checked with
    /// <see cref="TopicValidator.CheckBase"/>): readings on <c>&lt;base&gt;/&lt;sensor&gt;</c>; availability on
    /// <c>&lt;base&gt;/status</c>, retained, <see cref="Online"/> once connected and <see cref="Offline"/> as the last
    /// will (the broker publishes it when the node vanishes); node info on <c>&lt;base&gt;/info</c>.
    /// </summary>
    public static class MqttTopics
    {
        /// <summary>Last level of the availability topic; no sensor may be named so.</summary>
        public const string StatusLevel = "status";

        /// <summary>Last level of the node info topic; no sensor may be named so.</summary>
        public const string InfoLevel = "info";

        /// <summary>Retained availability payload published after each connection.</summary>
        public const string Online = "online";

        /// <summary>Retained availability payload of the last will, and of a clean disconnect.</summary>
        public const string Offline = "offline";

        /// <summary>Topic of a sensor's readings: <c>&lt;base&gt;/&lt;sensor&gt;</c>.</summary>
        public static string Reading(string baseTopic, string sensorName)
        {
            return baseTopic + "/" + sensorName;
        }

        /// <summary>Availability topic: <c>&lt;base&gt;/status</c>.</summary>
        public static string Status(string baseTopic)
        {
            return baseTopic + "/" + StatusLevel;
        }

        /// <summary>Node info topic: <c>&lt;base&gt;/info</c>.</summary>
        public static string Info(string baseTopic)
        {
            return baseTopic + "/" + InfoLevel;
        }
    }
}
