using System.Globalization;
using System.Text;
using System.Text.Json;
using Capteur.Recorder;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Capteur.Desktop.Tests.Recorder.Support;

/// <summary>Reads an export back into readings, independently of the writers (an RFC 4180 reader; System.Text.Json's DOM).</summary>
internal static class ExportedReadings
{
    /// <summary>The readings of a CSV export; checks the header.</summary>
    public static List<RecordedReading> FromCsv(string text)
    {
        List<string[]> rows = CsvRows(text);
        CollectionAssert.AreEqual(new[] { "node", "sensor", "seq", "time", "received", "value", "unit", "late" }, rows[0], "CSV header");
        return [.. rows.Skip(1).Select(f => new RecordedReading(
            f[0],
            f[1],
            f[2].Length == 0 ? null : long.Parse(f[2], CultureInfo.InvariantCulture),
            Time(f[3]),
            Time(f[4]),
            double.Parse(f[5], NumberStyles.Float, CultureInfo.InvariantCulture),
            f[6],
            bool.Parse(f[7])))];
    }

    /// <summary>The readings of a JSON export.</summary>
    public static List<RecordedReading> FromJson(string text)
    {
        using JsonDocument json = JsonDocument.Parse(text);
        return [.. json.RootElement.EnumerateArray().Select(o => new RecordedReading(
            o.GetProperty("node").GetString()!,
            o.GetProperty("sensor").GetString()!,
            o.GetProperty("seq").ValueKind == JsonValueKind.Null ? null : o.GetProperty("seq").GetInt64(),
            Time(o.GetProperty("time").GetString()!),
            Time(o.GetProperty("received").GetString()!),
            o.GetProperty("value").GetDouble(),
            o.GetProperty("unit").GetString()!,
            o.GetProperty("late").GetBoolean()))];
    }

    /// <summary>RFC 4180 records: CRLF between records, quoted fields with doubled quotes, commas and line breaks inside quotes.</summary>
    public static List<string[]> CsvRows(string text)
    {
        var rows = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                rows.Add([.. fields]);
                fields.Clear();
                i++;
            }
            else
            {
                Assert.AreNotEqual('\n', c, $"a bare LF at {i}: RFC 4180 records end with CRLF");
                field.Append(c);
            }
        }

        Assert.AreEqual(0, field.Length + fields.Count, "the last record ends with CRLF");
        return rows;
    }

    private static DateTimeOffset Time(string text)
    {
        Assert.IsTrue(text.Length == 24 && text.EndsWith('Z'), $"\"{text}\" is ISO 8601 UTC with milliseconds");
        return DateTimeOffset.ParseExact(text, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
    }
}
