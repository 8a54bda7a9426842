using Capteur.Desktop.Tests.Infrastructure;
using Capteur.Node.Config;
using Capteur.Node.Ports;
using Capteur.VirtualNode;
using Capteur.VirtualNode.Adapters;
using Capteur.Watch;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Capteur.Desktop.Tests.Loop;

/// <summary>Virtual nodes (the shared engine, MQTTnet, simulated sensors) through a real broker to a real subscriber.</summary>
[TestClass]
public class VirtualNodeLoopTests
{
    internal static NodeConfig NodeConfigFor(string topic, int port, int intervalMs)
    {
        NodeConfig config = NodeConfig.CreateDefault();
        void Set(string key, string value) => Assert.IsNull(config.TrySet(key, value), $"{key}={value}");
        Set("node.topic", topic);
        Set("mqtt.host", "127.0.0.1:" + port);
        Set("outbox.checkpoint_s", "0");
        Set("node.info_s", "0");
        Set("sensor1.kind", "tmp36");
        Set("sensor1.name", "temperature");
        Set("sensor1.pin", "34");
        Set("sensor1.interval_ms", intervalMs.ToString());
        Set("sensor2.kind", "digital");
        Set("sensor2.name", "door");
        Set("sensor2.pin", "4");
        return config;
    }

    [TestMethod]
    [Timeout(60000)]
    public async Task Three_nodes_through_mosquitto_arrive_complete_with_no_gap()
    {
        using Mosquitto broker = Mosquitto.Start();
        var fleet = new FleetView();
        await using var watcher = new WatchClient("127.0.0.1", broker.Port, "maison/#", "audit-" + Guid.NewGuid().ToString("N")[..6]);
        watcher.MessageReceived += (topic, payload) => fleet.Apply(NodeMessage.Parse(topic, payload));
        await watcher.StartAsync(TimeSpan.FromSeconds(10));

        string[] topics = ["maison/salon", "maison/cuisine", "maison/chambre"];
        var nodes = new List<VirtualNodeHost>();
        foreach (string topic in topics)
        {
            string data = Directory.CreateTempSubdirectory("capteur-node-").FullName;
            var node = VirtualNodeHost.Create(NodeConfigFor(topic, broker.Port, 100), data, new TextLog(TextWriter.Null, topic), topic.Length);
            nodes.Add(node);
            node.Start();
        }

        WaitFor(() => nodes.All(n => n.Engine.Sampled >= 20), TimeSpan.FromSeconds(20), "each node samples 20 readings");
        foreach (VirtualNodeHost node in nodes)
        {
            Assert.IsTrue(node.Drain(TimeSpan.FromSeconds(10)), "the outbox drains once sampling stops");
            node.Stop();
        }

        foreach (VirtualNodeHost node in nodes)
        {
            long produced = node.Engine.Outbox.NextSeq - 1;
            string topic = node.Config.Get("node.topic");
            WaitFor(() => fleet.Node(topic)?.Audit.Distinct == produced, TimeSpan.FromSeconds(10), $"{topic}: all {produced} readings at the subscriber");
            SeqAudit audit = fleet.Node(topic)!.Audit;
            Assert.AreEqual(0L, audit.Gaps, $"{topic}: missing {string.Join(",", audit.MissingNumbers())}");
            Assert.IsTrue(audit.HasAllUpTo(produced));
            WaitFor(() => fleet.Node(topic)!.Online == false, TimeSpan.FromSeconds(10), $"{topic}: offline after the clean stop");
            node.Dispose();
        }
    }

    internal static void WaitFor(Func<bool> condition, TimeSpan timeout, string what)
    {
        DateTime deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"timed out after {timeout.TotalSeconds:F0} s waiting for: {what}");
            }

            Thread.Sleep(20);
        }
    }
}
