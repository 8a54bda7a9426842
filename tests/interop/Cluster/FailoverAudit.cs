using System.Globalization;
using System.Text;
using System.Text.Json;
using Capteur.Watch;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Capteur.Interop.Tests.Cluster;

/// <summary>
/// The audit of a failover: every reading any of the test's subscribers saw (one per broker, or one <c>capteur watch
/// --json</c>), by node and sequence number, over the union of the brokers: each number counted once, repeats counted
/// as duplicates (from one broker or across two), numbers never seen counted as gaps. Also counts what came through
/// each broker and the readings that arrived late (taken during the outage, sent from the outbox).
/// </summary>
internal sealed class FailoverAudit
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SeqAudit> _audits = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Node, string Source), long> _bySource = [];
    private readonly Dictionary<string, List<(long Seq, DateTimeOffset Taken, string Source)>> _readings = new(StringComparer.Ordinal);

    /// <summary>Records a message a subscriber got through <paramref name="source"/> (readings only; status and info are ignored).</summary>
    public void Record(string source, NodeMessage message)
    {
        if (message.Kind != NodeMessageKind.Reading || message.Seq is not long seq)
        {
            return;
        }

        string content = string.Create(CultureInfo.InvariantCulture, $"{message.Sensor} {message.Value} {message.Timestamp:O}");
        Add(source, message.Node, seq, content, message.Timestamp ?? DateTimeOffset.MinValue);
    }

    /// <summary>
    /// Records one output line of <c>capteur watch --json</c> (<c>{"node":..,"sensor":..,"value":..,"seq":..,"ts":..}</c>);
    /// false for a line that is not a reading (its connection lines, its closing summary).
    /// </summary>
    public bool RecordWatchLine(string source, string line)
    {
        if (!line.StartsWith('{'))
        {
            return false;
        }

        using JsonDocument json = JsonDocument.Parse(line);
        JsonElement root = json.RootElement;
        if (root.GetProperty("seq").ValueKind != JsonValueKind.Number)
        {
            return false;
        }

        string sensor = root.GetProperty("sensor").GetString()!;
        double value = root.GetProperty("value").GetDouble();
        string ts = root.GetProperty("ts").GetString() ?? "";
        var taken = DateTimeOffset.Parse(ts, CultureInfo.InvariantCulture);
        Add(source, root.GetProperty("node").GetString()!, root.GetProperty("seq").GetInt64(), string.Create(CultureInfo.InvariantCulture, $"{sensor} {value} {taken:O}"), taken);
        return true;
    }

    /// <summary>Reads a node's audit under the lock (a default when nothing arrived from it yet).</summary>
    public T Read<T>(string node, Func<SeqAudit, T> read)
    {
        lock (_gate)
        {
            return read(_audits.TryGetValue(node, out SeqAudit? audit) ? audit : new SeqAudit());
        }
    }

    /// <summary>Distinct readings of a node so far.</summary>
    public long Distinct(string node) => Read(node, a => a.Distinct);

    /// <summary>Highest sequence number of a node so far (0 before any).</summary>
    public long Last(string node) => Read(node, a => a.Distinct == 0 ? 0 : a.Last);

    /// <summary>Readings of a node that came through <paramref name="source"/> (repeats included).</summary>
    public long From(string node, string source)
    {
        lock (_gate)
        {
            return _bySource.GetValueOrDefault((node, source));
        }
    }

    /// <summary>Readings of a node taken within [<paramref name="from"/>, <paramref name="to"/>] that came through <paramref name="source"/>.</summary>
    public long TakenBetween(string node, DateTimeOffset from, DateTimeOffset to, string source)
    {
        lock (_gate)
        {
            return _readings.TryGetValue(node, out var list) ? list.Count(r => r.Source == source && r.Taken >= from && r.Taken <= to) : 0;
        }
    }

    /// <summary>
    /// Waits until every number from 1 to <paramref name="produced"/> of the node was seen, then checks: no gap, nothing
    /// beyond what was produced, no number reused for another reading. Fails with the missing numbers.
    /// </summary>
    public void AssertComplete(string node, long produced, TimeSpan timeout)
    {
        DateTime deadline = DateTime.UtcNow + timeout;
        while (!Read(node, a => a.HasAllUpTo(produced)))
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"{node}: not every reading 1..{produced} reached the subscribers within {timeout.TotalSeconds:F0} s "
                    + $"(distinct {Distinct(node)}, last {Last(node)}, missing {string.Join(",", Read(node, a => a.MissingNumbers(30)))})");
            }

            Thread.Sleep(50);
        }

        Read(node, audit =>
        {
            Assert.AreEqual(1L, audit.First, $"{node}: the first reading is seq 1");
            Assert.AreEqual(0L, audit.Gaps, $"{node}: gaps");
            Assert.AreEqual(produced, audit.Last, $"{node}: nothing beyond what was produced");
            Assert.AreEqual(0L, audit.Conflicts, $"{node}: a sequence number was reused for another reading");
            return 0;
        });
    }

    /// <summary>
    /// The audit line of a node: produced, distinct, duplicates, gaps, reused, and what each source brought;
    /// <paramref name="duplicates"/> when a subscriber dropped and counted the repeats itself (capteur watch).
    /// </summary>
    public string Line(string label, string node, long produced, long? duplicates = null)
    {
        var line = new StringBuilder();
        lock (_gate)
        {
            SeqAudit audit = _audits.TryGetValue(node, out SeqAudit? a) ? a : new SeqAudit();
            line.Append(CultureInfo.InvariantCulture, $"audit ({label}) {node}: produced {produced}, distinct {audit.Distinct}, duplicates {duplicates ?? audit.Duplicates}, gaps {audit.Gaps}, reused {audit.Conflicts}");
            foreach (var source in _bySource.Where(s => s.Key.Node == node).OrderBy(s => s.Key.Source, StringComparer.Ordinal))
            {
                line.Append(CultureInfo.InvariantCulture, $", {source.Value} via {source.Key.Source}");
            }
        }

        return line.ToString();
    }

    private void Add(string source, string node, long seq, string content, DateTimeOffset taken)
    {
        lock (_gate)
        {
            if (!_audits.TryGetValue(node, out SeqAudit? audit))
            {
                audit = new SeqAudit();
                _audits[node] = audit;
                _readings[node] = [];
            }

            audit.Record(seq, content);
            _bySource[(node, source)] = _bySource.GetValueOrDefault((node, source)) + 1;
            _readings[node].Add((seq, taken, source));
        }
    }
}
