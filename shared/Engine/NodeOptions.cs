namespace Capteur.Node.Engine
{
    /// <summary>The node engine's settings, taken from the node's config.</summary>
    public sealed class NodeOptions
    {
        /// <summary>Firmware or virtual node version, reported in the info message.</summary>
        public string Version = "0.0.0";

        /// <summary>Base topic, e.g. <c>maison/salon</c>.</summary>
        public string BaseTopic = "capteur/node";

        /// <summary>True for JSON payloads, false for the number alone.</summary>
        public bool Json = true;

        /// <summary>Retain flag of readings.</summary>
        public bool Retain;

        /// <summary>Wi-Fi network name; empty when the node has no Wi-Fi to join (a virtual node).</summary>
        public string WifiSsid = "";

        /// <summary>Wi-Fi password.</summary>
        public string WifiPassword = "";

        /// <summary>How long one Wi-Fi join may take.</summary>
        public int WifiTimeoutMs = 20000;

        /// <summary>Brokers to try in order (host names or addresses), at least one.</summary>
        public string[] Hosts = new string[] { "localhost" };

        /// <summary>Port of each broker in <see cref="Hosts"/>.</summary>
        public int[] Ports = new int[] { 1883 };

        /// <summary>MQTT client id.</summary>
        public string ClientId = "capteur";

        /// <summary>MQTT user, empty for none.</summary>
        public string User = "";

        /// <summary>MQTT password, empty for none.</summary>
        public string Password = "";

        /// <summary>True to connect with TLS.</summary>
        public bool Tls;

        /// <summary>MQTT keep-alive in seconds.</summary>
        public int KeepAliveS = 60;

        /// <summary>Readings the outbox holds at most.</summary>
        public int OutboxCapacity = 1000;

        /// <summary>Readings in flight (published, not yet acknowledged) at most.</summary>
        public int Window = 8;

        /// <summary>0: every reading and acknowledgement goes to flash at once; otherwise at most this many seconds apart.</summary>
        public int CheckpointS = 60;

        /// <summary>True to announce the sensors to Home Assistant (MQTT discovery) on every connection.</summary>
        public bool HomeAssistant;

        /// <summary>Period of the info message in seconds, 0 for none.</summary>
        public int InfoIntervalS = 60;

        /// <summary>Seconds without an MQTT connection before the node is rebooted (<see cref="RebootSupervisor"/>), 0 for never.</summary>
        public int RebootTimeoutS = 900;

        /// <summary>First reconnect delay.</summary>
        public int BackoffMinMs = 1000;

        /// <summary>Longest reconnect delay.</summary>
        public int BackoffMaxMs = 120000;
    }
}
