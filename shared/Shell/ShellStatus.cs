namespace Capteur.Node.Shell
{
    /// <summary>The node's state as <c>status</c> and <c>outbox</c> print it; filled by <see cref="IShellHost.Status"/>.</summary>
    public sealed class ShellStatus
    {
        /// <summary>The node engine's state name, e.g. <c>online</c> (see <c>NodeStateNames</c>).</summary>
        public string State = "";

        /// <summary>True while Wi-Fi is up with an address.</summary>
        public bool WifiConnected;

        /// <summary>The IPv4 address, empty when there is none.</summary>
        public string IpAddress = "";

        /// <summary>Signal strength in dBm, 0 when unknown.</summary>
        public int RssiDbm;

        /// <summary>True while the MQTT session is open.</summary>
        public bool MqttConnected;

        /// <summary>The broker in use or last tried, as <c>host:port</c>; empty when none.</summary>
        public string Broker = "";

        /// <summary>Readings waiting in the outbox.</summary>
        public int OutboxDepth;

        /// <summary>Most readings the outbox keeps (<c>outbox.capacity</c>).</summary>
        public int OutboxCapacity;

        /// <summary>Age of the oldest waiting reading in milliseconds, -1 when the outbox is empty.</summary>
        public long OldestAgeMs = -1;

        /// <summary>Readings dropped because the outbox was full.</summary>
        public long Dropped;

        /// <summary>Readings sent again after a lost or unacknowledged publish.</summary>
        public long Resent;

        /// <summary>Milliseconds since boot.</summary>
        public long UptimeMs;

        /// <summary>Free managed memory in bytes.</summary>
        public long FreeMemoryBytes;

        /// <summary>Firmware version, e.g. <c>0.1.0</c>.</summary>
        public string Version = "";
    }
}
