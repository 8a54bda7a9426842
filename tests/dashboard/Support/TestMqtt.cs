using System.Globalization;
using MQTTnet;
using MQTTnet.Protocol;

namespace Capteur.Dashboard.Tests.Support;

/// <summary>A plain MQTT client that publishes what a node would (status, info, readings), at QoS 1.</summary>
internal sealed class TestMqtt : IAsyncDisposable
{
    private readonly IMqttClient _client;

    private TestMqtt(IMqttClient client)
    {
        _client = client;
    }

    /// <summary>Connects to the broker at 127.0.0.1:<paramref name="port"/>.</summary>
    public static async Task<TestMqtt> ConnectAsync(int port)
    {
        IMqttClient client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId("dashboard-test-" + Guid.NewGuid().ToString("N")[..8]).Build());
        return new TestMqtt(client);
    }

    /// <summary>Publishes <paramref name="payload"/> on <paramref name="topic"/>.</summary>
    public Task PublishAsync(string topic, string payload, bool retain = false)
        => _client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).WithRetainFlag(retain).Build());

    /// <summary>A reading payload as the contract writes it.</summary>
    public static string Reading(double value, string unit, long seq, DateTimeOffset ts)
        => $"{{\"value\":{value.ToString(CultureInfo.InvariantCulture)},\"unit\":\"{unit}\",\"seq\":{seq},\"ts\":\"{ts.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ}\"}}";

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _client.DisconnectAsync(new MqttClientDisconnectOptions());
        _client.Dispose();
    }
}
