using System.CommandLine;
using Capteur.Recorder;
using Capteur.Watch;

namespace Capteur.Cli.Commands;

/// <summary>`capteur record`: every reading a broker carries into a SQLite file, at the node's own time, until Ctrl+C / SIGTERM.</summary>
public static class RecordCommand
{
    /// <summary>Time between two count lines while recording (only when something changed).</summary>
    public static readonly TimeSpan CountEvery = TimeSpan.FromMinutes(1);

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var broker = new Option<string[]>("--broker", "-b") { Description = "Broker HOST:PORT; several (or a comma list) for failover, tried in order (default 127.0.0.1:1883)", AllowMultipleArgumentsPerToken = true };
        var db = new Option<string>("--db") { Description = $"Readings database, created when missing (default {RecorderOptions.DefaultDatabasePath()})" };
        var topic = new Option<string>("--topic", "-t") { Description = "Topic filter to record (default #)", DefaultValueFactory = _ => "#" };
        var session = new Option<string>("--session") { Description = "Client id of the recorder's persistent session: readings published while it is down arrive when it is back (default capteur-recorder)", DefaultValueFactory = _ => "capteur-recorder" };
        var retention = new Option<string>("--retention") { Description = "Delete readings older than this (s, m, h or d; default 30d)", DefaultValueFactory = _ => "30d" };
        var command = new Command("record", "Record every reading into a SQLite file at the node's own time; duplicates dropped, late readings kept at their time.")
        {
            broker, db, topic, session, retention,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            string filter = result.GetValue(topic)!;
            string sessionId = result.GetValue(session)!;
            string retentionText = result.GetValue(retention)!;
            RecorderOptions options;
            IReadOnlyList<BrokerAddress> brokers;
            try
            {
                brokers = CliValues.Brokers(result.GetValue(broker) is { Length: > 0 } given ? given : ["127.0.0.1:1883"], "--broker");
                if (TopicFilter.Check(filter) is string problem)
                {
                    throw new ArgumentException("--topic: " + problem);
                }

                if (sessionId.Length == 0)
                {
                    throw new ArgumentException("--session: empty; give a client id (e.g. capteur-recorder)");
                }

                options = new RecorderOptions { TopicFilter = filter, SessionId = sessionId, Retention = CliValues.Span(retentionText, "--retention") };
            }
            catch (ArgumentException e)
            {
                await Console.Error.WriteLineAsync($"capteur record: {e.Message}");
                return 2;
            }

            RecordingSession recording;
            try
            {
                recording = await RecordingSession.StartAsync(brokers, result.GetValue(db) ?? RecorderOptions.DefaultDatabasePath(), options, cancellationToken);
            }
            catch (ReadingStoreException e)
            {
                await Console.Error.WriteLineAsync($"capteur record: --db: {e.Message}");
                return 2;
            }
            catch (TimeoutException e)
            {
                await Console.Error.WriteLineAsync($"capteur record: {e.Message}");
                return 1;
            }
            catch (OperationCanceledException)
            {
                return 0;
            }

            await using (recording)
            {
                recording.Recorder.Log += line => Console.Error.WriteLine($"capteur record: {line}");
                Console.WriteLine($"capteur record: recording {string.Join(",", brokers)} {filter} into {recording.Store.Path} (session {sessionId}, retention {retentionText}); Ctrl+C to stop");
                await ShowCountsAsync(recording, cancellationToken);
            }

            Console.WriteLine($"capteur record: stopped: {recording.Counts()}");
            return 0;
        });
        return command;
    }

    /// <summary>Prints the counts every <see cref="CountEvery"/> when they changed, until <paramref name="stop"/>.</summary>
    private static async Task ShowCountsAsync(RecordingSession recording, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(CountEvery);
        string last = recording.Counts();
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                string counts = recording.Counts();
                if (counts != last)
                {
                    Console.WriteLine($"capteur record: {counts}");
                    last = counts;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
