using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Capteur.Recorder.Export;

/// <summary>
/// Readings as one JSON array of objects with the CSV's field names, one object per line:
/// <c>{"node":"maison/salon","sensor":"temperature","seq":42,"time":"...","received":"...","value":21.5,"unit":"°C","late":false}</c>
/// (seq null for a plain payload; text not escaped beyond what JSON needs, so <c>°C</c> stays readable).
/// </summary>
public static class JsonReadingWriter
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes the array to <paramref name="output"/> (UTF-8); returns how many readings.</summary>
    public static long Write(IEnumerable<RecordedReading> readings, Stream output)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using var json = new Utf8JsonWriter(buffer, Options);
        long count = 0;
        output.Write("["u8);
        foreach (RecordedReading r in readings)
        {
            output.Write(count == 0 ? "\n"u8 : ",\n"u8);
            buffer.ResetWrittenCount();
            json.Reset(buffer);
            json.WriteStartObject();
            json.WriteString("node", r.Node);
            json.WriteString("sensor", r.Sensor);
            if (r.Seq is long seq)
            {
                json.WriteNumber("seq", seq);
            }
            else
            {
                json.WriteNull("seq");
            }

            json.WriteString("time", ExportFormat.Time(r.Time));
            json.WriteString("received", ExportFormat.Time(r.ReceivedAt));
            json.WriteNumber("value", r.Value);
            json.WriteString("unit", r.Unit);
            json.WriteBoolean("late", r.Late);
            json.WriteEndObject();
            json.Flush();
            output.Write(buffer.WrittenSpan);
            count++;
        }

        output.Write("\n]\n"u8);
        output.Flush();
        return count;
    }
}
