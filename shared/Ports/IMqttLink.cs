namespace Capteur.Node.Ports
{
    /// <summary>
    /// One MQTT client connection (M2Mqtt on a board, MQTTnet on a desktop). Calls come from the node engine's
    /// thread; the listener may be called from any thread.
    /// </summary>
    public interface IMqttLink
    {
        /// <summary>Receives acknowledgements and connection loss.</summary>
        void SetListener(IMqttLinkListener listener);

        /// <summary>
        /// Opens a session. Returns 0 when the broker accepted it, otherwise the CONNACK return code, or -1 when the
        /// broker could not be reached. Never throws for network errors.
        /// </summary>
        int Connect(MqttConnectOptions options);

        /// <summary>Why the last <see cref="Connect"/> failed, in words for the log; empty after a success.</summary>
        string LastError { get; }

        /// <summary>True between an accepted <see cref="Connect"/> and a loss or <see cref="Disconnect"/>.</summary>
        bool IsConnected { get; }

        /// <summary>Closes the session cleanly (the broker does not send the last will).</summary>
        void Disconnect();

        /// <summary>
        /// Sends one message whose payload is <paramref name="count"/> bytes of <paramref name="buffer"/> from
        /// <paramref name="offset"/>; the caller reuses the buffer as soon as the call returns, so an implementation
        /// that keeps the payload must copy it. Returns the message id (1..65535) for QoS 1 and 2, 0 for QoS 0, or -1
        /// when it could not be handed to the network. For QoS 1 and 2 the listener later reports the id as
        /// acknowledged or failed.
        /// </summary>
        int Publish(string topic, byte[] buffer, int offset, int count, int qos, bool retain);
    }

    /// <summary>What the link reports back to the node engine.</summary>
    public interface IMqttLinkListener
    {
        /// <summary>The broker acknowledged message <paramref name="messageId"/> (true), or the link gave up on it (false).</summary>
        void OnPublished(int messageId, bool acknowledged);

        /// <summary>The connection was lost; every message not yet acknowledged is in doubt.</summary>
        void OnConnectionLost();
    }
}
