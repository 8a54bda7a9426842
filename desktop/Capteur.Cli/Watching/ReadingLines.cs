using System.Globalization;
using System.Text.Json;
using Capteur.Watch;

namespace Capteur.Cli.Watching;

/// <summary>One reading as a line: text for people, JSON for scripts (<c>capteur watch --json</c>).</summary>
public static class ReadingLines
{
    /// <summary><c>10:00:01 maison/salon temperature 21.52 °C seq 12</c>, with <c>(late, taken 09:58:40)</c> for an outbox reading.</summary>
    public static string Text(NodeMessage message, Outcome outcome, DateTimeOffset received)
    {
        string value = message.Text.StartsWith('{') ? message.Value.ToString("0.####", CultureInfo.InvariantCulture) : message.Text;
        string seq = message.Seq is long s ? $" seq {s}" : "";
        string late = outcome == Outcome.LateReading && message.Timestamp is DateTimeOffset ts ? $" (late, taken {ts.ToLocalTime():HH:mm:ss})" : "";
        return $"{received.ToLocalTime():HH:mm:ss} {message.Node} {message.Sensor} {value}{(message.Unit.Length > 0 ? " " + message.Unit : "")}{seq}{late}";
    }

    /// <summary>
    /// <c>{"node":..,"sensor":..,"value":..,"unit":..,"seq":..,"ts":..,"received":..,"late":..}</c>; seq and ts are null
    /// for plain payloads.
    /// </summary>
    public static string Json(NodeMessage message, Outcome outcome, DateTimeOffset received)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("node", message.Node);
            json.WriteString("sensor", message.Sensor);
            json.WriteNumber("value", message.Value);
            json.WriteString("unit", message.Unit);
            if (message.Seq is long seq)
            {
                json.WriteNumber("seq", seq);
            }
            else
            {
                json.WriteNull("seq");
            }

            if (message.Timestamp is DateTimeOffset ts)
            {
                json.WriteString("ts", ts.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
            }
            else
            {
                json.WriteNull("ts");
            }

            json.WriteString("received", received.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
            json.WriteBoolean("late", outcome == Outcome.LateReading);
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
