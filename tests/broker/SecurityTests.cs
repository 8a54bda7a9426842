using Capteur.Broker.Tests.Support;
using MQTTnet;
using MQTTnet.Adapter;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Capteur.Broker.Tests;

/// <summary>mosquitto 2 style security: anonymous policy by listener, password file, ACL.</summary>
[TestClass]
public sealed class SecurityTests
{
    [TestMethod]
    public async Task Anonymous_client_is_refused_on_a_non_loopback_bind_and_the_startup_line_says_so()
    {
        using var data = new TempDirectory();
        using var broker = await BrokerProcess.StartBrokerAsync(data.Path, "--bind", "0.0.0.0");
        Assert.IsTrue(broker.Output.Contains("anonymous clients REFUSED (non-loopback bind 0.0.0.0; add --anonymous to allow them)"), string.Join("\n", broker.Output.Lines));

        var result = await TestClient.TryConnectAsync(TestClient.Options(broker.Port, "anon"));
        Assert.AreEqual(MqttClientConnectResultCode.NotAuthorized, result.ResultCode);
        await Wait.UntilAsync(() => broker.Output.Contains("client 'anon' refused: anonymous clients are refused on 0.0.0.0"), TimeSpan.FromSeconds(5), "the refusal log line");
    }

    [TestMethod]
    public async Task Anonymous_flag_allows_anonymous_clients_on_a_non_loopback_bind()
    {
        using var data = new TempDirectory();
        using var broker = await BrokerProcess.StartBrokerAsync(data.Path, "--bind", "0.0.0.0", "--anonymous");
        Assert.IsTrue(broker.Output.Contains("anonymous clients ALLOWED (--anonymous)"));
        await using var client = await TestClient.ConnectAsync(broker.Port, "anon");
        Assert.IsTrue(client.Client.IsConnected);
    }

    [TestMethod]
    public async Task Anonymous_clients_are_allowed_on_a_loopback_bind()
    {
        await using var broker = await InProcessBroker.StartAsync();
        await using var client = await TestClient.ConnectAsync(broker.Port, "local");
        Assert.IsTrue(client.Client.IsConnected);
    }

    [TestMethod]
    public async Task Passwd_command_creates_a_file_whose_user_can_connect_and_a_wrong_password_is_refused()
    {
        using var dir = new TempDirectory();
        var file = dir.File("passwd");
        using (var passwd = BrokerProcess.Start("broker", "passwd", file, "node-1", "--iterations", "1000"))
        {
            passwd.WriteInput("s3cret");
            Assert.AreEqual(0, await passwd.WaitForExitAsync(), string.Join("\n", passwd.Output.Lines));
        }

        StringAssert.StartsWith(File.ReadAllText(file), "node-1:$pbkdf2-sha256$1000$");
        await using var broker = await InProcessBroker.StartAsync(o =>
        {
            o.Bind = "0.0.0.0";
            o.PasswordFile = file;
        });
        await using var good = await TestClient.ConnectAsync(TestClient.Options(broker.Port, "n1").WithCredentials("node-1", "s3cret"));
        Assert.IsTrue(good.Client.IsConnected);
        var bad = await TestClient.TryConnectAsync(TestClient.Options(broker.Port, "n2").WithCredentials("node-1", "wrong"));
        Assert.AreEqual(MqttClientConnectResultCode.BadUserNameOrPassword, bad.ResultCode);
        Assert.IsTrue(broker.Log.Contains("client 'n2' refused: user 'node-1' refused: unknown user or wrong password"));
        Assert.AreEqual(MqttClientConnectResultCode.NotAuthorized, (await TestClient.TryConnectAsync(TestClient.Options(broker.Port, "anon"))).ResultCode);
    }

    [TestMethod]
    public async Task Acl_denies_publishing_outside_the_users_topics_and_filters_what_a_wildcard_subscriber_receives()
    {
        using var dir = new TempDirectory();
        File.WriteAllLines(dir.File("acl"),
        [
            "# nodes write their own subtree, the dashboard reads everything under capteur/",
            "pattern write capteur/%c/#",
            "user dashboard",
            "topic read capteur/#",
        ]);
        await using var broker = await InProcessBroker.StartAsync(o => o.AclFile = dir.File("acl"));
        await using var dashboard = await TestClient.ConnectAsync(TestClient.Options(broker.Port, "dash").WithCredentials("dashboard", ""));
        await dashboard.SubscribeAsync("#");
        await using var node = await TestClient.ConnectAsync(TestClient.Options(broker.Port, "node-1", version: MqttProtocolVersion.V500));

        var own = await node.PublishAsync("capteur/node-1/t", "ok");
        var other = await node.PublishAsync("capteur/node-2/t", "spoofed");
        var outside = await node.PublishAsync("secret/x", "no");
        await node.PublishAsync("capteur/node-1/t", "ok again");
        await dashboard.WaitForAsync(2, "the node's own readings");

        Assert.AreEqual(MqttClientPublishReasonCode.Success, own.ReasonCode);
        Assert.AreEqual(MqttClientPublishReasonCode.NotAuthorized, other.ReasonCode);
        Assert.AreEqual(MqttClientPublishReasonCode.NotAuthorized, outside.ReasonCode);
        CollectionAssert.AreEqual(new[] { "capteur/node-1/t=ok", "capteur/node-1/t=ok again" }, dashboard.ReceivedTexts.ToArray());
        Assert.IsTrue(broker.Log.Contains("client 'node-1': publish to 'capteur/node-2/t' denied by the ACL file"));
    }

    [TestMethod]
    public async Task Clients_cannot_publish_into_sys_topics()
    {
        await using var broker = await InProcessBroker.StartAsync();
        await using var client = await TestClient.ConnectAsync(broker.Port, "c", version: MqttProtocolVersion.V500);
        var result = await client.PublishAsync("$SYS/broker/version", "fake");
        Assert.AreEqual(MqttClientPublishReasonCode.NotAuthorized, result.ReasonCode);
        Assert.IsTrue(broker.Log.Contains("warning: client 'c': publish to '$SYS/broker/version' refused: topics starting with '$' are reserved for the broker"),
            string.Join("\n", broker.Log.Lines));
    }
}
