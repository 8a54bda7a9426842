namespace Capteur.Node.Config
{
    /// <summary>One broker address of <c>mqtt.host</c>, with the port resolved (its own, else <c>mqtt.port</c>).</summary>
    public sealed class MqttHostEntry
    {
        /// <summary>Creates an entry.</summary>
        public MqttHostEntry(string host, int port)
        {
            Host = host;
            Port = port;
        }

        /// <summary>Host name or IPv4 address.</summary>
        public string Host { get; private set; }

        /// <summary>TCP port, 1..65535.</summary>
        public int Port { get; private set; }
    }
}
