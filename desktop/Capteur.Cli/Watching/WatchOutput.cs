using Capteur.Watch;
using Spectre.Console;

namespace Capteur.Cli.Watching;

/// <summary>How a watch shows the fleet.</summary>
public enum WatchMode
{
    /// <summary>A live table redrawn in place (an interactive terminal).</summary>
    Table,

    /// <summary>One text line per reading (a pipe, a log, CI).</summary>
    Lines,

    /// <summary>One JSON line per reading, for scripts.</summary>
    Json,
}

/// <summary>
/// Feeds a <see cref="FleetView"/> from a <see cref="WatchClient"/> and shows it: a live table, or a line per reading
/// (duplicates are dropped from the output and counted).
/// </summary>
public sealed class WatchOutput
{
    private readonly FleetView _fleet = new();
    private readonly WatchMode _mode;
    private readonly TextWriter _out;

    /// <summary>An output in <paramref name="mode"/> writing to <paramref name="output"/>.</summary>
    public WatchOutput(WatchMode mode, TextWriter output)
    {
        _mode = mode;
        _out = output;
    }

    /// <summary>The fleet as seen so far.</summary>
    public FleetView Fleet => _fleet;

    /// <summary>Table when standard output is an interactive terminal, otherwise lines; JSON when asked.</summary>
    public static WatchMode ModeFor(bool json) => json ? WatchMode.Json : !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive ? WatchMode.Table : WatchMode.Lines;

    /// <summary>Handles one message from the broker.</summary>
    public void OnMessage(string topic, byte[] payload)
    {
        NodeMessage message = NodeMessage.Parse(topic, payload);
        Outcome outcome = _fleet.Apply(message);
        if (outcome is not (Outcome.Reading or Outcome.LateReading) || _mode == WatchMode.Table)
        {
            return;
        }

        DateTimeOffset now = DateTimeOffset.UtcNow;
        string line = _mode == WatchMode.Json ? ReadingLines.Json(message, outcome, now) : ReadingLines.Text(message, outcome, now);
        lock (_out)
        {
            _out.WriteLine(line);
        }
    }

    /// <summary>Redraws the live table until <paramref name="stop"/> (table mode only; other modes just wait).</summary>
    public async Task ShowAsync(string title, CancellationToken stop)
    {
        try
        {
            if (_mode != WatchMode.Table)
            {
                await Task.Delay(Timeout.Infinite, stop);
                return;
            }

            await AnsiConsole.Live(FleetTable.Render(_fleet, DateTimeOffset.UtcNow, title)).StartAsync(async live =>
            {
                while (!stop.IsCancellationRequested)
                {
                    live.UpdateTarget(FleetTable.Render(_fleet, DateTimeOffset.UtcNow, title));
                    try
                    {
                        await Task.Delay(250, stop);
                    }
                    catch (OperationCanceledException)
                    {
                    }
                }
            });
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>The closing summary: readings, duplicates and gaps per node.</summary>
    public IEnumerable<string> Summary()
    {
        foreach (NodeView node in _fleet.Nodes())
        {
            SeqAudit audit = node.Audit;
            string missing = audit.Gaps > 0 ? $" (missing {string.Join(",", audit.MissingNumbers(10))}{(audit.Gaps > 10 ? ",..." : "")})" : "";
            string conflicts = audit.Conflicts > 0 ? $", {audit.Conflicts} REUSED numbers" : "";
            yield return $"{node.Topic}: {audit.Distinct} readings (seq {(audit.Distinct > 0 ? $"{audit.First}..{audit.Last}" : "-")}), {audit.Duplicates} duplicates, {audit.Gaps} gaps{missing}, {node.LateReadings} late{conflicts}";
        }
    }
}
