using System.Diagnostics;
using System.Globalization;
using Capteur.Interop.Tests.Matrix;
using Capteur.Interop.Tests.Peers;
using Capteur.Watch;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using Capteur.Interop.Tests.Support;

namespace Capteur.Interop.Tests.Brokers;

/// <summary>
/// The checks of the brokers table, run by one test class per peer (which says which peer, which checks it can pass
/// and what it answers where it cannot). A class shares one peer among its cells: started by the first cell that needs
/// it (which records the <c>starts</c> cell), stopped by the class's cleanup. Every cell records itself in the matrix.
/// Each cell works under a topic prefix of its own, so cells sharing a peer never see each other's messages.
/// </summary>
public abstract class BrokerCellTests
{
    /// <summary>How long the QoS 1 audit runs its three nodes.</summary>
    private static readonly TimeSpan AuditRun = TimeSpan.FromSeconds(10);

    private static readonly Dictionary<Type, Lazy<StartedPeer>> Started = [];

    /// <summary>Stops every peer still running (the assembly's cleanup, after the classes' own).</summary>
    internal static void StopAllPeers()
    {
        Type[] classes;
        lock (Started)
        {
            classes = [.. Started.Keys];
        }

        foreach (Type type in classes)
        {
            StopPeerOf(type);
        }
    }

    /// <summary>Stops and deletes the peer of test class <paramref name="testClass"/>, if it was started.</summary>
    private protected static void StopPeerOf(Type testClass)
    {
        Lazy<StartedPeer>? slot;
        lock (Started)
        {
            if (!Started.Remove(testClass, out slot))
            {
                return;
            }
        }

        if (slot.IsValueCreated)
        {
            slot.Value.Peer.Stop();
            slot.Value.Peer.Dispose();
        }
    }

    /// <summary>A new, not yet started, instance of this class's peer.</summary>
    private protected abstract IBrokerPeer CreatePeer();

    /// <summary>
    /// QoS 1 audit: three virtual nodes (`capteur node`, 100 ms interval) publish through the peer for 10 s while
    /// `capteur watch --json` with a persistent session prints every reading; each node's clean stop says how many it
    /// produced (all acknowledged: none left queued), and the watch must have every seq from 1 to that number, with no
    /// gap; duplicates are counted (from the watch's closing summary), not failed.
    /// </summary>
    private protected Task Qos1AuditAsync() => CellAsync(BrokerColumns.Qos1Audit, async peer =>
    {
        string prefix = NewPrefix();
        using WatchRun watch = WatchRun.Start(peer.Port, $"{prefix}/#", $"capteur-watch-{prefix}");
        await watch.WaitSubscribedAsync(peer.Port, $"{prefix}/probe/ready", TimeSpan.FromSeconds(60));
        string[] rooms = ["salon", "cuisine", "chambre"];
        List<NodeProcess> nodes = [.. rooms.Select(room => NodeProcess.Start($"{prefix}/{room}", [peer.Port]))];
        try
        {
            foreach (NodeProcess node in nodes)
            {
                node.WaitOnline(TimeSpan.FromSeconds(60));
            }

            // the workload's length, not a wait for a condition
            await Task.Delay(AuditRun);
            (long Produced, long Queued)[] stops = await Task.WhenAll(nodes.Select(n => Task.Run(n.StopClean)));
            for (int i = 0; i < nodes.Count; i++)
            {
                Assert.AreEqual(0L, stops[i].Queued, $"{nodes[i].Topic}: {stops[i].Queued} of {stops[i].Produced} readings still queued after the clean stop "
                    + $"(not acknowledged by {peer.Row} within the node's 5 s drain); log {peer.LogFile}");
            }

            await Deadline.UntilAsync(() => nodes.Select((n, i) => watch.Audit(n.Topic).Distinct >= stops[i].Produced).All(b => b), TimeSpan.FromSeconds(30),
                "every produced reading at capteur watch",
                () => string.Join(", ", nodes.Select((n, i) => $"{n.Topic} {watch.Audit(n.Topic).Distinct}/{stops[i].Produced}")));
            IReadOnlyDictionary<string, long> duplicates = watch.StopAndCountDuplicates();
            var lines = new List<string>();
            long produced = 0, distinct = 0, dups = 0, gaps = 0;
            for (int i = 0; i < nodes.Count; i++)
            {
                SeqAudit audit = watch.Audit(nodes[i].Topic);
                Assert.IsTrue(duplicates.TryGetValue(nodes[i].Topic, out long dup), $"capteur watch printed no summary line for {nodes[i].Topic}:\n"
                    + string.Join("\n", watch.Process.Lines.Where(l => !l.StartsWith('{')).TakeLast(10)));
                long nodeGaps = audit.Gaps + (audit.Distinct > 0 ? audit.First - 1 : stops[i].Produced);
                Assert.IsTrue(audit.HasAllUpTo(stops[i].Produced) && audit.Last == stops[i].Produced && nodeGaps == 0,
                    $"{nodes[i].Topic}: produced {stops[i].Produced}, watch saw {audit.Distinct} distinct (seq {audit.First}..{audit.Last}), "
                    + $"{nodeGaps} gaps, missing {string.Join(",", audit.MissingNumbers())}");
                produced += stops[i].Produced;
                distinct += audit.Distinct;
                dups += dup;
                gaps += nodeGaps;
                lines.Add($"{rooms[i]} {audit.Distinct}/{stops[i].Produced}");
            }

            return CellResult.Pass($"3 nodes × {AuditRun.TotalSeconds:F0} s at 100 ms: {produced} produced, {distinct} distinct, {dups} duplicates, {gaps} gaps ({string.Join(", ", lines)})");
        }
        finally
        {
            foreach (NodeProcess node in nodes)
            {
                node.Dispose();
            }
        }
    });

    /// <summary>
    /// Retained status: while a node runs, a fresh subscriber gets <c>online</c> on &lt;node&gt;/status at once (retained);
    /// after its clean stop a fresh subscriber gets <c>offline</c>.
    /// </summary>
    private protected Task RetainedStatusAsync() => CellAsync(BrokerColumns.RetainedStatus, async peer =>
    {
        string topic = $"{NewPrefix()}/salon";
        using NodeProcess node = NodeProcess.Start(topic, [peer.Port]);
        node.WaitOnline(TimeSpan.FromSeconds(60));
        Subscriber.Received online;
        await using (Subscriber fresh = await Subscriber.StartAsync(peer.Port, $"{topic}/status"))
        {
            online = await fresh.WaitForAsync($"{topic}/status", "online", TimeSpan.FromSeconds(10));
        }

        node.StopClean();
        Subscriber.Received offline;
        await using (Subscriber fresh = await Subscriber.StartAsync(peer.Port, $"{topic}/status"))
        {
            offline = await fresh.WaitForAsync($"{topic}/status", "offline", TimeSpan.FromSeconds(10));
        }

        return CellResult.Pass($"a fresh subscriber got `online` ({Flag(online)}) while the node ran, `offline` ({Flag(offline)}) after its clean stop");
    });

    /// <summary>
    /// Last will: a node with a 5 s keep-alive is SIGKILLed (no DISCONNECT, no `offline` of its own); a subscriber of
    /// its status must get <c>offline</c> (the will) within keep-alive × 1.5 + 2.5 s, and a fresh one then sees it retained.
    /// </summary>
    private protected Task LastWillAsync() => CellAsync(BrokerColumns.LastWill, async peer =>
    {
        const int keepAliveS = 5;
        TimeSpan limit = TimeSpan.FromSeconds((keepAliveS * 1.5) + 2.5);
        string topic = $"{NewPrefix()}/salon";
        using NodeProcess node = NodeProcess.Start(topic, [peer.Port], "--set", $"mqtt.keepalive_s={keepAliveS}");
        node.WaitOnline(TimeSpan.FromSeconds(60));
        await using Subscriber watcher = await Subscriber.StartAsync(peer.Port, $"{topic}/status");
        await watcher.WaitForAsync($"{topic}/status", "online", TimeSpan.FromSeconds(10));
        DateTime killed = DateTime.UtcNow;
        node.Process.Kill9();
        Subscriber.Received will = await watcher.WaitForAsync($"{topic}/status", "offline", limit);
        double after = (will.At - killed).TotalSeconds;
        Subscriber.Received retained;
        await using (Subscriber fresh = await Subscriber.StartAsync(peer.Port, $"{topic}/status"))
        {
            retained = await fresh.WaitForAsync($"{topic}/status", "offline", TimeSpan.FromSeconds(10));
        }

        return CellResult.Pass(string.Create(CultureInfo.InvariantCulture,
            $"`offline` {after:F1} s after SIGKILL (keep-alive {keepAliveS} s, limit {limit.TotalSeconds:F0} s); a fresh subscriber then got it ({Flag(retained)})"));
    });

    /// <summary>
    /// Wildcards: readings published on Capteur-shaped topics (plus a deeper level and a bare node topic); each of five
    /// subscribers with a + or # filter, and `capteur watch P/+/temperature`, must get exactly the topics MQTT 3.1.1
    /// §4.7 says match, each once. The last publish of each filter's set comes after all the others, so an unexpected
    /// message would arrive before the expected ones are complete.
    /// </summary>
    private protected Task WildcardsAsync() => CellAsync(BrokerColumns.Wildcards, async peer =>
    {
        string p = NewPrefix();
        string[] published =
        [
            $"{p}/salon/temperature", $"{p}/salon/door", $"{p}/cuisine/temperature", $"{p}", $"{p}/salon", $"{p}/salon/temperature/raw", $"{p}/cuisine/status",
            $"{p}/end/temperature", $"{p}/salon/end", $"{p}/end", $"{p}/end/x/raw",
        ];
        // expected by the rules of MQTT 3.1.1 §4.7.1: + is one whole level, # is this level and every one below it
        var expected = new Dictionary<string, string[]>
        {
            [$"{p}/+/temperature"] = [$"{p}/salon/temperature", $"{p}/cuisine/temperature", $"{p}/end/temperature"],
            [$"{p}/salon/#"] = [$"{p}/salon/temperature", $"{p}/salon/door", $"{p}/salon", $"{p}/salon/temperature/raw", $"{p}/salon/end"],
            [$"{p}/+"] = [$"{p}/salon", $"{p}/end"],
            [$"{p}/#"] = published,
            [$"{p}/+/+/raw"] = [$"{p}/salon/temperature/raw", $"{p}/end/x/raw"],
        };
        using WatchRun watch = WatchRun.Start(peer.Port, $"{p}/+/temperature", $"capteur-watch-{p}");
        await watch.WaitSubscribedAsync(peer.Port, $"{p}/probe/temperature", TimeSpan.FromSeconds(60));
        var subscribers = new Dictionary<string, Subscriber>();
        try
        {
            foreach (string filter in expected.Keys)
            {
                subscribers[filter] = await Subscriber.StartAsync(peer.Port, filter);
            }

            using (IMqttClient publisher = new MqttClientFactory().CreateMqttClient())
            {
                await publisher.ConnectAsync(Subscriber.Options(peer.Port, MqttProtocolVersion.V311));
                for (int i = 0; i < published.Length; i++)
                {
                    string reading = $$"""{"value":{{i}}.5,"unit":"°C","seq":{{i + 1}},"ts":"{{DateTime.UtcNow:yyyy-MM-ddTHH:mm:ss.fff}}Z"}""";
                    await publisher.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(published[i]).WithPayload(reading)
                        .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
                }

                await publisher.DisconnectAsync();
            }

            string[] watchExpected = [$"{p}/salon temperature", $"{p}/cuisine temperature", $"{p}/end temperature"];
            string[] WatchGot() => [.. watch.Readings().Where(r => r.Node != $"{p}/probe").Select(r => $"{r.Node} {r.Sensor}")];
            await Deadline.UntilAsync(() => expected.All(e => subscribers[e.Key].Messages.Count >= e.Value.Length) && WatchGot().Length >= watchExpected.Length,
                TimeSpan.FromSeconds(15), "every matching message at every subscriber",
                () => string.Join("; ", expected.Select(e => $"{e.Key}: {subscribers[e.Key].Messages.Count}/{e.Value.Length}")) + $"; watch: {WatchGot().Length}/{watchExpected.Length}");
            var problems = new List<string>();
            foreach ((string filter, string[] topics) in expected)
            {
                string[] got = [.. subscribers[filter].Messages.Select(m => m.Topic)];
                if (!got.Order().SequenceEqual(topics.Order()))
                {
                    problems.Add($"{filter}: expected [{string.Join(", ", topics)}], got [{string.Join(", ", got)}]");
                }
            }

            if (!WatchGot().Order().SequenceEqual(watchExpected.Order()))
            {
                problems.Add($"capteur watch {p}/+/temperature: expected [{string.Join(", ", watchExpected)}], got [{string.Join(", ", WatchGot())}]");
            }

            Assert.AreEqual(0, problems.Count, string.Join("\n", problems));
            return CellResult.Pass($"{published.Length} topics published; exactly the matching ones, once each: "
                + string.Join(", ", expected.Select(e => $"{e.Key.Replace(p, "P", StringComparison.Ordinal)} {e.Value.Length}"))
                + $", capteur watch P/+/temperature {watchExpected.Length}");
        }
        finally
        {
            foreach (Subscriber subscriber in subscribers.Values)
            {
                await subscriber.DisposeAsync();
            }
        }
    });

    /// <summary>
    /// QoS 2 with MQTTnet: honoured (granted QoS 2, PUBREC/PUBREL/PUBCOMP, delivered once at QoS 2) when
    /// <paramref name="limit"/> is null; otherwise the peer must answer exactly <see cref="PeerLimit.Observed"/>, and the
    /// cell is recorded as not supported with that reason.
    /// </summary>
    private protected Task Qos2Async(PeerLimit? limit) => CellAsync(BrokerColumns.Qos2, async peer =>
    {
        string observed = await Qos2Probe.RunAsync(peer.Port, $"{NewPrefix()}/qos2");
        return Judge(observed, Qos2Probe.Honoured, limit);
    });

    /// <summary>MQTT 5 with MQTTnet: spoken when <paramref name="limit"/> is null; otherwise the refusal must be exactly <see cref="PeerLimit.Observed"/>.</summary>
    private protected Task Mqtt5Async(PeerLimit? limit) => CellAsync(BrokerColumns.Mqtt5, async peer =>
    {
        string observed = await Mqtt5Probe.RunAsync(peer.Port, $"{NewPrefix()}/mqtt5");
        return Judge(observed, Mqtt5Probe.Spoken, limit);
    });

    private static CellResult Judge(string observed, string supported, PeerLimit? limit)
    {
        if (limit is null)
        {
            if (observed != supported)
            {
                Assert.Fail($"observed: {observed} (supported would be: {supported})");
            }

            return CellResult.Pass(observed);
        }

        if (observed != limit.Observed)
        {
            Assert.Fail($"observed: {observed} (declared in the test class: {limit.Observed}; {limit.Why})");
        }

        return CellResult.NotSupported(limit);
    }

    private static string Flag(Subscriber.Received message) => message.Retain ? "RETAIN set" : "RETAIN flag not set on delivery, against MQTT-3.3.1-8";

    private static string NewPrefix() => "ix" + Random.Shared.Next(0x100000).ToString("x5", CultureInfo.InvariantCulture);

    private async Task CellAsync(string column, Func<IBrokerPeer, Task<CellResult>> check)
    {
        StartedPeer started = Peer();
        await BrokerCell.RunAsync(started.Peer.Row, column, () => started.Error is null
            ? check(started.Peer)
            : throw new InvalidOperationException($"{started.Peer.Row} did not start: {started.Error}"));
    }

    private StartedPeer Peer()
    {
        Lazy<StartedPeer>? slot;
        lock (Started)
        {
            if (!Started.TryGetValue(GetType(), out slot))
            {
                slot = new Lazy<StartedPeer>(StartPeer);
                Started[GetType()] = slot;
            }
        }

        return slot.Value;
    }

    private StartedPeer StartPeer()
    {
        IBrokerPeer peer = CreatePeer();
        var watch = Stopwatch.StartNew();
        try
        {
            peer.Start();
        }
        catch (Exception e)
        {
            InteropMatrix.Record(BrokerCell.Table, peer.Row, BrokerColumns.Starts, CellOutcome.Fail, BrokerCell.Summary(e), watch.Elapsed);
            return new StartedPeer(peer, e.Message);
        }

        InteropMatrix.Record(BrokerCell.Table, peer.Row, BrokerColumns.Starts, CellOutcome.Pass,
            string.Create(CultureInfo.InvariantCulture, $"answered CONNECT on 127.0.0.1:{peer.Port} {watch.Elapsed.TotalSeconds:F1} s after start; log results/logs/{Path.GetFileName(peer.LogFile)}"),
            watch.Elapsed);
        return new StartedPeer(peer, null);
    }

    private sealed record StartedPeer(IBrokerPeer Peer, string? Error);
}
