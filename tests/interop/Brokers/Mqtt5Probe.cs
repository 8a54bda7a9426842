using System.Text;
using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Capteur.Interop.Tests.Brokers;

/// <summary>
/// MQTT 5 through a broker with MQTTnet: a CONNECT at protocol level 5 and what comes back; when accepted, a QoS 1
/// round trip whose user property must arrive intact (an MQTT 5 feature a 3.1.1 broker cannot carry). One line, compared as a whole.
/// </summary>
internal static class Mqtt5Probe
{
    /// <summary>What a broker that speaks MQTT 5 answers.</summary>
    public const string Spoken = "CONNECT (protocol level 5): CONNACK Success; PUBLISH with a user property: delivered with it";

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    /// <summary>Runs the probe on <paramref name="topic"/> at 127.0.0.1:<paramref name="port"/>.</summary>
    public static async Task<string> RunAsync(int port, string topic)
    {
        var factory = new MqttClientFactory();
        using IMqttClient client = factory.CreateMqttClient();
        var received = new List<MqttApplicationMessage>();
        client.ApplicationMessageReceivedAsync += e =>
        {
            lock (received)
            {
                received.Add(e.ApplicationMessage);
            }

            return Task.CompletedTask;
        };
        try
        {
            using var timeout = new CancellationTokenSource(Wait);
            MqttClientConnectResult result = await client.ConnectAsync(Subscriber.Options(port, MqttProtocolVersion.V500), timeout.Token);
            if (result.ResultCode != MqttClientConnectResultCode.Success)
            {
                return $"CONNECT (protocol level 5): {await WireProbe.ConnectV5Async(port)}";
            }
        }
        catch (Exception e) when (e is OperationCanceledException or MqttCommunicationException)
        {
            // MQTTnet's text ("Error while authenticating. Connection closed.") hides what the broker did: the wire says
            return $"CONNECT (protocol level 5): {await WireProbe.ConnectV5Async(port)}";
        }

        await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(topic, MqttQualityOfServiceLevel.AtLeastOnce).Build());
        await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload("5")
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).WithUserProperty("capteur", Encoding.UTF8.GetBytes("interop").AsMemory()).Build());
        string delivery;
        try
        {
            await Deadline.UntilAsync(() =>
            {
                lock (received)
                {
                    return received.Count > 0;
                }
            }, Wait, "the MQTT 5 message back");
            MqttApplicationMessage message;
            lock (received)
            {
                message = received[0];
            }

            bool kept = message.UserProperties?.Any(p => p.Name == "capteur" && Encoding.UTF8.GetString(p.ValueBuffer.Span) == "interop") == true;
            delivery = kept ? "delivered with it" : "delivered without it";
        }
        catch (TimeoutException)
        {
            delivery = $"not delivered within {Wait.TotalSeconds:F0} s";
        }

        await client.DisconnectAsync();
        return $"CONNECT (protocol level 5): CONNACK Success; PUBLISH with a user property: {delivery}";
    }
}
