using System.Collections.Concurrent;
using System.Text;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Capteur.Interop.Tests.Brokers;

/// <summary>A plain MQTTnet subscriber (clean session) keeping every message it gets: topic, payload, retain flag, QoS.</summary>
internal sealed class Subscriber : IAsyncDisposable
{
    private readonly IMqttClient _client;
    private readonly ConcurrentQueue<Received> _received = new();

    private Subscriber(IMqttClient client)
    {
        _client = client;
        _client.ApplicationMessageReceivedAsync += e =>
        {
            MqttApplicationMessage m = e.ApplicationMessage;
            _received.Enqueue(new Received(m.Topic, Encoding.UTF8.GetString(m.Payload), m.Retain, (int)m.QualityOfServiceLevel, DateTime.UtcNow));
            return Task.CompletedTask;
        };
    }

    /// <summary>Messages so far, in arrival order.</summary>
    public IReadOnlyList<Received> Messages => [.. _received];

    /// <summary>Connects to 127.0.0.1:<paramref name="port"/> (MQTT 3.1.1, clean session) and subscribes to <paramref name="filters"/> at QoS 1.</summary>
    public static async Task<Subscriber> StartAsync(int port, params string[] filters)
    {
        IMqttClient client = new MqttClientFactory().CreateMqttClient();
        var subscriber = new Subscriber(client);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await client.ConnectAsync(Options(port, MqttProtocolVersion.V311), timeout.Token);
        var subscribe = new MqttClientSubscribeOptionsBuilder();
        foreach (string filter in filters)
        {
            subscribe.WithTopicFilter(filter, MqttQualityOfServiceLevel.AtLeastOnce);
        }

        MqttClientSubscribeResult result = await client.SubscribeAsync(subscribe.Build(), timeout.Token);
        foreach (MqttClientSubscribeResultItem item in result.Items)
        {
            if (item.ResultCode is not (MqttClientSubscribeResultCode.GrantedQoS0 or MqttClientSubscribeResultCode.GrantedQoS1 or MqttClientSubscribeResultCode.GrantedQoS2))
            {
                throw new InvalidOperationException($"SUBSCRIBE {item.TopicFilter.Topic}: refused ({item.ResultCode})");
            }
        }

        return subscriber;
    }

    /// <summary>Client options for 127.0.0.1:<paramref name="port"/>, a fresh client id, clean session.</summary>
    public static MqttClientOptions Options(int port, MqttProtocolVersion version) => new MqttClientOptionsBuilder()
        .WithTcpServer("127.0.0.1", port)
        .WithClientId("capteur-ix-" + Guid.NewGuid().ToString("N")[..8])
        .WithCleanSession()
        .WithProtocolVersion(version)
        .WithTimeout(TimeSpan.FromSeconds(5))
        .Build();

    /// <summary>Waits for the first message on <paramref name="topic"/> with <paramref name="payload"/>.</summary>
    public async Task<Received> WaitForAsync(string topic, string payload, TimeSpan timeout)
    {
        await Deadline.UntilAsync(() => Find(topic, payload) is not null, timeout, $"`{payload}` on {topic}",
            () => string.Join(", ", Messages.Select(m => $"{m.Topic}={m.Payload}")) is { Length: > 0 } s ? s : "nothing");
        return Find(topic, payload)!;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_client.IsConnected)
            {
                await _client.DisconnectAsync();
            }
        }
        catch (Exception)
        {
            // the broker is gone already
        }

        _client.Dispose();
    }

    private Received? Find(string topic, string payload) => Messages.FirstOrDefault(m => m.Topic == topic && m.Payload == payload);

    /// <summary>One message as received.</summary>
    public sealed record Received(string Topic, string Payload, bool Retain, int Qos, DateTime At);
}
