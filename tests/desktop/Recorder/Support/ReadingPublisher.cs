using System.Globalization;
using System.Text;
using MQTTnet;
using MQTTnet.Protocol;

namespace Capteur.Desktop.Tests.Recorder.Support;

/// <summary>An MQTTnet client publishing as a node would (QoS 1, the reading payload of the contract).</summary>
internal sealed class ReadingPublisher : IAsyncDisposable
{
    private readonly IMqttClient _client;

    private ReadingPublisher(IMqttClient client)
    {
        _client = client;
    }

    /// <summary>Connects to 127.0.0.1:<paramref name="port"/> with a clean session, with a user name and password when given.</summary>
    public static async Task<ReadingPublisher> ConnectAsync(int port, string? user = null, string? password = null)
    {
        IMqttClient client = new MqttClientFactory().CreateMqttClient();
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithClientId("test-publisher-" + Guid.NewGuid().ToString("N")[..8])
            .WithCleanSession();
        if (user is not null)
        {
            options.WithCredentials(user, password);
        }

        await client.ConnectAsync(options.Build());
        return new ReadingPublisher(client);
    }

    /// <summary>The contract's reading payload: <c>{"value":..,"unit":..,"seq":..,"ts":..}</c>, the value in round-trip form.</summary>
    public static string Json(double value, string unit, long seq, DateTimeOffset ts)
        => $"{{\"value\":{value.ToString("R", CultureInfo.InvariantCulture)},\"unit\":\"{unit.Replace("\\", "\\\\").Replace("\"", "\\\"")}\",\"seq\":{seq},\"ts\":\"{ts.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)}\"}}";

    /// <summary>Publishes with QoS 1 and waits for the broker's acknowledgement.</summary>
    public Task PublishAsync(string topic, string payload, bool retain = false)
        => _client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(Encoding.UTF8.GetBytes(payload))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag(retain)
            .Build());

    /// <summary>Publishes one reading of <paramref name="node"/>.</summary>
    public Task ReadingAsync(string node, string sensor, double value, string unit, long seq, DateTimeOffset ts)
        => PublishAsync($"{node}/{sensor}", Json(value, unit, seq, ts));

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync();
        }

        _client.Dispose();
    }
}
