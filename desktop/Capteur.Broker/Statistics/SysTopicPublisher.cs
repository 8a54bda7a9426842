using System.Globalization;
using MQTTnet;
using MQTTnet.Server;

namespace Capteur.Broker.Statistics;

/// <summary>
/// Publishes the broker statistics as retained QoS 0 messages under $SYS/broker/, with mosquitto's topic names and value formats
/// (plain decimal numbers; uptime as "N seconds"), every sys-interval seconds.
/// </summary>
internal sealed class SysTopicPublisher(MqttServer server, BrokerStatistics statistics, Func<long> queuedMessages, string version) : IAsyncDisposable
{
    CancellationTokenSource? _stop;
    Task? _loop;

    /// <summary>Topic name and value of every $SYS message, as published now.</summary>
    public async Task<List<KeyValuePair<string, string>>> SnapshotAsync()
    {
        var retained = (await server.GetRetainedMessagesAsync().ConfigureAwait(false)).Count(m => !m.Topic.StartsWith("$SYS/", StringComparison.Ordinal));
        var s = statistics;
        string N(long v) => v.ToString(CultureInfo.InvariantCulture);
        return
        [
            new("$SYS/broker/version", version),
            new("$SYS/broker/uptime", N((long)(DateTime.UtcNow - s.StartedUtc).TotalSeconds) + " seconds"),
            new("$SYS/broker/clients/connected", N(s.ClientsConnected)),
            new("$SYS/broker/clients/active", N(s.ClientsConnected)),
            new("$SYS/broker/clients/maximum", N(s.ClientsMaximum)),
            new("$SYS/broker/messages/received", N(s.PacketsReceived)),
            new("$SYS/broker/messages/sent", N(s.PacketsSent)),
            new("$SYS/broker/publish/messages/received", N(s.PublishReceived)),
            new("$SYS/broker/publish/messages/sent", N(s.PublishSent)),
            new("$SYS/broker/publish/messages/dropped", N(s.MessagesDropped)),
            new("$SYS/broker/bytes/received", N(s.BytesReceived)),
            new("$SYS/broker/bytes/sent", N(s.BytesSent)),
            new("$SYS/broker/retained messages/count", N(retained)),
            new("$SYS/broker/store/messages/count", N(queuedMessages())),
            new("$SYS/broker/heap/current", N(GC.GetTotalMemory(false))),
        ];
    }

    /// <summary>Publishes once now, then every <paramref name="intervalSeconds"/> until disposed.</summary>
    public void Start(int intervalSeconds)
    {
        _stop = new CancellationTokenSource();
        var token = _stop.Token;
        _loop = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(intervalSeconds));
            do
            {
                await PublishAsync().ConfigureAwait(false);
            }
            while (await timer.WaitForNextTickAsync(token).ConfigureAwait(false));
        }, token);
    }

    /// <summary>Publishes every $SYS topic once.</summary>
    public async Task PublishAsync()
    {
        foreach (var (topic, value) in await SnapshotAsync().ConfigureAwait(false))
        {
            var message = new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(value).WithRetainFlag().Build();
            await server.InjectApplicationMessage(new InjectedMqttApplicationMessage(message) { SenderClientId = "$SYS" }).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_stop == null)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop!.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
