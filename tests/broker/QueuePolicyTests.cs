using Capteur.Broker.Tests.Support;
using MQTTnet.Protocol;

namespace Capteur.Broker.Tests;

/// <summary>The per-client queue: by default a slow or absent subscriber never loses QoS 1; with a limit, drops are counted and logged.</summary>
[TestClass]
public sealed class QueuePolicyTests
{
    [TestMethod]
    public async Task Qos1_burst_to_an_offline_persistent_subscriber_is_delivered_in_full_by_default()
    {
        await using var broker = await InProcessBroker.StartAsync();
        await using (var first = await TestClient.ConnectAsync(broker.Port, "slow", cleanSession: false))
        {
            await first.SubscribeAsync("burst/#");
        }

        await using (var node = await TestClient.ConnectAsync(broker.Port, "node"))
        {
            await Task.WhenAll(Enumerable.Range(0, 5000).Select(i => node.PublishAsync("burst/t", i.ToString())));
        }

        await using var back = await TestClient.ConnectAsync(broker.Port, "slow", cleanSession: false);
        await back.WaitForAsync(5000, "the whole burst", 60);
        CollectionAssert.AreEquivalent(Enumerable.Range(0, 5000).Select(i => "burst/t=" + i).ToArray(), back.ReceivedTexts.ToArray());
        Assert.AreEqual(0L, broker.Host.Statistics.MessagesDropped);
    }

    [TestMethod]
    public async Task With_a_queue_limit_and_drop_new_the_excess_is_dropped_counted_and_logged()
    {
        await using var broker = await InProcessBroker.StartAsync(o =>
        {
            o.MaxQueuedMessagesPerClient = 10;
            o.QueueOverflow = QueueOverflowPolicy.DropNew;
        });
        await using (var first = await TestClient.ConnectAsync(broker.Port, "slow", cleanSession: false))
        {
            await first.SubscribeAsync("burst/#");
        }

        await using (var node = await TestClient.ConnectAsync(broker.Port, "node"))
        {
            for (var i = 0; i < 25; i++)
            {
                await node.PublishAsync("burst/t", i.ToString(), MqttQualityOfServiceLevel.AtLeastOnce);
            }
        }

        Assert.AreEqual(15L, broker.Host.Statistics.MessagesDropped);
        Assert.IsTrue(broker.Log.Contains("client 'slow': queue full (max-queued-messages 10), dropped the new message on 'burst/t' (queue-overflow drop-new)"));
        await using var back = await TestClient.ConnectAsync(broker.Port, "slow", cleanSession: false);
        await back.WaitForAsync(10, "the 10 queued messages");
        CollectionAssert.AreEqual(Enumerable.Range(0, 10).Select(i => "burst/t=" + i).ToArray(), back.ReceivedTexts.ToArray());
    }
}
