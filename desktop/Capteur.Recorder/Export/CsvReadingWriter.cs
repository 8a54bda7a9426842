using System.Globalization;
using System.Text;

namespace Capteur.Recorder.Export;

/// <summary>
/// Readings as CSV (RFC 4180: CRLF line ends, a field holding a comma, quote or line break is quoted with its quotes doubled),
/// with the header <c>node,sensor,seq,time,received,value,unit,late</c>; seq is empty for a plain payload.
/// </summary>
public static class CsvReadingWriter
{
    /// <summary>Writes the header and every reading to <paramref name="output"/> (UTF-8, no BOM); returns how many readings.</summary>
    public static long Write(IEnumerable<RecordedReading> readings, Stream output)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(false), 64 * 1024, leaveOpen: true) { NewLine = "\r\n" };
        writer.WriteLine(string.Join(',', ExportFormat.Fields));
        long count = 0;
        foreach (RecordedReading r in readings)
        {
            writer.Write(Field(r.Node));
            writer.Write(',');
            writer.Write(Field(r.Sensor));
            writer.Write(',');
            writer.Write(r.Seq?.ToString(CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(ExportFormat.Time(r.Time));
            writer.Write(',');
            writer.Write(ExportFormat.Time(r.ReceivedAt));
            writer.Write(',');
            writer.Write(ExportFormat.Value(r.Value));
            writer.Write(',');
            writer.Write(Field(r.Unit));
            writer.Write(',');
            writer.WriteLine(r.Late ? "true" : "false");
            count++;
        }

        return count;
    }

    /// <summary>A text field, quoted when RFC 4180 asks for it.</summary>
    public static string Field(string text)
        => text.AsSpan().IndexOfAny(",\"\r\n") < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
