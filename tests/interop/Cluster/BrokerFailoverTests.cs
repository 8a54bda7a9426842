using Capteur.Desktop.Tests.Infrastructure;
using Capteur.Watch;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Capteur.Interop.Tests.Support;

namespace Capteur.Interop.Tests.Cluster;

/// <summary>
/// The broker list of a node (<c>mqtt.host=a:1883,b:1883</c>, <c>capteur node --broker A --broker B</c>): three virtual
/// nodes, each its own process, publish to `capteur broker` A; A is killed with SIGKILL (its connections close at once)
/// or frozen with SIGSTOP (a hung broker: its connections stay open and nothing answers) mid-run; each node must move to
/// B with its usual backoff and keep its outbox. Two independent brokers, no bridge: a subscriber with a persistent
/// session on each, and the audit by seq over the union of both must show every reading (duplicates counted).
/// </summary>
[TestClass]
public class BrokerFailoverTests
{
    private static readonly string[] Rooms = ["maison/salon", "maison/cuisine", "maison/chambre"];

    [TestMethod]
    [Timeout(240000)]
    public Task Nodes_whose_first_broker_is_killed_move_to_the_second_and_every_reading_reaches_one_of_them()
        => FailOver("SIGKILL");

    [TestMethod]
    [Timeout(300000)]
    public Task Nodes_whose_first_broker_hangs_drop_it_after_30_s_without_acknowledgements_and_move_to_the_second_without_loss()
        => FailOver("SIGSTOP");

    private static async Task FailOver(string how)
    {
        string dataA = Directory.CreateTempSubdirectory("capteur-broker-a-").FullName;
        string dataB = Directory.CreateTempSubdirectory("capteur-broker-b-").FullName;
        int portA = FreePort.Next();
        int portB = FreePort.Next();
        CapteurProcess brokerA = CapteurProcess.StartBroker(portA, dataA);
        try
        {
            using CapteurProcess brokerB = CapteurProcess.StartBroker(portB, dataB);
            var audit = new FailoverAudit();
            await using WatchClient watchA = await Watch(portA, "A", audit);
            await using WatchClient watchB = await Watch(portB, "B", audit);
            DateTimeOffset started = DateTimeOffset.UtcNow;
            List<NodeProcess> nodes = [.. Rooms.Select(room => NodeProcess.Start(room, [portA, portB], "--set", "node.info_s=0"))];
            try
            {
                Poll.Until(() => nodes.All(n => audit.Distinct(n.Topic) >= 30), TimeSpan.FromSeconds(60),
                    () => "30 readings of each node through A: " + string.Join(", ", nodes.Select(n => $"{n.Topic} {audit.Distinct(n.Topic)}")));
                foreach (NodeProcess node in nodes)
                {
                    Assert.IsNotNull(node.OnlineAt(portA, started), $"{node.Topic} started on the first broker of its list");
                }

                DateTimeOffset killedAt = DateTimeOffset.UtcNow;
                if (how == "SIGKILL")
                {
                    brokerA.Kill9();
                }
                else
                {
                    Signal("STOP", brokerA.Pid);
                }

                // hung: 30 s without an acknowledgement, then a CONNECT to A that gets no CONNACK (10 s), then B
                Poll.Until(() => nodes.All(n => n.OnlineAt(portB, killedAt) is not null), TimeSpan.FromSeconds(how == "SIGKILL" ? 60 : 120),
                    () => "every node online at B: " + string.Join("\n", nodes.SelectMany(n => n.ConnectionLines(killedAt))));
                long[] lastBefore = [.. nodes.Select(n => audit.Last(n.Topic))];
                Poll.Until(() => nodes.Select((n, i) => audit.Last(n.Topic) >= lastBefore[i] + 30).All(x => x), TimeSpan.FromSeconds(60),
                    () => "30 more readings of each node through B");

                long[] produced = [.. nodes.Select(n => n.StopDrained())];
                long[] viaABefore = [.. nodes.Select(n => audit.From(n.Topic, "A"))];
                if (how == "SIGKILL")
                {
                    // A commits a reading before its PUBACK: what it acknowledged but had not yet passed to the subscriber
                    // on A when it was killed is delivered when A is back on its data (the subscriber's session is persistent)
                    brokerA = CapteurProcess.StartBroker(portA, dataA);
                }
                else
                {
                    // A thaws and handles what its sockets held: readings that B also got arrive twice (counted)
                    Signal("CONT", brokerA.Pid);
                }

                for (int i = 0; i < nodes.Count; i++)
                {
                    string topic = nodes[i].Topic;
                    audit.AssertComplete(topic, produced[i], TimeSpan.FromSeconds(60));
                    DateTimeOffset onlineAtB = nodes[i].OnlineAt(portB, killedAt)!.Value;
                    long takenInGap = audit.TakenBetween(topic, killedAt, onlineAtB, "B");
                    Console.WriteLine(audit.Line($"capteur broker A {(how == "SIGKILL" ? "killed -9" : "hung (SIGSTOP)")}, list A,B", topic, produced[i])
                        + $"; online at B {(onlineAtB - killedAt).TotalSeconds:F1} s after the {how}, {takenInGap} readings taken in that gap sent from the outbox to B, "
                        + $"{audit.From(topic, "A") - viaABefore[i]} delivered by A after {(how == "SIGKILL" ? "its restart" : "it thawed")}");
                    foreach (string line in nodes[i].ConnectionLines(killedAt))
                    {
                        Console.WriteLine("    " + line);
                    }

                    Assert.IsTrue(takenInGap > 0, $"{topic}: readings taken while no broker was reachable waited in the outbox and went to B");
                    Assert.IsTrue(audit.From(topic, "B") >= 30, $"{topic}: readings went through B after the failover");
                }
            }
            finally
            {
                foreach (NodeProcess node in nodes)
                {
                    node.Dispose();
                }
            }
        }
        finally
        {
            brokerA.Dispose();
            foreach (string data in new[] { dataA, dataB })
            {
                try
                {
                    Directory.Delete(data, recursive: true);
                }
                catch (IOException)
                {
                }
            }
        }
    }

    private static void Signal(string signal, int pid)
    {
        using var kill = System.Diagnostics.Process.Start("kill", [$"-{signal}", pid.ToString()])!;
        kill.WaitForExit();
    }

    private static async Task<WatchClient> Watch(int port, string source, FailoverAudit audit)
    {
        var watcher = new WatchClient("127.0.0.1", port, "maison/#", "failover-audit-" + source + "-" + Guid.NewGuid().ToString("N")[..6]);
        watcher.MessageReceived += (topic, payload) => audit.Record(source, NodeMessage.Parse(topic, payload));
        await watcher.StartAsync(TimeSpan.FromSeconds(30));
        return watcher;
    }
}
