namespace Capteur.Broker.Persistence;

/// <summary>A persistent session's subscription as stored.</summary>
/// <param name="TopicFilter">The MQTT topic filter.</param>
/// <param name="QualityOfService">Granted maximum QoS (0..2).</param>
/// <param name="NoLocal">MQTT 5 No Local option.</param>
/// <param name="RetainAsPublished">MQTT 5 Retain As Published option.</param>
/// <param name="RetainHandling">MQTT 5 Retain Handling option (0..2).</param>
public sealed record StoredSubscription(string TopicFilter, int QualityOfService, bool NoLocal, bool RetainAsPublished, int RetainHandling);
