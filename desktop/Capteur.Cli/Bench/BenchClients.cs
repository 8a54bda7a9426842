using MQTTnet;
using MQTTnet.Protocol;

namespace Capteur.Cli.Bench;

/// <summary>MQTTnet clients for the bench.</summary>
internal static class BenchClients
{
    public static async Task<IMqttClient> ConnectAsync(BenchTarget target, string clientId, bool cleanSession = true, int keepAliveSeconds = 60)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer(target.Host, target.Port)
            .WithClientId(clientId)
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V311)
            .WithCleanSession(cleanSession)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(keepAliveSeconds))
            .WithTimeout(TimeSpan.FromSeconds(30))
            .Build();
        var result = await client.ConnectAsync(options);
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new InvalidOperationException($"{target.Name}: CONNECT of '{clientId}' refused: {result.ResultCode} (start the broker with --anonymous or --bind 127.0.0.1)");
        }

        return client;
    }

    public static Task SubscribeAsync(IMqttClient client, string filter, MqttQualityOfServiceLevel qos) =>
        client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(filter, qos).Build());

    public static MqttApplicationMessage Message(string topic, byte[] payload, MqttQualityOfServiceLevel qos) =>
        new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload).WithQualityOfServiceLevel(qos).Build();

    public static async Task DisconnectAllAsync(IEnumerable<IMqttClient> clients)
    {
        await Task.WhenAll(clients.Select(async c =>
        {
            try
            {
                if (c.IsConnected)
                {
                    await c.DisconnectAsync();
                }
            }
            catch (Exception)
            {
            }

            c.Dispose();
        }));
    }
}
