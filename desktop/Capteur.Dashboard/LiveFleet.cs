using System.Text.Json;
using Capteur.Watch;

namespace Capteur.Dashboard;

/// <summary>
/// The fleet as the dashboard's own subscription sees it (a <see cref="FleetView"/>), turned into table rows and
/// into events for the browsers. Every access goes through one lock: the view's node and sensor maps are not safe
/// to read while a message adds to them.
/// </summary>
internal sealed class LiveFleet
{
    private readonly FleetView _view;
    private readonly EventHub _events;
    private readonly TimeProvider _time;
    private readonly object _gate = new();

    /// <summary>A fleet publishing its changes to <paramref name="events"/>.</summary>
    public LiveFleet(EventHub events, TimeProvider time)
    {
        _events = events;
        _time = time;
        _view = new FleetView(time);
    }

    /// <summary>Handles one MQTT message (called on the MQTT client's thread; never blocks on a browser).</summary>
    public void OnMessage(string topic, byte[] payload)
    {
        NodeMessage message = NodeMessage.Parse(topic, payload);
        if (message.Kind == NodeMessageKind.Reading && !double.IsFinite(message.Value))
        {
            return; // a plain "NaN" payload: JSON has no way to carry it, and a chart no way to draw it
        }

        string name;
        string json;
        lock (_gate)
        {
            DateTimeOffset now = _time.GetUtcNow();
            Outcome outcome = _view.Apply(message);
            switch (outcome)
            {
                case Outcome.Reading or Outcome.LateReading:
                    name = "reading";
                    json = DashboardJson.Write(new ReadingEvent(message.Node, message.Sensor, message.Timestamp ?? now, message.Value, message.Unit,
                        message.Seq, outcome == Outcome.LateReading));
                    break;
                case Outcome.NodeState:
                    name = message.Kind == NodeMessageKind.Status ? "status" : "info";
                    json = DashboardJson.Write(Row(_view.Node(message.Node)!));
                    break;
                default:
                    return;
            }
        }

        _events.Publish(name, json);
    }

    /// <summary>Every node, ordered by topic.</summary>
    public IReadOnlyList<NodeRow> Rows()
    {
        lock (_gate)
        {
            return [.. _view.Nodes().Select(Row)];
        }
    }

    private static NodeRow Row(NodeView node)
    {
        NodeInfo info = NodeInfo.Parse(node.Info);
        return new NodeRow(
            node.Topic,
            node.Online switch { true => "online", false => "offline", null => "unknown" },
            node.LastSeen,
            info.Rssi,
            info.Outbox,
            info.Dropped,
            info.Version,
            info.UptimeS,
            node.LateReadings,
            node.Audit.Gaps,
            [.. node.Sensors.Values.Select(s => new SensorRow(s.Name, s.Value, s.Unit, s.Time))]);
    }

    /// <summary>The fields of a node's info message the table shows; null where missing or not a number.</summary>
    private readonly record struct NodeInfo(int? Rssi, long? Outbox, long? Dropped, string? Version, long? UptimeS)
    {
        public static NodeInfo Parse(string text)
        {
            if (text.Length == 0)
            {
                return default;
            }

            try
            {
                using JsonDocument json = JsonDocument.Parse(text);
                JsonElement root = json.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    return default;
                }

                long? Number(string key) => root.TryGetProperty(key, out JsonElement e) && e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out long n) ? n : null;
                string? version = root.TryGetProperty("version", out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
                long? rssi = Number("rssi");
                return new NodeInfo(rssi is >= int.MinValue and <= int.MaxValue ? (int)rssi : null, Number("outbox"), Number("dropped"), version, Number("uptime_s"));
            }
            catch (JsonException)
            {
                return default; // not JSON: the row shows dashes rather than failing the whole table
            }
        }
    }
}
