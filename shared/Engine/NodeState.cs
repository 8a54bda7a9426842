namespace Capteur.Node.Engine
{
    /// <summary>Where the node's connection stands.</summary>
    public enum NodeState
    {
        /// <summary>Joining Wi-Fi.</summary>
        WifiConnecting = 0,

        /// <summary>Opening the MQTT session.</summary>
        MqttConnecting = 1,

        /// <summary>Connected: the outbox drains.</summary>
        Online = 2,

        /// <summary>Waiting before the next attempt.</summary>
        Backoff = 3,
    }

    /// <summary>Names of <see cref="NodeState"/> values (nanoFramework prints enums as numbers).</summary>
    public static class NodeStateNames
    {
        private static readonly string[] Names = { "wifi-connecting", "mqtt-connecting", "online", "backoff" };

        /// <summary>The state's name, e.g. <c>online</c>.</summary>
        public static string Of(NodeState state)
        {
            return Names[(int)state];
        }
    }
}
