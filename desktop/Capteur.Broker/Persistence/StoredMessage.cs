namespace Capteur.Broker.Persistence;

/// <summary>An application message as stored (retained, or queued for a persistent session).</summary>
/// <param name="Topic">Topic name.</param>
/// <param name="Payload">Payload bytes.</param>
/// <param name="QualityOfService">QoS 0..2 (for queued messages: the QoS it is delivered with).</param>
/// <param name="Retain">Retain flag.</param>
/// <param name="ContentType">MQTT 5 content type, or null.</param>
/// <param name="ResponseTopic">MQTT 5 response topic, or null.</param>
/// <param name="CorrelationData">MQTT 5 correlation data, or null.</param>
/// <param name="MessageExpirySeconds">MQTT 5 message expiry interval (0 = none).</param>
/// <param name="PayloadIsUtf8">MQTT 5 payload format indicator.</param>
/// <param name="UserProperties">MQTT 5 user properties as name/value pairs, or null.</param>
/// <param name="ExpiresAtUnixMs">When an MQTT 5 message with <paramref name="MessageExpirySeconds"/> expires: its arrival at the broker plus
/// the interval, Unix milliseconds; null when it never does.</param>
public sealed record StoredMessage(
    string Topic,
    byte[] Payload,
    int QualityOfService,
    bool Retain,
    string? ContentType = null,
    string? ResponseTopic = null,
    byte[]? CorrelationData = null,
    uint MessageExpirySeconds = 0,
    bool PayloadIsUtf8 = false,
    IReadOnlyList<KeyValuePair<string, string>>? UserProperties = null,
    long? ExpiresAtUnixMs = null);
