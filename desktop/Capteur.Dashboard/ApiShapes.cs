using System.Text.Json;
using System.Text.Json.Serialization;

namespace Capteur.Dashboard;

// The JSON the dashboard serves (snake_case, as the node's own info message). One file: they are one contract.

/// <summary>The answer of <c>GET /api/fleet</c>.</summary>
/// <param name="Now">The server's clock, so the page can show "last seen 3 s ago" right even when the phone's clock is off.</param>
/// <param name="Broker">The subscription the live view comes from.</param>
/// <param name="History">Whether charts have history, and which series it holds.</param>
/// <param name="Nodes">Every node seen, by topic.</param>
internal sealed record FleetAnswer(DateTimeOffset Now, BrokerState Broker, HistoryState History, IReadOnlyList<NodeRow> Nodes);

/// <summary>The broker subscription.</summary>
/// <param name="Address">HOST:PORT.</param>
/// <param name="Filter">The topic filter.</param>
/// <param name="Connected">True while subscribed.</param>
internal sealed record BrokerState(string Address, string Filter, bool Connected);

/// <summary>History on or off.</summary>
/// <param name="Enabled">True when a store backs <c>/api/history</c>.</param>
/// <param name="Hint">When off: how to turn it on.</param>
/// <param name="Series">The <c>node/sensor</c> series the store holds (matching the topic filter).</param>
internal sealed record HistoryState(bool Enabled, string? Hint, IReadOnlyList<string> Series);

/// <summary>One node: a row of the fleet table, also the payload of <c>status</c> and <c>info</c> events.</summary>
/// <param name="Topic">The node's base topic.</param>
/// <param name="Status"><c>online</c>, <c>offline</c>, or <c>unknown</c> (no status message seen).</param>
/// <param name="LastSeen">When anything last came from it.</param>
/// <param name="Rssi">Wi-Fi signal in dBm from its info message, null until one came.</param>
/// <param name="Outbox">Readings waiting in its outbox (info message).</param>
/// <param name="Dropped">Readings its full outbox dropped (info message).</param>
/// <param name="Version">Its firmware version (info message).</param>
/// <param name="UptimeS">Seconds since it started (info message).</param>
/// <param name="LateReadings">Readings that arrived late from its outbox, since the dashboard started.</param>
/// <param name="Gaps">Sequence numbers never seen between its first and its highest.</param>
/// <param name="Sensors">Each sensor's latest reading.</param>
internal sealed record NodeRow(
    string Topic, string Status, DateTimeOffset LastSeen, int? Rssi, long? Outbox, long? Dropped, string? Version, long? UptimeS,
    long LateReadings, long Gaps, IReadOnlyList<SensorRow> Sensors);

/// <summary>A sensor's latest reading.</summary>
/// <param name="Name">Sensor name.</param>
/// <param name="Value">Latest value (highest own time).</param>
/// <param name="Unit">Its unit.</param>
/// <param name="Time">Its own time.</param>
internal sealed record SensorRow(string Name, double Value, string Unit, DateTimeOffset Time);

/// <summary>The answer of <c>GET /api/history</c>.</summary>
/// <param name="Series"><c>node/sensor</c>.</param>
/// <param name="Since">Start of the window asked for.</param>
/// <param name="Truncated">True when the window held more than the points returned (the newest are returned).</param>
/// <param name="Points">The readings in time order.</param>
internal sealed record HistoryAnswer(string Series, DateTimeOffset Since, bool Truncated, IReadOnlyList<HistoryPoint> Points);

/// <summary>One reading of a chart.</summary>
/// <param name="Time">The node's own time of the reading.</param>
/// <param name="Value">The value.</param>
/// <param name="Unit">The unit.</param>
/// <param name="Seq">The node's sequence number (null for a plain payload).</param>
/// <param name="Late">True when it arrived late, from an outbox.</param>
internal sealed record HistoryPoint(DateTimeOffset Time, double Value, string Unit, long? Seq, bool Late);

/// <summary>The payload of a <c>reading</c> event.</summary>
/// <param name="Node">The node's base topic.</param>
/// <param name="Sensor">Sensor name.</param>
/// <param name="Time">The node's own time of the reading (arrival time for a plain payload).</param>
/// <param name="Value">The value.</param>
/// <param name="Unit">The unit.</param>
/// <param name="Seq">Sequence number.</param>
/// <param name="Late">True when it arrived late, from an outbox.</param>
internal sealed record ReadingEvent(string Node, string Sensor, DateTimeOffset Time, double Value, string Unit, long? Seq, bool Late);

/// <summary>An error the caller can act on: <c>{"error": "..."}</c>.</summary>
/// <param name="Error">The message: the parameter, the value, what is allowed.</param>
internal sealed record ApiError(string Error);

/// <summary>Serializer settings and source-generated metadata for the shapes above.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(FleetAnswer))]
[JsonSerializable(typeof(NodeRow))]
[JsonSerializable(typeof(HistoryAnswer))]
[JsonSerializable(typeof(ReadingEvent))]
[JsonSerializable(typeof(ApiError))]
internal sealed partial class DashboardJson : JsonSerializerContext
{
    /// <summary>Serializes one of the shapes above.</summary>
    public static string Write<T>(T value) => JsonSerializer.Serialize(value, typeof(T), Default);
}
