using Capteur.Desktop.Tests.Infrastructure;
using Capteur.VirtualNode;
using Capteur.VirtualNode.Adapters;
using Capteur.Watch;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Capteur.Desktop.Tests.Loop;

/// <summary>Issue (c): the connection cut by a TCP proxy while a window of publishes waits for its PUBACKs.</summary>
[TestClass]
public class ConnectionCutTests
{
    [TestMethod]
    [Timeout(90000)]
    public async Task A_cut_in_the_middle_of_an_unacknowledged_window_loses_nothing()
    {
        using Mosquitto broker = Mosquitto.Start();
        using var proxy = new CuttingProxy(broker.Port);
        var fleet = new FleetView();
        await using var watcher = new WatchClient("127.0.0.1", broker.Port, "maison/#", "audit-cut");
        watcher.MessageReceived += (topic, payload) => fleet.Apply(NodeMessage.Parse(topic, payload));
        await watcher.StartAsync(TimeSpan.FromSeconds(10));

        string data = Directory.CreateTempSubdirectory("capteur-node-").FullName;
        using VirtualNodeHost node = VirtualNodeHost.Create(VirtualNodeLoopTests.NodeConfigFor("maison/salon", proxy.Port, 100), data, new TextLog(TextWriter.Null, "salon"), 7);
        node.Start();
        VirtualNodeLoopTests.WaitFor(() => node.Engine.State == Capteur.Node.Engine.NodeState.Online && node.Engine.Sampled >= 10, TimeSpan.FromSeconds(20), "node online with 10 readings");

        // PUBACKs stop coming: the node fills its window of in-flight readings and keeps sampling into the outbox
        proxy.HoldDownstream();
        // (a PUBACK is 4 bytes: once 4 x window bytes are held, every reading in the full window waits for one)
        VirtualNodeLoopTests.WaitFor(
            () =>
            {
                lock (node.Engine.SyncRoot)
                {
                    return node.Engine.Outbox.InFlight == node.Engine.Outbox.Window && Interlocked.Read(ref proxy.HeldBytes) >= 4 * node.Engine.Outbox.Window;
                }
            },
            TimeSpan.FromSeconds(20),
            "a full window of publishes waiting for PUBACKs the proxy holds");
        int inFlightAtCut;
        long sentOnce;
        lock (node.Engine.SyncRoot)
        {
            inFlightAtCut = node.Engine.Outbox.InFlight;
            sentOnce = node.Engine.Outbox.NextSeq - 1 - (node.Engine.Outbox.Count - node.Engine.Outbox.InFlight);
        }

        // the broker has them all (the subscriber got them); only their PUBACKs are held back
        VirtualNodeLoopTests.WaitFor(() => fleet.Node("maison/salon")?.Audit.Distinct >= sentOnce, TimeSpan.FromSeconds(10), "the window's publishes at the broker");

        proxy.CutAll();
        VirtualNodeLoopTests.WaitFor(() => proxy.Accepted >= 2 && node.Engine.State == Capteur.Node.Engine.NodeState.Online, TimeSpan.FromSeconds(30), "the node reconnects through the proxy");
        VirtualNodeLoopTests.WaitFor(() => node.Engine.Sampled >= 60, TimeSpan.FromSeconds(30), "60 readings sampled");
        Assert.IsTrue(node.Drain(TimeSpan.FromSeconds(20)), "outbox drains after the reconnect");
        node.Stop();

        long produced = node.Engine.Outbox.NextSeq - 1;
        VirtualNodeLoopTests.WaitFor(() => fleet.Node("maison/salon")?.Audit.Distinct == produced, TimeSpan.FromSeconds(10), $"all {produced} readings at the subscriber");
        SeqAudit audit = fleet.Node("maison/salon")!.Audit;
        Assert.AreEqual(0L, audit.Gaps);
        Assert.IsTrue(audit.HasAllUpTo(produced));
        Assert.AreEqual(8, inFlightAtCut);
        Assert.IsTrue(node.Engine.Outbox.Resent >= inFlightAtCut, $"the {inFlightAtCut} readings in flight at the cut were sent again (resent {node.Engine.Outbox.Resent})");
        Assert.IsTrue(audit.Duplicates >= inFlightAtCut, $"the resent readings reached the subscriber twice and were counted as duplicates ({audit.Duplicates})");
        Console.WriteLine($"audit (c): produced {produced}, distinct {audit.Distinct}, duplicates {audit.Duplicates}, gaps {audit.Gaps}, in flight at cut {inFlightAtCut}, resent {node.Engine.Outbox.Resent}");
    }
}
