using System.Diagnostics;
using Microsoft.Data.Sqlite;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Capteur.Broker.Tests.Support;

/// <summary>MQTT 5 pieces for the message expiry tests: persistent subscribers, publishes with an expiry, the store's row counts.</summary>
internal static class ExpiryClient
{
    /// <summary>An MQTT 5 client with clean start off and a session expiry of one hour.</summary>
    public static MqttClientOptionsBuilder PersistentV5(int port, string clientId) =>
        TestClient.Options(port, clientId, cleanSession: false, MqttProtocolVersion.V500).WithSessionExpiryInterval(3600);

    /// <summary>Publishes and fails unless the broker accepted it; returns the time the acknowledgement came (the test's own clock).</summary>
    public static async Task<Stopwatch> PublishAsync(TestClient publisher, string topic, string payload, uint expirySeconds,
        MqttQualityOfServiceLevel qos = MqttQualityOfServiceLevel.AtLeastOnce, bool retain = false, (string Name, string Value)? userProperty = null)
    {
        var builder = new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload).WithQualityOfServiceLevel(qos).WithRetainFlag(retain);
        if (expirySeconds > 0)
        {
            builder.WithMessageExpiryInterval(expirySeconds);
        }

        if (userProperty is { } p)
        {
            builder.WithUserProperty(p.Name, System.Text.Encoding.UTF8.GetBytes(p.Value).AsMemory());
        }

        var result = await publisher.Client.PublishAsync(builder.Build());
        Assert.IsTrue(result.IsSuccess, $"publish to {topic}: {result.ReasonCode}");
        return Stopwatch.StartNew();
    }

    /// <summary>
    /// Waits until <paramref name="seconds"/> have passed on <paramref name="since"/>: message expiry is about time passing, so this is the
    /// one kind of wait on the clock these tests do, and always just past an expiry interval.
    /// </summary>
    public static async Task WaitUntilAsync(Stopwatch since, double seconds)
    {
        var left = TimeSpan.FromSeconds(seconds) - since.Elapsed;
        if (left > TimeSpan.Zero)
        {
            await Task.Delay(left);
        }
    }

    /// <summary>Rows of <paramref name="table"/> in DATA/broker.db, read beside the running broker (WAL mode allows it).</summary>
    public static long CountRows(string dataDirectory, string table)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataDirectory, "broker.db"),
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table}";
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>The user properties of a received message as name=value, comma separated.</summary>
    public static string UserProperties(MqttApplicationMessage m) =>
        string.Join(",", m.UserProperties?.Select(p => p.Name + "=" + System.Text.Encoding.UTF8.GetString(p.ValueBuffer.Span)) ?? []);
}
