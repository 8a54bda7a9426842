namespace Capteur.Broker.Transport;

/// <summary>The kinds of network listener the broker opens.</summary>
public enum ListenerKind
{
    /// <summary>MQTT over plain TCP (1883).</summary>
    Mqtt,

    /// <summary>MQTT over TLS (8883).</summary>
    MqttTls,

    /// <summary>MQTT over WebSocket (plain HTTP upgrade), for browsers.</summary>
    WebSocket,
}
