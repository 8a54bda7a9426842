using Capteur.Broker.Tests.Support;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Capteur.Broker.Tests;

/// <summary>MQTT features the fleet relies on, end to end through `capteur broker`.</summary>
[TestClass]
public sealed class ProtocolFeatureTests
{
    [TestMethod]
    public async Task Last_will_is_published_when_a_node_drops_without_disconnect()
    {
        await using var broker = await InProcessBroker.StartAsync();
        await using var watcher = await TestClient.ConnectAsync(broker.Port, "watcher");
        await watcher.SubscribeAsync("capteur/+/status");
        var node = new MqttClientFactory().CreateMqttClient();
        await node.ConnectAsync(TestClient.Options(broker.Port, "node-9")
            .WithWillTopic("capteur/node-9/status").WithWillPayload("offline").WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());

        // Dispose closes the socket without DISCONNECT: what a node losing power looks like to the broker.
        node.Dispose();
        await watcher.WaitForAsync(1, "the last will");
        Assert.AreEqual("capteur/node-9/status=offline", watcher.ReceivedTexts.Single());
    }

    [TestMethod]
    [DataRow(MqttProtocolVersion.V311)]
    [DataRow(MqttProtocolVersion.V500)]
    public async Task Wildcards_and_qos_2_deliver_exactly_the_matching_topics(MqttProtocolVersion version)
    {
        await using var broker = await InProcessBroker.StartAsync();
        await using var subscriber = await TestClient.ConnectAsync(broker.Port, "sub", version: version);
        await subscriber.SubscribeAsync("home/+/temperature", MqttQualityOfServiceLevel.ExactlyOnce);
        await subscriber.SubscribeAsync("garden/#", MqttQualityOfServiceLevel.ExactlyOnce);
        await using var publisher = await TestClient.ConnectAsync(broker.Port, "pub", version: version);
        foreach (var topic in new[] { "home/kitchen/temperature", "home/kitchen/humidity", "home/a/b/temperature", "garden", "garden/pond/level" })
        {
            await publisher.PublishAsync(topic, "x", MqttQualityOfServiceLevel.ExactlyOnce);
        }

        await publisher.PublishAsync("garden/end", "x", MqttQualityOfServiceLevel.ExactlyOnce);
        await Wait.UntilAsync(() => subscriber.ReceivedTexts.Contains("garden/end=x"), TimeSpan.FromSeconds(10), "the last message");
        CollectionAssert.AreEqual(new[] { "home/kitchen/temperature=x", "garden=x", "garden/pond/level=x", "garden/end=x" }, subscriber.ReceivedTexts.ToArray());
        Assert.IsTrue(subscriber.Received.All(m => m.QualityOfServiceLevel == MqttQualityOfServiceLevel.ExactlyOnce));
    }

    [TestMethod]
    public async Task Config_file_settings_apply_and_flags_override_them()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("broker.json"), """{ "bind": "0.0.0.0", "anonymous": true, "max-connections": 123, "data": "store" }""");
        using var broker = BrokerProcess.Start("broker", "--port", "0", "--sys-interval", "0", "--config", dir.File("broker.json"), "--data", dir.File("flag-data"));
        await broker.WaitForReadyAsync();
        var lines = string.Join("\n", broker.Output.Lines);
        StringAssert.Contains(lines, "anonymous clients ALLOWED (--anonymous)");
        StringAssert.Contains(lines, "max-connections 123");
        StringAssert.Contains(lines, $"store {dir.File("flag-data")}/broker.db");
    }

    [TestMethod]
    public async Task Bad_flags_exit_with_code_2_and_one_line_per_problem()
    {
        using var broker = BrokerProcess.Start("broker", "--port", "70000", "--queue-overflow", "block");
        Assert.AreEqual(2, await broker.WaitForExitAsync());
        CollectionAssert.AreEqual(new[] { "stderr: capteur broker: --queue-overflow: 'block' is not a queue overflow policy (use drop-new or drop-oldest)" }, broker.Output.Lines.ToArray());
    }
}
