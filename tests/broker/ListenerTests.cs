using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Capteur.Broker.Tests.Support;
using Capteur.Desktop.Tests.Infrastructure;
using Capteur.Broker.Transport;
using MQTTnet;

namespace Capteur.Broker.Tests;

/// <summary>The TLS and WebSocket listeners carry MQTT like the plain one.</summary>
[TestClass]
public sealed class ListenerTests
{
    [TestMethod]
    public async Task Websocket_client_publishes_to_a_tcp_subscriber()
    {
        await using var broker = await InProcessBroker.StartAsync(o => o.WebSocketPort = FreePort.Next());
        await using var tcp = await TestClient.ConnectAsync(broker.Port, "tcp");
        await tcp.SubscribeAsync("ws/#");
        var options = new MqttClientOptionsBuilder()
            .WithWebSocketServer(o => o.WithUri($"ws://127.0.0.1:{broker.PortOf(ListenerKind.WebSocket)}/mqtt"))
            .WithClientId("browser");
        await using var ws = await TestClient.ConnectAsync(options);
        await ws.PublishAsync("ws/hello", "from a browser");
        await tcp.WaitForAsync(1, "the WebSocket message");
        Assert.AreEqual("ws/hello=from a browser", tcp.ReceivedTexts.Single());
    }

    [TestMethod]
    public async Task Tls_client_connects_with_the_configured_certificate()
    {
        using var dir = new TempDirectory();
        using (var key = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=capteur-test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
            File.WriteAllText(dir.File("cert.pem"), cert.ExportCertificatePem());
            File.WriteAllText(dir.File("key.pem"), key.ExportPkcs8PrivateKeyPem());
        }

        await using var broker = await InProcessBroker.StartAsync(o =>
        {
            o.TlsPort = FreePort.Next();
            o.CertificateFile = dir.File("cert.pem");
            o.KeyFile = dir.File("key.pem");
        });
        Assert.IsTrue(broker.Host.StartupLines.Any(l => l.Contains("(TLS 1.2/1.3, certificate CN=capteur-test)")));
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", broker.PortOf(ListenerKind.MqttTls))
            .WithTlsOptions(o => o.UseTls().WithCertificateValidationHandler(_ => true))
            .WithClientId("secure");
        await using var client = await TestClient.ConnectAsync(options);
        await client.SubscribeAsync("s");
        await client.PublishAsync("s", "encrypted");
        await client.WaitForAsync(1, "the echo over TLS");
    }

    [TestMethod]
    public async Task Sys_topics_report_clients_and_retained_count_like_mosquitto()
    {
        await using var broker = await InProcessBroker.StartAsync();
        await using var client = await TestClient.ConnectAsync(broker.Port, "watcher");
        await client.PublishAsync("r/1", "a", retain: true);
        await client.PublishAsync("r/2", "b", retain: true);
        await broker.Host.PublishSysTopicsAsync();
        await client.SubscribeAsync("$SYS/broker/#");
        await Wait.UntilAsync(() => client.Received.Any(m => m.Topic == "$SYS/broker/retained messages/count") && client.Received.Any(m => m.Topic == "$SYS/broker/clients/connected"),
            TimeSpan.FromSeconds(10), "the $SYS messages");
        Assert.AreEqual("2", client.Received.Last(m => m.Topic == "$SYS/broker/retained messages/count").ConvertPayloadToString());
        Assert.AreEqual("1", client.Received.Last(m => m.Topic == "$SYS/broker/clients/connected").ConvertPayloadToString());
        StringAssert.EndsWith(client.Received.Last(m => m.Topic == "$SYS/broker/uptime").ConvertPayloadToString(), " seconds");
    }
}
