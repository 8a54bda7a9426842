namespace Capteur.Watch;

/// <summary>One sensor of a node as the watcher last saw it.</summary>
public sealed class SensorView
{
    private readonly double[] _recent = new double[FleetView.RecentValues];
    private int _recentCount;
    private int _recentNext;

    /// <summary>Sensor name (the topic's last level).</summary>
    public required string Name { get; init; }

    /// <summary>Latest value (the reading with the highest time, so a late reading does not hide a newer one).</summary>
    public double Value { get; private set; }

    /// <summary>Unit of the latest value.</summary>
    public string Unit { get; private set; } = "";

    /// <summary>Time the node stamped on the latest value (its own clock), or when it arrived for plain payloads.</summary>
    public DateTimeOffset Time { get; private set; }

    /// <summary>The last values in arrival order, oldest first (for a sparkline).</summary>
    public double[] Recent()
    {
        var values = new double[_recentCount];
        for (int i = 0; i < _recentCount; i++)
        {
            values[i] = _recent[(_recentNext - _recentCount + i + _recent.Length) % _recent.Length];
        }

        return values;
    }

    internal void Add(double value, string unit, DateTimeOffset time)
    {
        if (time >= Time)
        {
            Value = value;
            Unit = unit;
            Time = time;
        }

        _recent[_recentNext] = value;
        _recentNext = (_recentNext + 1) % _recent.Length;
        _recentCount = Math.Min(_recentCount + 1, _recent.Length);
    }
}

/// <summary>One node as the watcher sees it.</summary>
public sealed class NodeView
{
    /// <summary>The node's base topic.</summary>
    public required string Topic { get; init; }

    /// <summary>From the retained status topic: true online, false offline, null never said.</summary>
    public bool? Online { get; internal set; }

    /// <summary>When anything last came from the node.</summary>
    public DateTimeOffset LastSeen { get; internal set; }

    /// <summary>Its latest info message (JSON text), empty until one came.</summary>
    public string Info { get; internal set; } = "";

    /// <summary>Its sensors by name.</summary>
    public SortedDictionary<string, SensorView> Sensors { get; } = new(StringComparer.Ordinal);

    /// <summary>The audit of its sequence numbers.</summary>
    public SeqAudit Audit { get; } = new();

    /// <summary>Readings that arrived more than <see cref="FleetView.LateAfter"/> after their own time.</summary>
    public long LateReadings { get; internal set; }
}

/// <summary>What one message did to the view.</summary>
public enum Outcome
{
    /// <summary>A new reading, on time.</summary>
    Reading,

    /// <summary>A new reading that waited in an outbox (its own time is older than <see cref="FleetView.LateAfter"/>).</summary>
    LateReading,

    /// <summary>A reading already seen (same node and seq): dropped and counted.</summary>
    Duplicate,

    /// <summary>A status or info message.</summary>
    NodeState,

    /// <summary>Not one of Capteur's messages.</summary>
    Ignored,
}

/// <summary>The fleet as seen from the broker: thread-safe, fed one message at a time.</summary>
public sealed class FleetView
{
    /// <summary>Values kept per sensor for the sparkline.</summary>
    public const int RecentValues = 40;

    /// <summary>A reading older than this when it arrives is marked late.</summary>
    public static readonly TimeSpan LateAfter = TimeSpan.FromSeconds(5);

    private readonly SortedDictionary<string, NodeView> _nodes = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    /// <summary>A view using <paramref name="time"/> for arrival times (the system clock by default).</summary>
    public FleetView(TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Readings counted once each, over all nodes.</summary>
    public long Readings { get; private set; }

    /// <summary>Duplicates dropped, over all nodes.</summary>
    public long Duplicates { get; private set; }

    /// <summary>Applies one message; says what it was.</summary>
    public Outcome Apply(NodeMessage message)
    {
        if (message.Kind == NodeMessageKind.Other)
        {
            return Outcome.Ignored;
        }

        DateTimeOffset now = _time.GetUtcNow();
        lock (_nodes)
        {
            if (!_nodes.TryGetValue(message.Node, out NodeView? node))
            {
                node = new NodeView { Topic = message.Node };
                _nodes.Add(message.Node, node);
            }

            node.LastSeen = now;
            switch (message.Kind)
            {
                case NodeMessageKind.Status:
                    node.Online = message.Text == "online";
                    return Outcome.NodeState;
                case NodeMessageKind.Info:
                    node.Info = message.Text;
                    return Outcome.NodeState;
            }

            if (message.Seq is long seq && !node.Audit.Record(seq, $"{message.Sensor}|{message.Value:R}|{message.Timestamp:O}"))
            {
                Duplicates++;
                return Outcome.Duplicate;
            }

            Readings++;
            if (!node.Sensors.TryGetValue(message.Sensor, out SensorView? sensor))
            {
                sensor = new SensorView { Name = message.Sensor };
                node.Sensors.Add(message.Sensor, sensor);
            }

            DateTimeOffset time = message.Timestamp ?? now;
            sensor.Add(message.Value, message.Unit, time);
            if (now - time > LateAfter)
            {
                node.LateReadings++;
                return Outcome.LateReading;
            }

            return Outcome.Reading;
        }
    }

    /// <summary>A copy of the node list, for rendering; the views themselves are read without the lock (values may move).</summary>
    public IReadOnlyList<NodeView> Nodes()
    {
        lock (_nodes)
        {
            return [.. _nodes.Values];
        }
    }

    /// <summary>The node with this base topic, or null.</summary>
    public NodeView? Node(string topic)
    {
        lock (_nodes)
        {
            return _nodes.GetValueOrDefault(topic);
        }
    }
}
