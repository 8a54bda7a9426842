using System.Diagnostics;
using Capteur.Interop.Tests.Peers;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Capteur.Interop.Tests.Support;

namespace Capteur.Interop.Tests.Cluster;

/// <summary>
/// Scale-out on a RabbitMQ cluster on this machine (Debian's rabbitmq-server with its MQTT plugin, the nodes as the
/// test's own processes): three virtual nodes publish at QoS 1 to member A with the list A,B; <c>capteur watch --json
/// --session</c> (a persistent session, QoS 1) is subscribed on member B; A is stopped mid-run. The nodes must fail over
/// to B through their list and the watcher's audit must show every reading of every node (duplicates counted).
/// <para>
/// What RabbitMQ 3.10's MQTT plugin does when a member goes matters here: it tracks client IDs in a Raft cluster
/// (mqtt_node) with one member per node, which needs a majority. The tests assert what this version really does.
/// </para>
/// </summary>
[TestClass]
[TestCategory("full")]
public class RabbitClusterTests
{
    private static readonly string[] Rooms = ["maison/salon", "maison/cuisine", "maison/chambre"];

    [TestMethod]
    [Timeout(300000)]
    [DataRow("rabbitmqctl stop")]
    [DataRow("SIGTERM")]
    [DataRow("SIGKILL")]
    public async Task With_two_members_nodes_fail_over_from_a_stopped_member_and_the_watcher_on_the_other_misses_nothing(string how)
    {
        using RabbitCluster cluster = RabbitCluster.Start(2);
        Console.WriteLine($"RabbitMQ cluster of 2 ({RabbitMq.Version}) ready in {cluster.StartTook.TotalSeconds:F1} s "
            + $"(a {cluster.Members[0].StartTook.TotalSeconds:F1} s, then b {cluster.Members[1].StartTook.TotalSeconds:F1} s)");
        FailoverOutcome outcome = await FailOver(cluster, how, "2 members");
        // 3.10.8: the client-ID tracker has lost its majority (ra:members times out on B), yet B accepts new MQTT
        // connections: its registration is sent to the leader it last knew (A) without waiting for the answer.
        StringAssert.Contains(outcome.TrackerAfter, "timeout", "the MQTT client-ID tracker on b has no leader once a is gone");
        Assert.AreEqual("Success", outcome.ConnackAfter, "b still accepts new MQTT connections");
    }

    [TestMethod]
    [Timeout(300000)]
    public async Task With_three_members_nodes_fail_over_from_a_killed_member_and_the_client_id_tracker_keeps_its_majority()
    {
        using RabbitCluster cluster = RabbitCluster.Start(3);
        Console.WriteLine($"RabbitMQ cluster of 3 ({RabbitMq.Version}) ready in {cluster.StartTook.TotalSeconds:F1} s");
        FailoverOutcome outcome = await FailOver(cluster, "SIGKILL", "3 members");
        StringAssert.StartsWith(outcome.TrackerAfter, "{ok,", "the two members left elect a new leader of the client-ID tracker");
        Assert.AreEqual("Success", outcome.ConnackAfter);
    }

    [TestMethod]
    [Timeout(300000)]
    public async Task A_member_of_two_restarted_while_the_other_is_down_refuses_mqtt_with_connack_3()
    {
        using RabbitCluster cluster = RabbitCluster.Start(2);
        RabbitMq a = cluster.Members[0];
        RabbitMq b = cluster.Members[1];
        a.Kill9();
        Assert.AreEqual("Success", await ConnackProbe.Connect(b.Port), "b accepts MQTT while it runs on");
        b.Stop(TimeSpan.FromSeconds(30));
        b.Start();
        b.WaitReady(TimeSpan.FromSeconds(120));
        string alone = await ConnackProbe.Connect(b.Port);
        string tracker = RabbitCluster.ClientIdTracker(b);
        string refusal = File.ReadLines(b.LogFile).LastOrDefault(l => l.Contains("MQTT cannot accept a connection", StringComparison.Ordinal)) ?? "(no log line)";
        Console.WriteLine($"b restarted alone: CONNACK {alone}; tracker {tracker}; log: {refusal}");

        a.Start();
        a.WaitReady(TimeSpan.FromSeconds(180));
        var back = Stopwatch.StartNew();
        string again = await ConnackProbe.Connect(b.Port);
        while (again != "Success" && back.Elapsed < TimeSpan.FromSeconds(60))
        {
            Thread.Sleep(1000);
            again = await ConnackProbe.Connect(b.Port);
        }

        Console.WriteLine($"a back after {a.StartTook.TotalSeconds:F1} s: CONNACK on b {again} after {back.Elapsed.TotalSeconds:F1} s more; tracker {RabbitCluster.ClientIdTracker(b)}");
        foreach (string line in File.ReadLines(a.LogFile).Where(l => l.Contains("MQTT", StringComparison.Ordinal) || l.Contains("mqtt_node", StringComparison.Ordinal)).TakeLast(6))
        {
            Console.WriteLine("    a: " + line);
        }

        Assert.AreEqual("ServerUnavailable", alone, "with its peer down, a restarted member cannot register client IDs and refuses with code 3");
        StringAssert.Contains(refusal, "client ID registration timed out");
        Assert.AreEqual("Success", again, "once its peer is back, the member accepts MQTT again");
    }

    private static async Task<FailoverOutcome> FailOver(RabbitCluster cluster, string how, string label)
    {
        RabbitMq a = cluster.Members[0];
        RabbitMq b = cluster.Members[1];
        var audit = new FailoverAudit();
        string session = "capteur-watch-" + Guid.NewGuid().ToString("N")[..6];
        string queue = $"mqtt-subscription-{session}qos1";
        using WatchProcess watch = WatchProcess.Start(b.Port, session, audit, "watch on b");
        Poll.Until(() => RabbitCluster.QueueNode(b, queue) is not null, TimeSpan.FromSeconds(60), () => $"the watcher's session queue {queue}:\n{string.Join("\n", watch.Lines)}");
        Assert.AreEqual(b.Name, RabbitCluster.QueueNode(b, queue), "the watcher's session queue (a classic queue) lives on the member it connected to");

        DateTimeOffset started = DateTimeOffset.UtcNow;
        List<NodeProcess> nodes = [.. Rooms.Select(room => NodeProcess.Start(room, [a.Port, b.Port], "--set", "node.info_s=0"))];
        try
        {
            Poll.Until(() => nodes.All(n => audit.Distinct(n.Topic) >= 30), TimeSpan.FromSeconds(90),
                () => "30 readings of each node published to a and seen by the watcher on b: " + string.Join(", ", nodes.Select(n => $"{n.Topic} {audit.Distinct(n.Topic)}")));
            foreach (NodeProcess node in nodes)
            {
                Assert.IsNotNull(node.OnlineAt(a.Port, started), $"{node.Topic} publishes to a, the first member of its list");
            }

            string trackerBefore = RabbitCluster.ClientIdTracker(b);
            DateTimeOffset stoppedAt = DateTimeOffset.UtcNow;
            var stopping = Stopwatch.StartNew();
            switch (how)
            {
                case "rabbitmqctl stop":
                    a.CtlOk(TimeSpan.FromSeconds(60), "stop");
                    a.Stop(TimeSpan.FromSeconds(30));
                    break;
                case "SIGTERM":
                    a.Stop(TimeSpan.FromSeconds(30));
                    break;
                default:
                    a.Kill9();
                    break;
            }

            TimeSpan stopTook = stopping.Elapsed;
            Poll.Until(() => nodes.All(n => n.OnlineAt(b.Port, stoppedAt) is not null), TimeSpan.FromSeconds(90),
                () => "every node online at b:\n" + string.Join("\n", nodes.SelectMany(n => n.ConnectionLines(stoppedAt))));
            string connack = await ConnackProbe.Connect(b.Port);
            string trackerAfter = RabbitCluster.ClientIdTracker(b);
            long[] lastBefore = [.. nodes.Select(n => audit.Last(n.Topic))];
            Poll.Until(() => nodes.Select((n, i) => audit.Last(n.Topic) >= lastBefore[i] + 30).All(x => x), TimeSpan.FromSeconds(60),
                () => "30 more readings of each node published to b");

            long[] produced = [.. nodes.Select(n => n.StopDrained())];
            for (int i = 0; i < nodes.Count; i++)
            {
                audit.AssertComplete(nodes[i].Topic, produced[i], TimeSpan.FromSeconds(60));
            }

            Assert.AreEqual(b.Name, RabbitCluster.QueueNode(b, queue), "the session queue is still on b");
            IReadOnlyDictionary<string, (long Readings, long Duplicates, long Gaps)> summary = watch.Stop();
            Console.WriteLine($"a stopped with {how} in {stopTook.TotalSeconds:F1} s; a new MQTT connection to b then gets CONNACK {connack}");
            Console.WriteLine($"client-ID tracker seen from b before: {trackerBefore}");
            Console.WriteLine($"client-ID tracker seen from b after:  {trackerAfter}");
            for (int i = 0; i < nodes.Count; i++)
            {
                string topic = nodes[i].Topic;
                DateTimeOffset onlineAtB = nodes[i].OnlineAt(b.Port, stoppedAt)!.Value;
                long takenInGap = audit.TakenBetween(topic, stoppedAt, onlineAtB, "watch on b");
                Assert.IsTrue(summary.TryGetValue(topic, out var counted), $"capteur watch's closing summary names {topic}:\n{string.Join("\n", watch.Lines.TakeLast(5))}");
                Assert.AreEqual((produced[i], 0L), (counted.Readings, counted.Gaps), $"{topic}: readings and gaps in capteur watch's own summary");
                Console.WriteLine(audit.Line($"RabbitMQ {label}, a stopped with {how}, list a,b, capteur watch on b", topic, produced[i], counted.Duplicates)
                    + $"; online at b {(onlineAtB - stoppedAt).TotalSeconds:F1} s after the stop began, {takenInGap} readings taken in that gap sent from the outbox");
                foreach (string line in nodes[i].ConnectionLines(stoppedAt))
                {
                    Console.WriteLine("    " + line);
                }

                Assert.IsTrue(takenInGap > 0, $"{topic}: readings taken while it had no broker waited in its outbox");
            }

            return new FailoverOutcome(trackerAfter, connack);
        }
        finally
        {
            foreach (NodeProcess node in nodes)
            {
                node.Dispose();
            }
        }
    }

    private sealed record FailoverOutcome(string TrackerAfter, string ConnackAfter);
}
