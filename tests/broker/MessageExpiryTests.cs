using System.Diagnostics;
using System.Globalization;
using Capteur.Broker.Tests.Support;
using Microsoft.Data.Sqlite;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Capteur.Broker.Tests;

/// <summary>
/// MQTT 5 message expiry (MQTT 5.0 §3.3.2.3.3) end to end: an expired message is not delivered [MQTT-3.3.2-5], a forwarded one carries
/// the interval minus the time it waited [MQTT-3.3.2-6], retained messages expire, and the deadline survives a restart. Expiry is about time
/// passing, so these tests wait on the clock, each time just past an interval; the tolerance is one second (brokers count whole seconds).
/// </summary>
[TestClass]
public sealed class MessageExpiryTests
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [TestMethod]
    [DataRow(MqttQualityOfServiceLevel.AtLeastOnce)]
    [DataRow(MqttQualityOfServiceLevel.ExactlyOnce)]
    public async Task Queued_message_whose_expiry_passed_while_its_persistent_subscriber_was_away_is_not_delivered(MqttQualityOfServiceLevel qos)
    {
        using var data = new TempDirectory();
        await using var broker = await InProcessBroker.StartAsync(o => o.DataDirectory = data.Path);
        var subscriber = ExpiryClient.PersistentV5(broker.Port, "dashboard");
        await using (var first = await TestClient.ConnectAsync(subscriber))
        {
            await first.SubscribeAsync("t/#", qos);
        }

        await using var node = await TestClient.ConnectAsync(broker.Port, "node", version: MqttProtocolVersion.V500);
        var sent = await ExpiryClient.PublishAsync(node, "t/short", "short-lived", 1, qos);
        await ExpiryClient.PublishAsync(node, "t/long", "long-lived", 3600, qos);
        Assert.AreEqual(2, ExpiryClient.CountRows(data.Path, "queued"));
        await ExpiryClient.WaitUntilAsync(sent, 1.1);

        await using var back = await TestClient.ConnectAsync(subscriber);
        await ExpiryClient.PublishAsync(node, "t/marker", "marker", 0, qos);
        await Wait.UntilAsync(() => back.ReceivedTexts.Contains("t/marker=marker"), Timeout, "the marker published after the reconnect");
        CollectionAssert.AreEqual(new[] { "t/long=long-lived", "t/marker=marker" }, back.ReceivedTexts.ToArray());

        // The expired message's stored copy goes with it, and MQTTnet lets go of its packet id (no warning that it could not).
        await Wait.UntilAsync(() => ExpiryClient.CountRows(data.Path, "queued") == 0, Timeout, "an empty store queue; rows: " + ExpiryClient.CountRows(data.Path, "queued"));
        Assert.IsFalse(broker.Log.Contains("could not be released"), string.Join("\n", broker.Log.Lines));
    }

    [TestMethod]
    public async Task Queued_message_is_forwarded_with_its_expiry_interval_minus_the_seconds_it_waited()
    {
        await using var broker = await InProcessBroker.StartAsync();
        var subscriber = ExpiryClient.PersistentV5(broker.Port, "dashboard");
        await using (var first = await TestClient.ConnectAsync(subscriber))
        {
            await first.SubscribeAsync("t/#");
        }

        await using var node = await TestClient.ConnectAsync(broker.Port, "node", version: MqttProtocolVersion.V500);
        var sent = await ExpiryClient.PublishAsync(node, "t/reading", "21.5", 3600);
        await ExpiryClient.WaitUntilAsync(sent, 2.2);

        await using var back = await TestClient.ConnectAsync(subscriber);
        await back.WaitForAsync(1, "the queued reading");
        var waited = sent.Elapsed.TotalSeconds;
        var forwarded = back.Received.Single().MessageExpiryInterval;
        Assert.IsTrue(Math.Abs(forwarded - (3600 - waited)) <= 1, $"forwarded with expiry {forwarded} after {waited:F2} s of waiting; expected 3600 - {waited:F2} ± 1");
        Assert.IsTrue(forwarded <= 3598, $"forwarded with expiry {forwarded} after {waited:F2} s");
    }

    [TestMethod]
    public async Task Live_subscriber_gets_the_full_interval_and_the_publishers_user_properties_without_the_broker_stamp()
    {
        await using var broker = await InProcessBroker.StartAsync();
        await using var watcher = await TestClient.ConnectAsync(broker.Port, "watcher", version: MqttProtocolVersion.V500);
        await watcher.SubscribeAsync("t/#");
        await using var node = await TestClient.ConnectAsync(broker.Port, "node", version: MqttProtocolVersion.V500);
        await ExpiryClient.PublishAsync(node, "t/reading", "21.5", 3600, userProperty: ("origin", "node-1"));

        await watcher.WaitForAsync(1, "the live reading");
        var received = watcher.Received.Single();
        Assert.IsTrue(received.MessageExpiryInterval is 3599 or 3600, $"forwarded with expiry {received.MessageExpiryInterval}");
        Assert.AreEqual("origin=node-1", ExpiryClient.UserProperties(received));
    }

    [TestMethod]
    public async Task Expired_retained_message_is_not_served_to_new_subscribers_and_not_restored_after_a_restart()
    {
        using var data = new TempDirectory();
        await using (var broker = await InProcessBroker.StartAsync(o => o.DataDirectory = data.Path))
        {
            await using var node = await TestClient.ConnectAsync(broker.Port, "node", version: MqttProtocolVersion.V500);
            var sent = await ExpiryClient.PublishAsync(node, "r/short", "stale", 1, retain: true);
            await ExpiryClient.PublishAsync(node, "r/long", "fresh", 3600, retain: true);
            Assert.AreEqual(2, ExpiryClient.CountRows(data.Path, "retained"));
            await ExpiryClient.WaitUntilAsync(sent, 1.1);

            await using var late = await TestClient.ConnectAsync(broker.Port, "late", version: MqttProtocolVersion.V500);
            await late.SubscribeAsync("r/#");
            await ExpiryClient.PublishAsync(node, "r/marker", "marker", 0);
            await Wait.UntilAsync(() => late.ReceivedTexts.Contains("r/marker=marker"), Timeout, "the marker published after the subscription");
            CollectionAssert.AreEqual(new[] { "r/long=fresh", "r/marker=marker" }, late.ReceivedTexts.ToArray());

            // Swept from MQTTnet and from the store within a second.
            await Wait.UntilAsync(() => ExpiryClient.CountRows(data.Path, "retained") == 1, Timeout, "the expired retained message to leave the store");
        }

        await using var restarted = await InProcessBroker.StartAsync(o => o.DataDirectory = data.Path);
        // Nothing left to discard at this start: the running broker had already deleted it.
        Assert.IsTrue(restarted.Log.Lines.Any(l => l.EndsWith(" restored 1 retained messages, 0 persistent sessions, 0 queued messages", StringComparison.Ordinal)),
            string.Join("\n", restarted.Log.Lines));
        await using var reader = await TestClient.ConnectAsync(restarted.Port, "reader", version: MqttProtocolVersion.V500);
        await reader.SubscribeAsync("r/#");
        await reader.WaitForAsync(1, "the retained message that has not expired");
        Assert.AreEqual("r/long=fresh", reader.ReceivedTexts.Single());
    }

    [TestMethod]
    public async Task Retained_message_republished_with_the_same_payload_takes_the_new_expiry()
    {
        await using var broker = await InProcessBroker.StartAsync();
        await using var node = await TestClient.ConnectAsync(broker.Port, "node", version: MqttProtocolVersion.V500);
        var first = await ExpiryClient.PublishAsync(node, "r/status", "online", 1, retain: true);
        await ExpiryClient.PublishAsync(node, "r/status", "online", 3600, retain: true);
        await ExpiryClient.WaitUntilAsync(first, 1.1);

        await using var late = await TestClient.ConnectAsync(broker.Port, "late", version: MqttProtocolVersion.V500);
        await late.SubscribeAsync("r/#");
        await late.WaitForAsync(1, "the retained status, kept alive by the second publish");
        var received = late.Received.Single();
        Assert.AreEqual("r/status=online", late.ReceivedTexts.Single());
        Assert.IsTrue(received.MessageExpiryInterval is >= 3597 and <= 3599, $"forwarded with expiry {received.MessageExpiryInterval}");
    }

    [TestMethod]
    public async Task Time_the_broker_was_down_after_kill_9_counts_towards_message_expiry()
    {
        using var data = new TempDirectory();
        Stopwatch sent;
        var subscriber = ExpiryClient.PersistentV5(0, "archiver");
        using (var broker = await BrokerProcess.StartBrokerAsync(data.Path, "--bind", "127.0.0.1"))
        {
            subscriber.WithTcpServer("127.0.0.1", broker.Port);
            await using (var first = await TestClient.ConnectAsync(subscriber))
            {
                await first.SubscribeAsync("k/#");
            }

            await using var node = await TestClient.ConnectAsync(broker.Port, "node", version: MqttProtocolVersion.V500);
            sent = await ExpiryClient.PublishAsync(node, "k/short", "short-lived", 2);
            await ExpiryClient.PublishAsync(node, "k/long", "long-lived", 3600);
            await ExpiryClient.PublishAsync(node, "k/status", "stale", 2, retain: true);
            broker.Kill9();
        }

        await ExpiryClient.WaitUntilAsync(sent, 2.1);
        using var restarted = await BrokerProcess.StartBrokerAsync(data.Path, "--bind", "127.0.0.1");
        StringAssert.Contains(string.Join("\n", restarted.Output.Lines),
            "restored 0 retained messages, 1 persistent sessions, 1 queued messages; discarded 3 messages whose MQTT 5 message expiry passed while the broker was down");

        subscriber.WithTcpServer("127.0.0.1", restarted.Port);
        await using var back = await TestClient.ConnectAsync(subscriber);
        await back.WaitForAsync(1, "the queued message that has not expired");
        var waited = sent.Elapsed.TotalSeconds;
        await using var node2 = await TestClient.ConnectAsync(restarted.Port, "node", version: MqttProtocolVersion.V500);
        await ExpiryClient.PublishAsync(node2, "k/marker", "marker", 0);
        await Wait.UntilAsync(() => back.ReceivedTexts.Contains("k/marker=marker"), Timeout, "the marker published after the reconnect");
        CollectionAssert.AreEqual(new[] { "k/long=long-lived", "k/marker=marker" }, back.ReceivedTexts.ToArray());
        var forwarded = back.Received.First().MessageExpiryInterval;
        Assert.IsTrue(Math.Abs(forwarded - (3600 - waited)) <= 1, $"forwarded with expiry {forwarded} after {waited:F2} s, restart included");
    }

    [TestMethod]
    public async Task Message_without_expiry_is_delivered_unchanged_however_long_it_waited()
    {
        await using var broker = await InProcessBroker.StartAsync();
        var subscriber = ExpiryClient.PersistentV5(broker.Port, "dashboard");
        await using (var first = await TestClient.ConnectAsync(subscriber))
        {
            await first.SubscribeAsync("t/#");
        }

        // The stamp's property name means nothing on a message without an expiry interval: it passes like any user property.
        await using var node = await TestClient.ConnectAsync(broker.Port, "node", version: MqttProtocolVersion.V500);
        var sent = await ExpiryClient.PublishAsync(node, "t/plain", "kept", 0, userProperty: ("$capteur-expires-at-ms", "0"));
        await ExpiryClient.PublishAsync(node, "t/retained", "kept too", 0, retain: true);
        await ExpiryClient.WaitUntilAsync(sent, 1.1);

        await using var back = await TestClient.ConnectAsync(subscriber);
        await back.WaitForAsync(2, "both queued messages");
        CollectionAssert.AreEqual(new[] { "t/plain=kept", "t/retained=kept too" }, back.ReceivedTexts.ToArray());
        Assert.IsTrue(back.Received.All(m => m.MessageExpiryInterval == 0));
        Assert.AreEqual("$capteur-expires-at-ms=0", ExpiryClient.UserProperties(back.Received.First()));

        await using var late = await TestClient.ConnectAsync(broker.Port, "late", version: MqttProtocolVersion.V500);
        await late.SubscribeAsync("t/retained");
        await late.WaitForAsync(1, "the retained message");
        Assert.AreEqual(0u, late.Received.Single().MessageExpiryInterval);
    }

    [TestMethod]
    public async Task Withdrawn_expired_message_does_not_take_the_packet_id_of_a_later_one()
    {
        // MQTTnet gives a QoS 1 packet its id when it is queued; were the expired one left in the session, the PUBACK of the message that
        // reuses its id 65,535 packets later would acknowledge the expired one, and that later message would come again at the next reconnect.
        using var data = new TempDirectory();
        await using var broker = await InProcessBroker.StartAsync(o => o.DataDirectory = data.Path);
        var subscriber = ExpiryClient.PersistentV5(broker.Port, "logger");
        await using (var first = await TestClient.ConnectAsync(subscriber))
        {
            await first.SubscribeAsync("p/#");
        }

        await using var node = await TestClient.ConnectAsync(broker.Port, "node", version: MqttProtocolVersion.V500);
        var sent = await ExpiryClient.PublishAsync(node, "p/expired", "gone", 1);
        await ExpiryClient.WaitUntilAsync(sent, 1.1);

        const int count = 65_600;
        var received = 0;
        await using (var online = await TestClient.ConnectAsync(subscriber))
        {
            online.Client.ApplicationMessageReceivedAsync += _ =>
            {
                Interlocked.Increment(ref received);
                return Task.CompletedTask;
            };
            for (var i = 0; i < count; i += 500)
            {
                await Task.WhenAll(Enumerable.Range(i, Math.Min(500, count - i)).Select(n => node.PublishAsync("p/n", n.ToString(CultureInfo.InvariantCulture))));
            }

            await Wait.UntilAsync(() => Volatile.Read(ref received) >= count, TimeSpan.FromSeconds(60), $"{count} messages; got {Volatile.Read(ref received)}");
            Assert.IsFalse(online.ReceivedTexts.Contains("p/expired=gone"));

            // The SUBACK comes after the broker has handled every PUBACK sent before the SUBSCRIBE.
            await online.SubscribeAsync("sync");
        }

        await using var again = await TestClient.ConnectAsync(subscriber);
        await ExpiryClient.PublishAsync(node, "p/marker", "marker", 0);
        await Wait.UntilAsync(() => again.ReceivedTexts.Contains("p/marker=marker"), Timeout, "the marker");
        CollectionAssert.AreEqual(new[] { "p/marker=marker" }, again.ReceivedTexts.ToArray(), "messages delivered again after the reconnect");
        await Wait.UntilAsync(() => ExpiryClient.CountRows(data.Path, "queued") == 0, Timeout, "an empty store queue; rows: " + ExpiryClient.CountRows(data.Path, "queued"));
    }

    [TestMethod]
    public async Task Store_written_before_expiry_was_enforced_counts_its_messages_intervals_from_the_first_start()
    {
        using var data = new TempDirectory();
        using (var old = new SqliteConnection($"Data Source={data.File("broker.db")};Pooling=false"))
        {
            old.Open();
            using var command = old.CreateCommand();
            command.CommandText =
                """
                CREATE TABLE retained(topic TEXT PRIMARY KEY, message TEXT NOT NULL, payload BLOB NOT NULL);
                CREATE TABLE sessions(client_id TEXT PRIMARY KEY, user_name TEXT, expiry_seconds INTEGER NOT NULL);
                CREATE TABLE subscriptions(client_id TEXT NOT NULL, topic_filter TEXT NOT NULL, qos INTEGER NOT NULL,
                    no_local INTEGER NOT NULL, retain_as_published INTEGER NOT NULL, retain_handling INTEGER NOT NULL, PRIMARY KEY(client_id, topic_filter));
                CREATE TABLE queued(seq INTEGER PRIMARY KEY AUTOINCREMENT, client_id TEXT NOT NULL, topic TEXT NOT NULL, message TEXT NOT NULL, payload BLOB NOT NULL);
                INSERT INTO retained VALUES('m/status', '{"Topic":"m/status","Qos":1,"Retain":true,"ExpirySeconds":3600}', CAST('online' AS BLOB));
                INSERT INTO sessions VALUES('dashboard', NULL, 3600);
                INSERT INTO subscriptions VALUES('dashboard', 'm/#', 1, 0, 0, 2);
                INSERT INTO queued(client_id, topic, message, payload) VALUES('dashboard', 'm/x', '{"Topic":"m/x","Qos":1,"ExpirySeconds":3600}', CAST('old' AS BLOB));
                INSERT INTO queued(client_id, topic, message, payload) VALUES('dashboard', 'm/y', '{"Topic":"m/y","Qos":1}', CAST('plain' AS BLOB));
                """;
            command.ExecuteNonQuery();
        }

        var started = Stopwatch.StartNew();
        await using var broker = await InProcessBroker.StartAsync(o => o.DataDirectory = data.Path);
        Assert.IsTrue(broker.Log.Lines.Any(l => l.EndsWith(" restored 1 retained messages, 1 persistent sessions, 2 queued messages", StringComparison.Ordinal)),
            string.Join("\n", broker.Log.Lines));
        await using var back = await TestClient.ConnectAsync(ExpiryClient.PersistentV5(broker.Port, "dashboard"));
        await back.WaitForAsync(2, "the two queued messages");
        CollectionAssert.AreEqual(new[] { "m/x=old", "m/y=plain" }, back.ReceivedTexts.ToArray());
        var intervals = back.Received.Select(m => m.MessageExpiryInterval).ToArray();
        Assert.IsTrue(Math.Abs(intervals[0] - (3600 - started.Elapsed.TotalSeconds)) <= 1, $"forwarded with expiry {intervals[0]} {started.Elapsed.TotalSeconds:F2} s after the start");
        Assert.AreEqual(0u, intervals[1]);
        await using var late = await TestClient.ConnectAsync(broker.Port, "late", version: MqttProtocolVersion.V500);
        await late.SubscribeAsync("m/status");
        await late.WaitForAsync(1, "the retained status");
        var retained = late.Received.Single().MessageExpiryInterval;
        Assert.IsTrue(Math.Abs(retained - (3600 - started.Elapsed.TotalSeconds)) <= 1, $"retained forwarded with expiry {retained} {started.Elapsed.TotalSeconds:F2} s after the start");
    }

    [TestMethod]
    public async Task Mosquitto_sub_gets_a_retained_message_with_its_remaining_expiry()
    {
        await using var broker = await InProcessBroker.StartAsync();
        var port = broker.Port.ToString(CultureInfo.InvariantCulture);
        var pub = await Mosquitto.RunAsync("mosquitto_pub", "-h", "127.0.0.1", "-p", port, "-V", "mqttv5", "-t", "m/status", "-m", "online", "-r", "-q", "1",
            "-D", "publish", "message-expiry-interval", "3600");
        var sent = Stopwatch.StartNew();
        Assert.AreEqual(0, pub.ExitCode, pub.Error);
        await ExpiryClient.WaitUntilAsync(sent, 2.1);

        var sub = await Mosquitto.RunAsync("mosquitto_sub", "-h", "127.0.0.1", "-p", port, "-V", "mqttv5", "-t", "m/#", "-C", "1", "-W", "10", "-F", "%E %t %p");
        var waited = sent.Elapsed.TotalSeconds;
        Assert.AreEqual(0, sub.ExitCode, sub.Error);
        var fields = sub.Output.Trim().Split(' ');
        CollectionAssert.AreEqual(new[] { "m/status", "online" }, fields[1..], sub.Output);
        var forwarded = int.Parse(fields[0], CultureInfo.InvariantCulture);
        Assert.IsTrue(Math.Abs(forwarded - (3600 - waited)) <= 1, $"mosquitto_sub printed expiry {forwarded} after {waited:F2} s");
    }
}
