using System.Globalization;

namespace Capteur.Recorder.Export;

/// <summary>How readings are written in both formats: the field names, times and numbers, so a file reads back to the same readings.</summary>
public static class ExportFormat
{
    /// <summary>Field names, in CSV column order.</summary>
    public static readonly string[] Fields = ["node", "sensor", "seq", "time", "received", "value", "unit", "late"];

    /// <summary>ISO 8601 in UTC with milliseconds, e.g. <c>2026-11-23T10:00:00.000Z</c> (the store keeps milliseconds).</summary>
    public static string Time(DateTimeOffset time)
        => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>The shortest text that parses back to the same double (<c>21.46</c>, <c>1E-07</c>, <c>-3.5</c>).</summary>
    public static string Value(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
