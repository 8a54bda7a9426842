using System.Collections.Concurrent;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Capteur.Broker.Tests.Support;

/// <summary>An MQTTnet client that records every message it receives.</summary>
internal sealed class TestClient : IAsyncDisposable
{
    TestClient(IMqttClient client) => Client = client;

    public IMqttClient Client { get; }

    /// <summary>The CONNACK of <see cref="ConnectAsync(MqttClientOptionsBuilder)"/>.</summary>
    public MqttClientConnectResult Connected { get; private set; } = null!;

    public ConcurrentQueue<MqttApplicationMessage> Received { get; } = new();

    public IEnumerable<string> ReceivedTexts => Received.Select(m => m.Topic + "=" + m.ConvertPayloadToString());

    public static MqttClientOptionsBuilder Options(int port, string clientId, bool cleanSession = true, MqttProtocolVersion version = MqttProtocolVersion.V311) =>
        new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithClientId(clientId)
            .WithProtocolVersion(version)
            .WithCleanSession(cleanSession)
            .WithTimeout(TimeSpan.FromSeconds(10));

    public static async Task<TestClient> ConnectAsync(MqttClientOptionsBuilder options)
    {
        var client = new TestClient(new MqttClientFactory().CreateMqttClient());
        client.Client.ApplicationMessageReceivedAsync += e =>
        {
            client.Received.Enqueue(e.ApplicationMessage);
            return Task.CompletedTask;
        };
        client.Connected = await client.Client.ConnectAsync(options.Build());
        return client;
    }

    /// <summary>Connects and returns the CONNACK result without throwing on a refusal (MQTT 5 reason codes).</summary>
    public static async Task<MqttClientConnectResult> TryConnectAsync(MqttClientOptionsBuilder options)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        var result = await client.ConnectAsync(options.WithProtocolVersion(MqttProtocolVersion.V500).Build());
        if (client.IsConnected)
        {
            await client.DisconnectAsync();
        }

        return result;
    }

    public static Task<TestClient> ConnectAsync(int port, string clientId, bool cleanSession = true, MqttProtocolVersion version = MqttProtocolVersion.V311) =>
        ConnectAsync(Options(port, clientId, cleanSession, version));

    public Task SubscribeAsync(string filter, MqttQualityOfServiceLevel qos = MqttQualityOfServiceLevel.AtLeastOnce) =>
        Client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(filter, qos).Build());

    public Task<MqttClientPublishResult> PublishAsync(string topic, string payload, MqttQualityOfServiceLevel qos = MqttQualityOfServiceLevel.AtLeastOnce, bool retain = false) =>
        Client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload).WithQualityOfServiceLevel(qos).WithRetainFlag(retain).Build());

    public Task WaitForAsync(int count, string what, int seconds = 10) =>
        Wait.UntilAsync(() => Received.Count >= count, TimeSpan.FromSeconds(seconds), $"{count} messages ({what}); got {Received.Count}");

    public async ValueTask DisposeAsync()
    {
        if (Client.IsConnected)
        {
            try
            {
                await Client.DisconnectAsync();
            }
            catch (Exception)
            {
            }
        }

        Client.Dispose();
    }
}
