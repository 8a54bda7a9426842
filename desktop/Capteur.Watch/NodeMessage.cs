using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Capteur.Watch;

/// <summary>What a message on a node's topics is.</summary>
public enum NodeMessageKind
{
    /// <summary>A reading on <c>&lt;node&gt;/&lt;sensor&gt;</c>.</summary>
    Reading,

    /// <summary><c>online</c> / <c>offline</c> on <c>&lt;node&gt;/status</c>.</summary>
    Status,

    /// <summary>The node's info JSON on <c>&lt;node&gt;/info</c>.</summary>
    Info,

    /// <summary>Anything else (another application's topic, a payload that is not Capteur's).</summary>
    Other,
}

/// <summary>One MQTT message read as Capteur's topic layout and payload contract.</summary>
public sealed record NodeMessage(NodeMessageKind Kind, string Node, string Sensor, double Value, string Unit, long? Seq, DateTimeOffset? Timestamp, string Text)
{
    /// <summary>
    /// Reads a message: <c>&lt;node.topic&gt;/status</c> (online/offline), <c>/info</c> (JSON), or a reading
    /// (<c>{"value":..,"unit":..,"seq":..,"ts":..}</c>, or the number alone in plain format: no seq, no time).
    /// </summary>
    public static NodeMessage Parse(string topic, ReadOnlySpan<byte> payload)
    {
        int slash = topic.LastIndexOf('/');
        if (slash <= 0 || slash == topic.Length - 1 || topic.StartsWith('$'))
        {
            return Other(topic, payload);
        }

        string node = topic[..slash];
        string last = topic[(slash + 1)..];
        string text = Encoding.UTF8.GetString(payload);
        if (last == "status" && text is "online" or "offline")
        {
            return new NodeMessage(NodeMessageKind.Status, node, "", 0, "", null, null, text);
        }

        if (last == "info")
        {
            return new NodeMessage(NodeMessageKind.Info, node, "", 0, "", null, null, text);
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double plain))
        {
            return new NodeMessage(NodeMessageKind.Reading, node, last, plain, "", null, null, text);
        }

        try
        {
            using JsonDocument json = JsonDocument.Parse(payload.ToArray());
            JsonElement root = json.RootElement;
            if (root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("value", out JsonElement value) && value.ValueKind == JsonValueKind.Number
                && root.TryGetProperty("seq", out JsonElement seq) && seq.ValueKind == JsonValueKind.Number)
            {
                string unit = root.TryGetProperty("unit", out JsonElement u) && u.ValueKind == JsonValueKind.String ? u.GetString()! : "";
                DateTimeOffset? ts = root.TryGetProperty("ts", out JsonElement t) && t.ValueKind == JsonValueKind.String
                    && DateTimeOffset.TryParse(t.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset parsed)
                    ? parsed : null;
                return new NodeMessage(NodeMessageKind.Reading, node, last, value.GetDouble(), unit, seq.GetInt64(), ts, text);
            }
        }
        catch (JsonException)
        {
        }

        return Other(topic, payload);
    }

    private static NodeMessage Other(string topic, ReadOnlySpan<byte> payload)
        => new(NodeMessageKind.Other, topic, "", 0, "", null, null, Encoding.UTF8.GetString(payload));
}
