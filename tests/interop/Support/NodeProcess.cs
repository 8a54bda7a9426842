using System.Globalization;
using System.Text.RegularExpressions;
using Capteur.Desktop.Tests.Infrastructure;

namespace Capteur.Interop.Tests.Support;

/// <summary>
/// A virtual node as its own process, <c>capteur node --broker 127.0.0.1:PORT... --topic T --interval 100ms --data TMP</c>,
/// with a fresh data folder (its outbox starts at seq 1). Its log says where and when it connected (<c>mqtt: online at
/// HOST:PORT</c>, each line stamped with the node's UTC time); its clean stop says how many readings it produced.
/// </summary>
internal sealed partial class NodeProcess : IDisposable
{
    private readonly string _data;

    private NodeProcess(string topic, string data, CapteurProcess process)
    {
        Topic = topic;
        _data = data;
        Process = process;
    }

    /// <summary>The node's base topic, e.g. <c>maison/salon</c>.</summary>
    public string Topic { get; }

    /// <summary>The `capteur node` process.</summary>
    public CapteurProcess Process { get; }

    /// <summary>Its output lines so far.</summary>
    public string[] Lines => Process.Lines;

    /// <summary>The exit code of its clean stop (after <see cref="StopClean"/>).</summary>
    public int ExitCode { get; private set; }

    /// <summary>
    /// Starts a node publishing to <paramref name="topic"/> whose broker list is 127.0.0.1 on <paramref name="ports"/>, in
    /// that order, with more flags in <paramref name="extra"/>.
    /// </summary>
    public static NodeProcess Start(string topic, int[] ports, params string[] extra)
    {
        string data = Directory.CreateTempSubdirectory("capteur-ixnode-").FullName;
        string[] brokers = [.. ports.SelectMany(port => new[] { "--broker", $"127.0.0.1:{port}" })];
        CapteurProcess process = CapteurProcess.Start(["node", .. brokers, "--topic", topic, "--interval", "100ms", "--data", data, .. extra]);
        return new NodeProcess(topic, data, process);
    }

    /// <summary>
    /// Waits for the node's `mqtt: online` line (connected, status published); fails at once when the broker refuses
    /// its CONNECT (a refusal is an answer, not a delay).
    /// </summary>
    public void WaitOnline(TimeSpan timeout)
    {
        string line = Process.WaitForLine(l => l.Contains("mqtt: online at", StringComparison.Ordinal) || l.Contains("refused the connection", StringComparison.Ordinal),
            timeout, $"{Topic}: the `mqtt: online` line");
        if (!line.Contains("mqtt: online at", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"capteur node {Topic}: {line[(line.IndexOf("mqtt:", StringComparison.Ordinal) is int at and >= 0 ? at : 0)..]}");
        }
    }

    /// <summary>When the node came online at 127.0.0.1:<paramref name="port"/> at or after <paramref name="after"/>, or null.</summary>
    public DateTimeOffset? OnlineAt(int port, DateTimeOffset after)
    {
        string what = $"mqtt: online at 127.0.0.1:{port} ";
        foreach (string line in Lines)
        {
            if (line.Contains(what, StringComparison.Ordinal) && TimeOf(line, after) is DateTimeOffset at && at >= after.AddMilliseconds(-1))
            {
                return at;
            }
        }

        return null;
    }

    /// <summary>The node's log lines about its connection (mqtt: ...) stamped at or after <paramref name="after"/>.</summary>
    public IEnumerable<string> ConnectionLines(DateTimeOffset after)
        => Lines.Where(l => l.Contains(": mqtt: ", StringComparison.Ordinal) && TimeOf(l, after) >= after.AddMilliseconds(-1));

    /// <summary>
    /// SIGTERM: the node drains its outbox (at most 5 s), says offline and exits; returns the readings it produced (its
    /// last seq) and those still queued on disk (not acknowledged by the broker).
    /// </summary>
    public (long Produced, long Queued) StopClean()
    {
        long first = Process.StartSeq();
        ExitCode = Process.Terminate(TimeSpan.FromSeconds(30));
        string? line = Process.Lines.LastOrDefault(l => Stopped().IsMatch(l))
            ?? throw new InvalidOperationException($"capteur node {Topic} exited {ExitCode} without its `stopped: next seq N` line:\n" + string.Join("\n", Process.Lines.TakeLast(20)));
        Match stopped = Stopped().Match(line);
        return (long.Parse(stopped.Groups[1].Value, CultureInfo.InvariantCulture) - first, long.Parse(stopped.Groups[2].Value, CultureInfo.InvariantCulture));
    }

    /// <summary>A clean stop that must exit 0 with nothing left queued; the number of readings the node produced.</summary>
    public long StopDrained()
    {
        (long produced, long queued) = StopClean();
        if (ExitCode != 0)
        {
            throw new InvalidOperationException($"{Topic}: exit {ExitCode} on SIGTERM:\n{string.Join("\n", Lines.TakeLast(20))}");
        }

        if (queued != 0)
        {
            throw new InvalidOperationException($"{Topic}: {queued} readings were still queued at the stop");
        }

        return produced;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Process.Dispose();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    // "10:00:01.250 info  maison/salon: ...": the node's own UTC time of day, put on the date of `near`.
    private static DateTimeOffset? TimeOf(string line, DateTimeOffset near)
    {
        if (line.Length < 12 || !TimeOnly.TryParseExact(line[..12], "HH:mm:ss.fff", CultureInfo.InvariantCulture, DateTimeStyles.None, out TimeOnly time))
        {
            return null;
        }

        var at = new DateTimeOffset(DateOnly.FromDateTime(near.UtcDateTime.Date), time, TimeSpan.Zero);
        return at < near.AddHours(-12) ? at.AddDays(1) : at;
    }

    [GeneratedRegex(@"stopped: next seq (\d+), (\d+) readings queued")]
    private static partial Regex Stopped();
}
