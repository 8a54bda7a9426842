using System.Text.RegularExpressions;
using Capteur.Desktop.Tests.Infrastructure;
using Capteur.VirtualNode;
using Capteur.VirtualNode.Adapters;
using Capteur.Watch;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Capteur.Desktop.Tests.Loop;

/// <summary>
/// The whole loop through outages, over real TCP, each test ending in a seq-by-seq audit at an independent subscriber
/// (a persistent session, so it misses nothing while the broker is down): every reading produced arrives, duplicates
/// are allowed and counted, no gaps, and no number is ever reused for other content.
/// </summary>
[TestClass]
public class FaultTests
{
    private static readonly string[] Rooms = ["maison/salon", "maison/cuisine", "maison/chambre"];

    [TestMethod]
    [Timeout(180000)]
    public async Task A_the_capteur_broker_killed_for_10_s_loses_no_reading_of_three_nodes()
    {
        string brokerData = Directory.CreateTempSubdirectory("capteur-broker-").FullName;
        int port = FreePort.Next();
        CapteurProcess broker = CapteurProcess.StartBroker(port, brokerData);
        try
        {
            await BrokerOutage(port, () => broker.Kill9(), () => broker = CapteurProcess.StartBroker(port, brokerData), "capteur broker, kill -9");
        }
        finally
        {
            broker.Dispose();
        }
    }

    [TestMethod]
    [Timeout(180000)]
    public async Task D_mosquitto_stopped_for_10_s_loses_no_reading_of_three_nodes()
    {
        using Mosquitto broker = Mosquitto.Start();
        // mosquitto keeps its store by snapshots (autosave), so it is stopped with SIGTERM, which writes it
        await BrokerOutage(broker.Port, broker.Stop, broker.Restart, "mosquitto, SIGTERM");
    }

    [TestMethod]
    [Timeout(180000)]
    public async Task B_a_node_killed_with_sigkill_restarts_on_its_data_folder_without_loss_or_reuse()
    {
        using Mosquitto broker = Mosquitto.Start();
        var fleet = new FleetView();
        await using var watcher = await Watch(broker.Port, fleet, "audit-b");
        string data = Directory.CreateTempSubdirectory("capteur-node-").FullName;
        string[] nodeArgs = ["node", "--broker", $"127.0.0.1:{broker.Port}", "--topic", "maison/salon", "--interval", "100ms", "--data", data, "--set", "node.info_s=0"];

        long firstStart;
        using (CapteurProcess node = CapteurProcess.Start(nodeArgs))
        {
            firstStart = node.StartSeq();
            VirtualNodeLoopTests.WaitFor(() => fleet.Node("maison/salon")?.Audit.Distinct >= 30, TimeSpan.FromSeconds(60), "30 readings from the first run");
            node.Kill9();
        }

        long restartSeq;
        long produced;
        using (CapteurProcess node = CapteurProcess.Start(nodeArgs))
        {
            restartSeq = node.StartSeq();
            VirtualNodeLoopTests.WaitFor(() => fleet.Node("maison/salon")?.Audit.Last >= restartSeq + 30, TimeSpan.FromSeconds(60), "30 readings after the restart");
            Assert.AreEqual(0, node.Terminate(TimeSpan.FromSeconds(30)));
            produced = long.Parse(Regex.Match(node.WaitForLine(l => l.Contains("stopped: next seq"), TimeSpan.FromSeconds(5), "the stop line"), @"next seq (\d+)").Groups[1].Value) - 1;
        }

        SeqAudit audit = AuditOf(fleet, "maison/salon", produced);
        Assert.AreEqual(1L, firstStart);
        Assert.IsTrue(restartSeq > 30, $"numbering resumed at {restartSeq}, after the readings of the first run");
        Console.WriteLine($"audit (b): produced {produced} (restart at seq {restartSeq}), distinct {audit.Distinct}, duplicates {audit.Duplicates}, gaps {audit.Gaps}, reused {audit.Conflicts}");
    }

    private static async Task BrokerOutage(int port, Action stopBroker, Action startBroker, string how)
    {
        var fleet = new FleetView();
        await using var watcher = await Watch(port, fleet, "audit-outage");
        var nodes = new List<VirtualNodeHost>();
        try
        {
            foreach (string topic in Rooms)
            {
                string data = Directory.CreateTempSubdirectory("capteur-node-").FullName;
                VirtualNodeHost node = VirtualNodeHost.Create(VirtualNodeLoopTests.NodeConfigFor(topic, port, 100), data, new TextLog(TextWriter.Null, topic), topic.Length);
                nodes.Add(node);
                node.Start();
            }

            VirtualNodeLoopTests.WaitFor(() => Rooms.All(r => fleet.Node(r)?.Audit.Distinct >= 20), TimeSpan.FromSeconds(30), "20 readings from each node before the outage");
            long[] before = nodes.Select(n => n.Engine.Sampled).ToArray();
            stopBroker();
            // the outage: 10 s in which the nodes keep sampling into their outboxes
            Thread.Sleep(TimeSpan.FromSeconds(10));
            long[] during = nodes.Select(n => n.Engine.Sampled).ToArray();
            startBroker();
            VirtualNodeLoopTests.WaitFor(() => nodes.All(n => n.Engine.Connections >= 2), TimeSpan.FromSeconds(60), "every node reconnected");
            VirtualNodeLoopTests.WaitFor(() => nodes.All(n => n.Engine.Sampled >= during[nodes.IndexOf(n)] + 20), TimeSpan.FromSeconds(30), "20 readings after the outage");
            foreach (VirtualNodeHost node in nodes)
            {
                Assert.IsTrue(node.Drain(TimeSpan.FromSeconds(30)), "the outbox drains");
                node.Stop();
            }

            for (int i = 0; i < nodes.Count; i++)
            {
                long produced = nodes[i].Engine.Outbox.NextSeq - 1;
                SeqAudit audit = AuditOf(fleet, Rooms[i], produced);
                Console.WriteLine($"audit ({how}) {Rooms[i]}: produced {produced} ({during[i] - before[i]} during the outage), distinct {audit.Distinct}, "
                    + $"duplicates {audit.Duplicates}, gaps {audit.Gaps}, late {fleet.Node(Rooms[i])!.LateReadings}, reused {audit.Conflicts}");
                Assert.IsTrue(during[i] - before[i] >= 50, "the node kept sampling while the broker was down");
            }
        }
        finally
        {
            foreach (VirtualNodeHost node in nodes)
            {
                node.Dispose();
            }
        }
    }

    private static async Task<WatchClient> Watch(int port, FleetView fleet, string session)
    {
        var watcher = new WatchClient("127.0.0.1", port, "maison/#", session + "-" + Guid.NewGuid().ToString("N")[..6]);
        watcher.MessageReceived += (topic, payload) => fleet.Apply(NodeMessage.Parse(topic, payload));
        await watcher.StartAsync(TimeSpan.FromSeconds(30));
        return watcher;
    }

    private static SeqAudit AuditOf(FleetView fleet, string topic, long produced)
    {
        VirtualNodeLoopTests.WaitFor(() => fleet.Node(topic)?.Audit.Distinct >= produced, TimeSpan.FromSeconds(30),
            $"{topic}: all {produced} readings at the subscriber (has {fleet.Node(topic)?.Audit.Distinct}, missing {string.Join(",", fleet.Node(topic)?.Audit.MissingNumbers(30) ?? [])}, last {fleet.Node(topic)?.Audit.Last})");
        SeqAudit audit = fleet.Node(topic)!.Audit;
        Assert.IsTrue(audit.HasAllUpTo(produced), $"{topic}: missing {string.Join(",", audit.MissingNumbers())}");
        Assert.AreEqual(0L, audit.Gaps, $"{topic}: gaps");
        Assert.AreEqual(produced, audit.Last, $"{topic}: nothing beyond what was produced");
        Assert.AreEqual(0L, audit.Conflicts, $"{topic}: a sequence number was reused for another reading");
        return audit;
    }
}
