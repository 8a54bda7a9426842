using Capteur.Broker.Tests.Support;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Capteur.Broker.Tests;

/// <summary>Nothing acknowledged is lost when the broker process is killed with SIGKILL and started again on the same data folder.</summary>
[TestClass]
public sealed class KillRecoveryTests
{
    [TestMethod]
    public async Task Retained_message_survives_kill_9_of_the_broker()
    {
        using var data = new TempDirectory();
        using (var broker = await BrokerProcess.StartBrokerAsync(data.Path, "--bind", "127.0.0.1"))
        {
            await using var publisher = await TestClient.ConnectAsync(broker.Port, "node-1");
            await publisher.PublishAsync("capteur/node-1/temperature", "21.5", retain: true);
            broker.Kill9();
        }

        using var restarted = await BrokerProcess.StartBrokerAsync(data.Path, "--bind", "127.0.0.1");
        await using var reader = await TestClient.ConnectAsync(restarted.Port, "reader");
        await reader.SubscribeAsync("capteur/#");
        await reader.WaitForAsync(1, "the retained reading");
        CollectionAssert.AreEqual(new[] { "capteur/node-1/temperature=21.5" }, reader.ReceivedTexts.ToArray());
        Assert.IsTrue(reader.Received.Single().Retain);
    }

    [TestMethod]
    [DataRow(MqttProtocolVersion.V311)]
    [DataRow(MqttProtocolVersion.V500)]
    public async Task Qos1_messages_queued_for_an_offline_persistent_session_are_delivered_after_kill_9(MqttProtocolVersion version)
    {
        using var data = new TempDirectory();
        var subscriber = TestClient.Options(0, "dashboard", cleanSession: false, version);
        using (var broker = await BrokerProcess.StartBrokerAsync(data.Path, "--bind", "127.0.0.1"))
        {
            subscriber.WithTcpServer("127.0.0.1", broker.Port).WithSessionExpiryInterval(3600);
            await using (var first = await TestClient.ConnectAsync(subscriber))
            {
                await first.SubscribeAsync("capteur/+/temperature");
            }

            await using var node = await TestClient.ConnectAsync(broker.Port, "node-1");
            for (var i = 1; i <= 50; i++)
            {
                var result = await node.PublishAsync("capteur/node-1/temperature", $"reading {i}");
                Assert.IsTrue(result.IsSuccess, result.ReasonCode.ToString());
            }

            broker.Kill9();
        }

        using var restarted = await BrokerProcess.StartBrokerAsync(data.Path, "--bind", "127.0.0.1");
        StringAssert.Contains(string.Join("\n", restarted.Output.Lines), "restored 0 retained messages, 1 persistent sessions, 50 queued messages");
        subscriber.WithTcpServer("127.0.0.1", restarted.Port);
        await using var again = await TestClient.ConnectAsync(subscriber);
        await again.WaitForAsync(50, "the 50 queued readings");
        CollectionAssert.AreEqual(Enumerable.Range(1, 50).Select(i => $"capteur/node-1/temperature=reading {i}").ToArray(), again.ReceivedTexts.ToArray());
    }

    [TestMethod]
    public async Task Subscription_of_a_persistent_session_survives_kill_9_and_keeps_collecting_while_the_client_is_away()
    {
        using var data = new TempDirectory();
        int port;
        using (var broker = await BrokerProcess.StartBrokerAsync(data.Path, "--bind", "127.0.0.1"))
        {
            await using (var first = await TestClient.ConnectAsync(broker.Port, "logger", cleanSession: false))
            {
                await first.SubscribeAsync("alarms/#", MqttQualityOfServiceLevel.ExactlyOnce);
            }

            broker.Kill9();
        }

        using var restarted = await BrokerProcess.StartBrokerAsync(data.Path, "--bind", "127.0.0.1");
        port = restarted.Port;
        await using (var node = await TestClient.ConnectAsync(port, "node-7"))
        {
            await node.PublishAsync("alarms/node-7/door", "open", MqttQualityOfServiceLevel.ExactlyOnce);
        }

        await using var back = await TestClient.ConnectAsync(port, "logger", cleanSession: false);
        await back.WaitForAsync(1, "the alarm published while the logger was away");
        Assert.AreEqual("alarms/node-7/door=open", back.ReceivedTexts.Single());
        Assert.AreEqual(MqttQualityOfServiceLevel.ExactlyOnce, back.Received.Single().QualityOfServiceLevel);
    }

    [TestMethod]
    public async Task Acknowledged_messages_are_not_delivered_again_after_a_restart()
    {
        using var data = new TempDirectory();
        using (var broker = await BrokerProcess.StartBrokerAsync(data.Path, "--bind", "127.0.0.1"))
        {
            await using var subscriber = await TestClient.ConnectAsync(broker.Port, "dashboard", cleanSession: false);
            await subscriber.SubscribeAsync("t");
            await using var node = await TestClient.ConnectAsync(broker.Port, "node");
            await node.PublishAsync("t", "once");
            await node.PublishAsync("t", "second");
            await subscriber.WaitForAsync(2, "both live messages");

            // The client acknowledged "once" before it handled "second"; the SUBACK proves the broker has processed that PUBACK.
            await subscriber.SubscribeAsync("sync");
            broker.Kill9();
        }

        using var restarted = await BrokerProcess.StartBrokerAsync(data.Path, "--bind", "127.0.0.1");
        await using var back = await TestClient.ConnectAsync(restarted.Port, "dashboard", cleanSession: false);
        await using var marker = await TestClient.ConnectAsync(restarted.Port, "marker");
        await marker.PublishAsync("t", "marker");
        await Wait.UntilAsync(() => back.ReceivedTexts.Contains("t=marker"), TimeSpan.FromSeconds(10), "the marker");
        Assert.IsFalse(back.ReceivedTexts.Contains("t=once"), string.Join(", ", back.ReceivedTexts));
    }

    [TestMethod]
    public async Task Acknowledging_a_retained_replay_keeps_a_queued_message_of_the_same_topic_across_kill_9()
    {
        // The recorder's case: it subscribes to maison/# and gets the retained `online` while a live `offline` of the same
        // topic is on its way. The replay is queued (and stored) like any message, so its PUBACK removes its own row, not
        // the `offline` that waits behind it.
        using var data = new TempDirectory();
        var pending = new System.Collections.Concurrent.ConcurrentQueue<MqttApplicationMessageReceivedEventArgs>();
        using (var broker = await BrokerProcess.StartBrokerAsync(data.Path, "--bind", "127.0.0.1"))
        {
            await using var node = await TestClient.ConnectAsync(broker.Port, "node");
            await node.PublishAsync("maison/salon/status", "online", retain: true);
            using var recorder = new MqttClientFactory().CreateMqttClient();
            recorder.ApplicationMessageReceivedAsync += e =>
            {
                e.AutoAcknowledge = false;
                pending.Enqueue(e);
                return Task.CompletedTask;
            };
            await recorder.ConnectAsync(TestClient.Options(broker.Port, "recorder", cleanSession: false).Build());
            await recorder.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter("maison/#", MqttQualityOfServiceLevel.AtLeastOnce).Build());
            await Wait.UntilAsync(() => pending.Count == 1, TimeSpan.FromSeconds(10), "the retained replay");
            await node.PublishAsync("maison/salon/status", "offline");
            await Wait.UntilAsync(() => pending.Count == 2, TimeSpan.FromSeconds(10), "the live message");
            var (replay, live) = (pending.First(), pending.Last());
            Assert.IsTrue(replay.ApplicationMessage.Retain && replay.ApplicationMessage.ConvertPayloadToString() == "online", "first the retained replay");
            Assert.IsFalse(live.ApplicationMessage.Retain);
            await replay.AcknowledgeAsync(CancellationToken.None);
            // the SUBACK proves the broker has processed the PUBACK before it; the live message stays unacknowledged
            await recorder.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter("sync", MqttQualityOfServiceLevel.AtLeastOnce).Build());
            broker.Kill9();
        }

        using var restarted = await BrokerProcess.StartBrokerAsync(data.Path, "--bind", "127.0.0.1");
        StringAssert.Contains(string.Join("\n", restarted.Output.Lines), "restored 1 retained messages, 1 persistent sessions, 1 queued messages");
        await using var back = await TestClient.ConnectAsync(restarted.Port, "recorder", cleanSession: false);
        await back.WaitForAsync(1, "the unacknowledged live message again");
        Assert.AreEqual("maison/salon/status=offline", back.ReceivedTexts.Single());
    }

    [TestMethod]
    public async Task Sigterm_shuts_the_broker_down_cleanly_with_exit_code_0()
    {
        using var data = new TempDirectory();
        using var broker = await BrokerProcess.StartBrokerAsync(data.Path, "--bind", "127.0.0.1");
        await using var client = await TestClient.ConnectAsync(broker.Port, "c");
        Assert.AreEqual(0, await broker.TerminateAsync());
        Assert.IsTrue(broker.Output.Contains("shutting down (signal received)"));
        Assert.IsTrue(broker.Output.Lines.Last().EndsWith(" stopped", StringComparison.Ordinal));
    }
}
