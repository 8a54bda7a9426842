using System.Diagnostics;
using Capteur.Broker.Persistence;
using Capteur.Broker.Tests.Support;
using Capteur.Desktop.Tests.Infrastructure;
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
    public async Task Clients_that_connect_while_sessions_are_restored_wait_for_them_and_miss_nothing()
    {
        // The restore goes through the open listener, so clients can reach the broker before it ends. A subscriber let in
        // then found no session (session present 0, its queue not yet back) and a publish missed every session restored later.
        using var data = new TempDirectory();
        const int sessions = 3000;
        await SeedAsync(data.Path, sessions);
        var port = FreePort.Next();
        var clock = Stopwatch.StartNew();
        var start = InProcessBroker.StartAsync(o =>
        {
            o.DataDirectory = data.Path;
            o.Port = port;
        });
        Assert.IsTrue(await Task.Run(() => FreePort.WaitListening(port, TimeSpan.FromSeconds(30))), "the listener opened");
        var acceptedAfter = clock.Elapsed;
        // node-999 sorts last among the stored client ids: its session is among the last restored
        var publishing = Task.Run(async () =>
        {
            await using var node = await TestClient.ConnectAsync(port, "sensor");
            await node.PublishAsync("cmd/node-999", "reboot");
            await node.PublishAsync("maison/salon/temperature", "during");
        });
        var connecting = TestClient.ConnectAsync(port, "audit", cleanSession: false);
        await using var broker = await start;
        var readyAfter = clock.Elapsed;
        Console.WriteLine($"{sessions} sessions: listener accepting after {acceptedAfter.TotalMilliseconds:F0} ms, restored (ready) after {readyAfter.TotalMilliseconds:F0} ms");
        Assert.IsTrue(readyAfter - acceptedAfter > TimeSpan.FromMilliseconds(200),
            $"the restore ended {(readyAfter - acceptedAfter).TotalMilliseconds:F0} ms after the listener opened: too soon for the clients to connect during it (store more sessions)");

        await using var audit = await connecting;
        Assert.IsTrue(audit.Connected.IsSessionPresent, "the subscriber that connected during the restore got its stored session");
        await publishing;
        await audit.WaitForAsync(2, "the stored message and the one published during the restore");
        Assert.AreEqual("maison/salon/temperature=before, maison/salon/temperature=during", string.Join(", ", audit.ReceivedTexts), "the stored message first, then the new one");
        await using var last = await TestClient.ConnectAsync(port, "node-999", cleanSession: false);
        await last.WaitForAsync(1, "the command published during the restore");
        Assert.AreEqual("cmd/node-999=reboot", last.ReceivedTexts.Single());
    }

    static async Task SeedAsync(string directory, int sessions)
    {
        await using var store = SqliteBrokerStore.Open(directory, DurabilityPolicy.Process);
        store.StartWriter();
        var writes = new List<Task>();
        for (var i = 0; i < sessions; i++)
        {
            writes.Add(store.UpsertSessionAsync($"node-{i}", null, 0));
            writes.Add(store.UpsertSubscriptionAsync($"node-{i}", new StoredSubscription($"cmd/node-{i}", 1, false, false, 0)));
        }

        writes.Add(store.UpsertSessionAsync("audit", null, 0));
        writes.Add(store.UpsertSubscriptionAsync("audit", new StoredSubscription("maison/#", 1, false, false, 0)));
        writes.Add(store.EnqueueMessageAsync("audit", new StoredMessage("maison/salon/temperature", "before"u8.ToArray(), 1, false)));
        await Task.WhenAll(writes);
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
