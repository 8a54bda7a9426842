namespace Capteur.Node.Ports
{
    /// <summary>Everything <see cref="IMqttLink.Connect"/> needs, taken from the node's config.</summary>
    public sealed class MqttConnectOptions
    {
        /// <summary>Broker host name or address.</summary>
        public string Host = "";

        /// <summary>Broker TCP port.</summary>
        public int Port = 1883;

        /// <summary>True to use TLS.</summary>
        public bool Tls;

        /// <summary>MQTT client identifier.</summary>
        public string ClientId = "";

        /// <summary>User name, empty for none.</summary>
        public string User = "";

        /// <summary>Password, empty for none. Never logged.</summary>
        public string Password = "";

        /// <summary>Keep-alive interval in seconds.</summary>
        public int KeepAliveS = 60;

        /// <summary>False to keep the broker-side session (queued QoS 1 messages) across reconnects.</summary>
        public bool CleanSession = true;

        /// <summary>Topic of the last will, empty for none.</summary>
        public string WillTopic = "";

        /// <summary>Payload of the last will.</summary>
        public string WillMessage = "";

        /// <summary>True when the last will is retained.</summary>
        public bool WillRetain;

        /// <summary>QoS of the last will.</summary>
        public int WillQos;
    }
}
