using System.Globalization;
using System.Text.RegularExpressions;
using Capteur.Desktop.Tests.Infrastructure;

namespace Capteur.Interop.Tests.Cluster;

/// <summary>
/// <c>capteur watch maison/# --json --broker 127.0.0.1:PORT --session ID</c> as its own process: a persistent session
/// at QoS 1, one JSON line per new reading (it drops repeats itself and counts them in the summary it prints when
/// stopped). Its lines feed a <see cref="FailoverAudit"/> as they come (every 50 ms).
/// </summary>
internal sealed partial class WatchProcess : IDisposable
{
    private readonly CapteurProcess _process;
    private readonly FailoverAudit _audit;
    private readonly string _source;
    private readonly Timer _feeder;
    private int _fed;

    private WatchProcess(CapteurProcess process, FailoverAudit audit, string source)
    {
        _process = process;
        _audit = audit;
        _source = source;
        _feeder = new Timer(_ => Sync(), null, 50, 50);
    }

    /// <summary>Its output so far.</summary>
    public string[] Lines => _process.Lines;

    /// <summary>Starts watching 127.0.0.1:<paramref name="port"/> under session <paramref name="session"/>; readings are recorded as from <paramref name="source"/>.</summary>
    public static WatchProcess Start(int port, string session, FailoverAudit audit, string source)
        => new(CapteurProcess.Start("watch", "maison/#", "--json", "--broker", $"127.0.0.1:{port}", "--session", session), audit, source);

    /// <summary>Feeds the lines that came since the last call to the audit (it also runs every 50 ms by itself).</summary>
    public void Sync()
    {
        lock (_process)
        {
            string[] lines = _process.Lines;
            for (; _fed < lines.Length; _fed++)
            {
                _audit.RecordWatchLine(_source, lines[_fed]);
            }
        }
    }

    /// <summary>
    /// Stops it with SIGTERM and returns its closing summary per node
    /// (<c>maison/salon: 412 readings (seq 1..412), 3 duplicates, 0 gaps, 21 late</c>): readings, duplicates, gaps.
    /// </summary>
    public IReadOnlyDictionary<string, (long Readings, long Duplicates, long Gaps)> Stop()
    {
        _process.Terminate(TimeSpan.FromSeconds(30));
        Sync();
        var summary = new Dictionary<string, (long, long, long)>(StringComparer.Ordinal);
        foreach (Match match in _process.Lines.Select(l => SummaryLine().Match(l)).Where(m => m.Success))
        {
            summary[match.Groups[1].Value] = (Number(match.Groups[2]), Number(match.Groups[3]), Number(match.Groups[4]));
        }

        return summary;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _feeder.Dispose();
        _process.Dispose();
    }

    private static long Number(Group group) => long.Parse(group.Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(\S+): (\d+) readings \(seq [^)]*\), (\d+) duplicates, (\d+) gaps")]
    private static partial Regex SummaryLine();
}
