namespace Capteur.Broker.Persistence;

/// <summary>A persistent session (MQTT 3.1.1 clean session off, or MQTT 5 session expiry above 0) as stored.</summary>
/// <param name="ClientId">Client identifier.</param>
/// <param name="UserName">User name of the last connection, or null.</param>
/// <param name="ExpirySeconds">MQTT 5 session expiry interval (uint.MaxValue for MQTT 3.1.1: never).</param>
/// <param name="Subscriptions">Its subscriptions.</param>
/// <param name="Queued">QoS 1/2 messages not yet acknowledged by the client, oldest first.</param>
public sealed record StoredSession(string ClientId, string? UserName, uint ExpirySeconds, IReadOnlyList<StoredSubscription> Subscriptions, IReadOnlyList<StoredMessage> Queued);
