using MQTTnet;
using MQTTnet.Adapter;
using MQTTnet.Exceptions;
using MQTTnet.Formatter;

namespace Capteur.Interop.Tests.Cluster;

/// <summary>What a broker answers to a fresh MQTT 3.1.1 CONNECT: the CONNACK's code, as MQTTnet names it.</summary>
internal static class ConnackProbe
{
    /// <summary>
    /// Connects to 127.0.0.1:<paramref name="port"/> with a clean session and disconnects: <c>Success</c>,
    /// <c>ServerUnavailable</c> (MQTT 3.1.1 code 3), ..., or <c>no CONNACK: ...</c> when none came.
    /// </summary>
    public static async Task<string> Connect(int port)
    {
        using IMqttClient client = new MqttClientFactory().CreateMqttClient();
        MqttClientOptions options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithClientId("capteur-probe-" + Guid.NewGuid().ToString("N")[..8])
            .WithProtocolVersion(MqttProtocolVersion.V311)
            .WithCleanSession()
            .WithTimeout(TimeSpan.FromSeconds(15))
            .Build();
        try
        {
            MqttClientConnectResult result = await client.ConnectAsync(options);
            await client.DisconnectAsync();
            return result.ResultCode.ToString();
        }
        catch (MqttConnectingFailedException e)
        {
            // MQTTnet 5 keeps the code only in its text: "Connecting with MQTT server failed (ServerUnavailable)."
            int open = e.Message.LastIndexOf('(');
            int close = e.Message.LastIndexOf(')');
            return open >= 0 && close > open ? e.Message[(open + 1)..close] : e.Message;
        }
        catch (Exception e) when (e is MqttCommunicationException or OperationCanceledException or TimeoutException)
        {
            return "no CONNACK: " + e.Message;
        }
    }
}
