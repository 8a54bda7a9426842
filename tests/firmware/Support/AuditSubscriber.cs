using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Capteur.Watch;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Capteur.Firmware.Tests.Support;

/// <summary>
/// The independent audit: a <see cref="WatchClient"/> with a persistent session (it misses nothing while a broker is
/// down) feeding a <see cref="FleetView"/>, which checks every node's sequence numbers; every message is also kept
/// for the test's own checks (values, info messages).
/// </summary>
internal sealed class AuditSubscriber : IAsyncDisposable
{
    private readonly WatchClient _client;

    private AuditSubscriber(WatchClient client)
    {
        _client = client;
    }

    /// <summary>The fleet as the subscriber sees it.</summary>
    public FleetView Fleet { get; } = new();

    /// <summary>Every message, in arrival order.</summary>
    public ConcurrentQueue<NodeMessage> Messages { get; } = new();

    /// <summary>Subscribes to <paramref name="filter"/> on 127.0.0.1:<paramref name="port"/>.</summary>
    public static async Task<AuditSubscriber> Start(int port, string filter)
    {
        var client = new WatchClient("127.0.0.1", port, filter, "fw-audit-" + Guid.NewGuid().ToString("N")[..8]);
        var subscriber = new AuditSubscriber(client);
        client.MessageReceived += (topic, payload) =>
        {
            NodeMessage message = NodeMessage.Parse(topic, payload);
            subscriber.Messages.Enqueue(message);
            subscriber.Fleet.Apply(message);
        };
        await client.StartAsync(TimeSpan.FromSeconds(30));
        return subscriber;
    }

    /// <summary>The audit of a node (empty until it published).</summary>
    public SeqAudit Audit(string node) => Fleet.Node(node)?.Audit ?? new SeqAudit();

    /// <summary>Readings of one sensor of one node, in arrival order.</summary>
    public NodeMessage[] Readings(string node, string sensor)
        => [.. Messages.Where(m => m.Kind == NodeMessageKind.Reading && m.Node == node && m.Sensor == sensor)];

    /// <summary>The node's info messages, parsed, in arrival order.</summary>
    public JsonElement[] Infos(string node)
        => [.. Messages.Where(m => m.Kind == NodeMessageKind.Info && m.Node == node).Select(m => JsonDocument.Parse(m.Text).RootElement.Clone())];

    /// <summary>
    /// Waits until every number from 1 to the highest seen arrived (an outbox drains in order, the late ones after),
    /// then checks the audit: no gap, no number reused for other content. Prints and returns the audit line.
    /// </summary>
    public string AssertComplete(string label, string node, long produced, TimeSpan timeout)
    {
        Wait.Until(() => Audit(node).Distinct >= produced && Audit(node).HasAllUpTo(Math.Max(produced, Audit(node).Last)), timeout,
            () => $"{node}: every reading 1..{produced} at the subscriber (has {Audit(node).Distinct}, last {Audit(node).Last}, missing {string.Join(",", Audit(node).MissingNumbers(30))})");
        SeqAudit audit = Audit(node);
        string line = Line(label, node, produced);
        Assert.AreEqual(1L, audit.First, $"{node}: the first reading of a fresh board is seq 1");
        Assert.AreEqual(0L, audit.Gaps, $"{node}: gaps");
        Assert.AreEqual(0L, audit.Conflicts, $"{node}: a sequence number was reused for another reading");
        return line;
    }

    /// <summary>Prints the audit line: produced, distinct, duplicates, gaps, reused.</summary>
    public string Line(string label, string node, long produced)
    {
        SeqAudit audit = Audit(node);
        string line = string.Create(CultureInfo.InvariantCulture,
            $"audit ({label}) {node}: produced {produced}, distinct {audit.Distinct}, duplicates {audit.Duplicates}, gaps {audit.Gaps}, reused {audit.Conflicts}, late {audit.Late}, seq {audit.First}..{audit.Last}");
        Console.WriteLine(line);
        return line;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _client.DisposeAsync();
}

/// <summary>Polling waits with a message that says what did not happen.</summary>
internal static class Wait
{
    /// <summary>Waits for <paramref name="condition"/>; fails the test naming <paramref name="what"/> after <paramref name="timeout"/>.</summary>
    public static void Until(Func<bool> condition, TimeSpan timeout, string what) => Until(condition, timeout, () => what);

    /// <summary>As above, with the message made when the wait fails (it may show the state at that moment).</summary>
    public static void Until(Func<bool> condition, TimeSpan timeout, Func<string> what)
    {
        DateTime deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"timed out after {timeout.TotalSeconds:F0} s waiting for {what()}");
            }

            Thread.Sleep(50);
        }
    }
}
