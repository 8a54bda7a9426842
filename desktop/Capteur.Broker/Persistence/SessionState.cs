using System.Collections.Concurrent;

namespace Capteur.Broker.Persistence;

/// <summary>What the broker keeps in memory about a persistent session to decide what to store.</summary>
internal sealed class SessionState(string? userName, uint expirySeconds)
{
    /// <summary>User name of the last connection.</summary>
    public string? UserName { get; set; } = userName;

    /// <summary>Session expiry interval (uint.MaxValue: MQTT 3.1.1, never).</summary>
    public uint ExpirySeconds { get; set; } = expirySeconds;

    /// <summary>Subscriptions by topic filter.</summary>
    public ConcurrentDictionary<string, StoredSubscription> Subscriptions { get; } = new(StringComparer.Ordinal);
}
