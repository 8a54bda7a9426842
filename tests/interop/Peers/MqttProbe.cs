using MQTTnet;
using MQTTnet.Formatter;

namespace Capteur.Interop.Tests.Peers;

/// <summary>Asks a broker for a CONNACK: a peer is started only once it answers MQTT, not merely once its port is open.</summary>
internal static class MqttProbe
{
    /// <summary>
    /// Connects (MQTT 3.1.1, clean session) every 200 ms until a CONNACK accepts, the peer's process is gone
    /// (<paramref name="gone"/>) or <paramref name="timeout"/> passes; returns null when accepted, else the last error.
    /// </summary>
    public static string? WaitConnack(int port, TimeSpan timeout, Func<bool> gone)
    {
        DateTime deadline = DateTime.UtcNow + timeout;
        string error = "no attempt";
        var factory = new MqttClientFactory();
        while (DateTime.UtcNow < deadline && !gone())
        {
            using IMqttClient client = factory.CreateMqttClient();
            MqttClientOptions options = new MqttClientOptionsBuilder()
                .WithTcpServer("127.0.0.1", port)
                .WithClientId("capteur-probe-" + Guid.NewGuid().ToString("N")[..6])
                .WithCleanSession()
                .WithProtocolVersion(MqttProtocolVersion.V311)
                .WithTimeout(TimeSpan.FromSeconds(2))
                .Build();
            try
            {
                using var attempt = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                MqttClientConnectResult result = client.ConnectAsync(options, attempt.Token).GetAwaiter().GetResult();
                if (result.ResultCode == MqttClientConnectResultCode.Success)
                {
                    client.DisconnectAsync().GetAwaiter().GetResult();
                    return null;
                }

                error = "CONNACK " + result.ResultCode;
            }
            catch (Exception e)
            {
                error = e.GetType().Name + ": " + e.Message;
            }

            Thread.Sleep(200);
        }

        return gone() ? "the process exited; last attempt: " + error : error;
    }
}
