using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Capteur.Interop.Tests.Brokers;

/// <summary>
/// QoS 2 through a broker with MQTTnet (MQTT 3.1.1): a subscription asked at QoS 2 and what the SUBACK grants, a QoS 2
/// publish and which handshake completes, and how the message is delivered. The report is one line, compared as a whole.
/// </summary>
internal static class Qos2Probe
{
    /// <summary>What a broker that honours QoS 2 answers.</summary>
    public const string Honoured = "SUBSCRIBE QoS 2: granted QoS 2; PUBLISH QoS 2: PUBREC, PUBREL, PUBCOMP; delivered once at QoS 2";

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    /// <summary>Runs the probe on <paramref name="topic"/> at 127.0.0.1:<paramref name="port"/>.</summary>
    public static async Task<string> RunAsync(int port, string topic)
    {
        var factory = new MqttClientFactory();
        using IMqttClient sub = factory.CreateMqttClient();
        var delivered = new List<MqttApplicationMessage>();
        sub.ApplicationMessageReceivedAsync += e =>
        {
            lock (delivered)
            {
                delivered.Add(e.ApplicationMessage);
            }

            return Task.CompletedTask;
        };
        await sub.ConnectAsync(Subscriber.Options(port, MqttProtocolVersion.V311));
        MqttClientSubscribeResult suback = await sub.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(topic, MqttQualityOfServiceLevel.ExactlyOnce).Build());
        string granted = suback.Items.Single().ResultCode switch
        {
            MqttClientSubscribeResultCode.GrantedQoS0 => "granted QoS 0",
            MqttClientSubscribeResultCode.GrantedQoS1 => "granted QoS 1",
            MqttClientSubscribeResultCode.GrantedQoS2 => "granted QoS 2",
            MqttClientSubscribeResultCode code => $"refused ({code})",
        };

        using IMqttClient pub = factory.CreateMqttClient();
        await pub.ConnectAsync(Subscriber.Options(port, MqttProtocolVersion.V311));
        string first = await PublishAsync(pub, topic, "1");
        bool completed = first == "PUBREC, PUBREL, PUBCOMP";
        if (!completed)
        {
            // MQTTnet says only that the handshake did not complete: the wire says what the broker answered
            first = await WireProbe.PublishQos2Async(port, topic + "/wire");
        }

        // a second message: once it is in, any duplicate of the first would be in before it (one publisher, one topic)
        bool both = completed && await PublishAsync(pub, topic, "2") == first;
        int Count(string payload)
        {
            lock (delivered)
            {
                return delivered.Count(m => m.ConvertPayloadToString() == payload);
            }
        }

        try
        {
            await Deadline.UntilAsync(() => Count(both ? "2" : "1") > 0, Wait, "the QoS 2 message at the subscriber");
        }
        catch (TimeoutException)
        {
        }

        string delivery;
        lock (delivered)
        {
            MqttApplicationMessage? message = delivered.FirstOrDefault(m => m.ConvertPayloadToString() == "1");
            int times = Count("1");
            delivery = message is null
                ? $"not delivered within {Wait.TotalSeconds:F0} s"
                : $"delivered {(times == 1 ? "once" : times + " times")} at QoS {(int)message.QualityOfServiceLevel}";
        }

        await Disconnect(pub);
        await Disconnect(sub);
        return $"SUBSCRIBE QoS 2: {granted}; PUBLISH QoS 2: {first}; {delivery}";
    }

    private static async Task<string> PublishAsync(IMqttClient client, string topic, string payload)
    {
        MqttApplicationMessage message = new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.ExactlyOnce).Build();
        try
        {
            using var timeout = new CancellationTokenSource(Wait);
            MqttClientPublishResult result = await client.PublishAsync(message, timeout.Token);
            return result.IsSuccess ? "PUBREC, PUBREL, PUBCOMP" : $"answered {result.ReasonCode}";
        }
        catch (Exception e) when (e is OperationCanceledException or MqttCommunicationException)
        {
            return $"MQTTnet: {e.GetType().Name}";
        }
    }

    private static async Task Disconnect(IMqttClient client)
    {
        try
        {
            if (client.IsConnected)
            {
                await client.DisconnectAsync();
            }
        }
        catch (Exception)
        {
            // closed by the broker already
        }
    }
}
