using System.Diagnostics;
using Capteur.Broker;
using Capteur.Broker.Logging;
using Capteur.Broker.Transport;
using Capteur.Node.Config;
using Capteur.Node.Outbox;
using Capteur.VirtualNode;
using Capteur.VirtualNode.Adapters;
using Capteur.Watch;

namespace Capteur.Bench
{
    /// <summary>
    /// The whole loop's figures, with `capteur broker` in process on loopback and an independent subscriber:
    /// end-to-end latency (the reading's own timestamp to its arrival at the subscriber) p50/p99 of 10 nodes sampling
    /// every 100 ms, and the drain rate of a 10,000-reading backlog left in a node's outbox by an outage.
    /// </summary>
    internal static class LoopBench
    {
        public static async Task RunAsync()
        {
            string work = Directory.CreateTempSubdirectory("capteur-loopbench-").FullName;
            try
            {
                await using BrokerHost broker = await BrokerHost.StartAsync(
                    new BrokerOptions { Bind = "127.0.0.1", Port = 0, DataDirectory = Path.Combine(work, "broker"), SysIntervalSeconds = 0 },
                    new BrokerLog(TextWriter.Null));
                int port = broker.Listeners.First(l => l.Kind == ListenerKind.Mqtt).EndPoint.Port;
                await Latency(port, work);
                await Drain(port, work);
            }
            finally
            {
                Directory.Delete(work, recursive: true);
            }
        }

        private static NodeConfig Config(string topic, int port, int capacity)
        {
            NodeConfig config = VirtualNodeConfig.Defaults(topic);
            foreach ((string key, string value) in new[]
            {
                ("mqtt.host", $"127.0.0.1:{port}"), ("sensor1.interval_ms", "100"), ("node.info_s", "0"),
                ("homeassistant.discovery", "false"), ("outbox.capacity", capacity.ToString()),
            })
            {
                if (config.TrySet(key, value) is string refused)
                {
                    throw new InvalidOperationException(refused);
                }
            }

            return config;
        }

        private static async Task Latency(int port, string work)
        {
            var latencies = new List<double>();
            await using var watcher = new WatchClient("127.0.0.1", port, "bench/+/temperature", null);
            watcher.MessageReceived += (topic, payload) =>
            {
                DateTimeOffset now = DateTimeOffset.UtcNow;
                NodeMessage message = NodeMessage.Parse(topic, payload);
                if (message.Timestamp is DateTimeOffset ts)
                {
                    lock (latencies)
                    {
                        latencies.Add((now - ts).TotalMilliseconds);
                    }
                }
            };
            await watcher.StartAsync(TimeSpan.FromSeconds(10));
            var nodes = new List<VirtualNodeHost>();
            for (int i = 0; i < 10; i++)
            {
                string topic = $"bench/n{i}";
                nodes.Add(VirtualNodeHost.Create(Config(topic, port, 1000), Path.Combine(work, topic.Replace('/', '-')), new TextLog(TextWriter.Null, topic), i + 1));
            }

            nodes.ForEach(n => n.Start());
            await Task.Delay(TimeSpan.FromSeconds(3));
            lock (latencies)
            {
                latencies.Clear();
            }

            await Task.Delay(TimeSpan.FromSeconds(20));
            foreach (VirtualNodeHost node in nodes)
            {
                node.Dispose();
            }

            double[] sorted;
            lock (latencies)
            {
                sorted = [.. latencies.Order()];
            }

            Console.WriteLine($"loop latency, sample to subscriber (10 nodes x 10 readings/s, {sorted.Length} readings): "
                + $"p50 {Percentile(sorted, 0.50):F1} ms, p99 {Percentile(sorted, 0.99):F1} ms, max {sorted[^1]:F1} ms");
        }

        private static async Task Drain(int port, string work)
        {
            const int backlog = 10000;
            string data = Path.Combine(work, "drain");
            // the outage left 10,000 readings on disk: written as the node's journal writes them
            var storage = new FolderStorage(data);
            var journal = new OutboxJournal(storage, new TextLog(TextWriter.Null, "drain"), 0, 65536);
            ReadingOutbox outbox = journal.Load(backlog * 2, 8);
            long start = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - backlog * 100L;
            for (int i = 0; i < backlog; i++)
            {
                outbox.Add(0, 2000 + (i % 300), 2, start + i * 100L, false);
            }

            journal.Rewrite(outbox);

            var fleet = new FleetView();
            await using var watcher = new WatchClient("127.0.0.1", port, "bench/drain/#", null);
            watcher.MessageReceived += (topic, payload) => fleet.Apply(NodeMessage.Parse(topic, payload));
            await watcher.StartAsync(TimeSpan.FromSeconds(10));
            NodeConfig config = Config("bench/drain", port, backlog * 2);
            config.TrySet("sensor1.interval_ms", "86400000");
            config.TrySet("sensor2.kind", "none");
            var clock = Stopwatch.StartNew();
            using VirtualNodeHost node = VirtualNodeHost.Create(config, data, new TextLog(TextWriter.Null, "drain"), 1);
            node.Start();
            while (fleet.Node("bench/drain")?.Audit.Distinct < backlog || fleet.Node("bench/drain") is null)
            {
                if (clock.Elapsed > TimeSpan.FromMinutes(5))
                {
                    throw new TimeoutException("the backlog did not drain within 5 minutes");
                }

                await Task.Delay(5);
            }

            double seconds = clock.Elapsed.TotalSeconds;
            SeqAudit audit = fleet.Node("bench/drain")!.Audit;
            Console.WriteLine($"backlog drain: {backlog} readings from the outbox to the subscriber in {seconds:F2} s "
                + $"({backlog / seconds:F0} readings/s, node start and connect included), {audit.Gaps} gaps, {audit.Duplicates} duplicates");
        }

        private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
    }
}
