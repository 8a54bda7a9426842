using System.Diagnostics;
using Capteur.Broker.Tests.Support;
using MQTTnet.Protocol;

namespace Capteur.Broker.Tests;

/// <summary>Restoring many persistent sessions after a restart (clean shutdown; the kill -9 cases are in KillRecoveryTests).</summary>
[TestClass]
public sealed class SessionRestoreTests
{
    [TestMethod]
    public async Task Two_hundred_persistent_sessions_are_restored_with_their_subscriptions_and_queues()
    {
        using var data = new TempDirectory();
        const int sessions = 200;
        await using (var broker = await InProcessBroker.StartAsync(o => o.DataDirectory = data.Path))
        {
            for (var i = 0; i < sessions; i++)
            {
                await using var client = await TestClient.ConnectAsync(broker.Port, $"node-{i}", cleanSession: false);
                await client.SubscribeAsync($"cmd/node-{i}", MqttQualityOfServiceLevel.AtLeastOnce);
            }

            await using var sender = await TestClient.ConnectAsync(broker.Port, "sender");
            for (var i = 0; i < sessions; i++)
            {
                await sender.PublishAsync($"cmd/node-{i}", $"reboot {i}");
            }
        }

        var clock = Stopwatch.StartNew();
        await using var restarted = await InProcessBroker.StartAsync(o => o.DataDirectory = data.Path);
        Console.WriteLine($"restored {sessions} sessions in {clock.ElapsedMilliseconds} ms");
        Assert.IsTrue(restarted.Log.Contains($"restored 0 retained messages, {sessions} persistent sessions, {sessions} queued messages"), string.Join("\n", restarted.Log.Lines));
        Assert.AreEqual(sessions, restarted.Host.PersistentSessions);
        await using var node = await TestClient.ConnectAsync(restarted.Port, "node-123", cleanSession: false);
        await node.WaitForAsync(1, "its queued command");
        Assert.AreEqual("cmd/node-123=reboot 123", node.ReceivedTexts.Single());
    }

    [TestMethod]
    public async Task Mqtt5_session_is_deleted_with_its_stored_queue_once_its_expiry_interval_has_passed()
    {
        using var data = new TempDirectory();
        await using (var broker = await InProcessBroker.StartAsync(o => o.DataDirectory = data.Path))
        {
            await using (var client = await TestClient.ConnectAsync(TestClient.Options(broker.Port, "short-lived", cleanSession: false, MQTTnet.Formatter.MqttProtocolVersion.V500).WithSessionExpiryInterval(1)))
            {
                await client.SubscribeAsync("t");
            }

            await using (var sender = await TestClient.ConnectAsync(broker.Port, "sender"))
            {
                await sender.PublishAsync("t", "queued");
            }

            await Wait.UntilAsync(() => broker.Log.Contains("client 'short-lived': session expired after 1 s away (MQTT 5 session expiry)"), TimeSpan.FromSeconds(10), "the expiry");
            await Wait.UntilAsync(() => broker.Host.PersistentSessions == 0, TimeSpan.FromSeconds(5), "the session to be forgotten");
        }

        await using var restarted = await InProcessBroker.StartAsync(o => o.DataDirectory = data.Path);
        Assert.IsTrue(restarted.Log.Contains("restored 0 retained messages, 0 persistent sessions, 0 queued messages"), string.Join("\n", restarted.Log.Lines));
    }
}
