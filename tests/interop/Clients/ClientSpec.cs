namespace Capteur.Interop.Tests.Clients;

/// <summary>A client to start and keep connected: who it is, how it connects, what it subscribes to, its will.</summary>
/// <param name="ClientId">MQTT client id.</param>
/// <param name="Subscriptions">Filters to subscribe to once connected.</param>
/// <param name="Protocol">4 = MQTT 3.1.1, 5 = MQTT 5.</param>
/// <param name="Persistent">Clean session off (MQTT 5: clean start off and a session expiry of <see cref="SessionExpirySeconds"/>).</param>
/// <param name="ResumeSession">
/// Reconnect to the session the broker kept and do not subscribe again (the subscriptions are part of the session);
/// clients that cannot connect without subscribing (mosquitto_sub) subscribe again to the same filters, which keeps the
/// queued messages.
/// </param>
/// <param name="Will">Last will, or null.</param>
internal sealed record ClientSpec(
    string ClientId,
    IReadOnlyList<Subscription> Subscriptions,
    int Protocol = 4,
    bool Persistent = false,
    bool ResumeSession = false,
    Will? Will = null)
{
    /// <summary>MQTT 5 session expiry of persistent clients.</summary>
    public const uint SessionExpirySeconds = 300;
}

/// <summary>One topic filter and the QoS asked for.</summary>
internal sealed record Subscription(string Filter, int Qos);

/// <summary>A last will: published by the broker when the client goes away without DISCONNECT.</summary>
internal sealed record Will(string Topic, string Payload, int Qos);

/// <summary>A client that connects, publishes <paramref name="Messages"/> in order (each acknowledged before the next), and disconnects cleanly.</summary>
internal sealed record PublishSpec(string ClientId, IReadOnlyList<OutgoingMessage> Messages, int Protocol = 4);

/// <summary>One message to publish.</summary>
/// <param name="Topic">Topic name.</param>
/// <param name="Payload">UTF-8 payload; empty for a zero-byte payload.</param>
/// <param name="Qos">QoS.</param>
/// <param name="Retain">Retain flag.</param>
/// <param name="UserProperty">MQTT 5 user property (name, value), or null.</param>
/// <param name="ExpirySeconds">MQTT 5 message expiry interval, or null.</param>
internal sealed record OutgoingMessage(string Topic, string Payload, int Qos, bool Retain = false, (string Name, string Value)? UserProperty = null, uint? ExpirySeconds = null);
