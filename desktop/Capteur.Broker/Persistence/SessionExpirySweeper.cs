using Capteur.Broker.Logging;
using MQTTnet.Server;

namespace Capteur.Broker.Persistence;

/// <summary>
/// Ends MQTT 5 sessions whose client has been away longer than the session expiry interval it asked for (MQTT 5.0 §3.1.2.11.2), which
/// MQTTnet keeps forever; deleting the session also deletes its stored subscriptions and queue. MQTT 3.1.1 persistent sessions have no
/// expiry in the protocol and stay until the client connects with clean session (as in mosquitto's default).
/// </summary>
internal sealed class SessionExpirySweeper(MqttServer server, BrokerLog log) : PeriodicJob(log, "session expiry sweep")
{
    /// <summary>Time between two sweeps.</summary>
    public static readonly TimeSpan SweepPeriod = TimeSpan.FromSeconds(2);

    /// <inheritdoc />
    protected override TimeSpan Period => SweepPeriod;

    /// <inheritdoc />
    protected override Task TickAsync() => SweepAsync();

    /// <summary>Deletes every expired session now.</summary>
    public async Task SweepAsync()
    {
        var now = DateTime.UtcNow;
        foreach (var session in await server.GetSessionsAsync().ConfigureAwait(false))
        {
            // 0: MQTT 3.1.1 (or a session that ends at disconnect anyway); uint.MaxValue: MQTT 5 "never expires".
            if (session.DisconnectedTimestamp is not { } away || session.ExpiryInterval == 0 || session.ExpiryInterval == uint.MaxValue)
            {
                continue;
            }

            if (now - away.ToUniversalTime() >= TimeSpan.FromSeconds(session.ExpiryInterval))
            {
                Log.Info($"client '{session.Id}': session expired after {session.ExpiryInterval} s away (MQTT 5 session expiry)");
                await session.DeleteAsync().ConfigureAwait(false);
            }
        }
    }
}
