using System.CommandLine;
using Capteur.Recorder;
using Capteur.Recorder.Export;

namespace Capteur.Cli.Commands;

/// <summary>`capteur export`: recorded readings as CSV or JSON, oldest first, values and times exactly as stored.</summary>
public static class ExportCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var db = new Option<string>("--db") { Description = $"Readings database (default {RecorderOptions.DefaultDatabasePath()})" };
        var since = new Option<string>("--since") { Description = "Only readings whose own time is at or after this: a duration back from now (30s, 15m, 24h, 7d) or a time (2026-11-23T10:00:00Z); default all" };
        var topic = new Option<string>("--topic", "-t") { Description = "Only the series matching this MQTT filter on NODE/SENSOR (e.g. maison/+/temperature)" };
        var csv = new Option<bool>("--csv") { Description = "CSV (RFC 4180) with the header node,sensor,seq,time,received,value,unit,late" };
        var json = new Option<bool>("--json") { Description = "One JSON array of objects with the same field names" };
        var output = new Option<string>("--output", "-o") { Description = "Write to this file instead of standard output" };
        var command = new Command("export", "Export recorded readings as CSV or JSON (times in UTC with milliseconds, values exact).")
        {
            db, since, topic, csv, json, output,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            bool asCsv = result.GetValue(csv);
            bool asJson = result.GetValue(json);
            string? filter = result.GetValue(topic);
            DateTimeOffset from = DateTimeOffset.MinValue;
            try
            {
                if (asCsv == asJson)
                {
                    throw new ArgumentException(asCsv ? "--csv and --json exclude each other: choose one" : "choose the format: --csv or --json");
                }

                if (result.GetValue(since) is string sinceText)
                {
                    from = CliValues.Since(sinceText, "--since", DateTimeOffset.UtcNow);
                }

                if (filter is not null && TopicFilter.Check(filter) is string problem)
                {
                    throw new ArgumentException("--topic: " + problem);
                }
            }
            catch (ArgumentException e)
            {
                await Console.Error.WriteLineAsync($"capteur export: {e.Message}");
                return 2;
            }

            ReadingStore store;
            try
            {
                store = ReadingStore.OpenForReading(result.GetValue(db) ?? RecorderOptions.DefaultDatabasePath());
            }
            catch (ReadingStoreException e)
            {
                await Console.Error.WriteLineAsync($"capteur export: --db: {e.Message}");
                return 2;
            }

            using (store)
            {
                string? path = result.GetValue(output);
                try
                {
                    await using Stream target = path is null ? Console.OpenStandardOutput() : File.Create(path);
                    IEnumerable<RecordedReading> readings = store.Read(from, filter);
                    long count = asCsv ? CsvReadingWriter.Write(readings, target) : JsonReadingWriter.Write(readings, target);
                    if (path is not null)
                    {
                        await Console.Error.WriteLineAsync($"capteur export: {count} readings from {store.Path} to {Path.GetFullPath(path)}");
                    }
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    await Console.Error.WriteLineAsync($"capteur export: --output: cannot write {path ?? "standard output"} ({e.Message})");
                    return 1;
                }
            }

            return 0;
        });
        return command;
    }
}
