using System.Globalization;
using System.Text.RegularExpressions;
using Capteur.Desktop.Tests.Infrastructure;

namespace Capteur.Interop.Tests.Cluster;

/// <summary>
/// A virtual node as its own process, <c>capteur node --broker 127.0.0.1:A --broker 127.0.0.1:B ...</c>, sampling its
/// temperature every 100 ms into an outbox kept in its own data folder; what its log says about its connections
/// (<c>mqtt: online at HOST:PORT</c>, each line stamped with the node's UTC time) tells where and when it failed over.
/// </summary>
internal sealed partial class FailoverNode : IDisposable
{
    private readonly CapteurProcess _process;
    private readonly string _data;

    private FailoverNode(string topic, CapteurProcess process, string data)
    {
        Topic = topic;
        _process = process;
        _data = data;
    }

    /// <summary>Its base topic, e.g. <c>maison/salon</c>.</summary>
    public string Topic { get; }

    /// <summary>Its output lines so far.</summary>
    public string[] Lines => _process.Lines;

    /// <summary>Starts a node whose broker list is 127.0.0.1 on <paramref name="ports"/>, in that order.</summary>
    public static FailoverNode Start(string topic, params int[] ports)
    {
        string data = Directory.CreateTempSubdirectory("capteur-node-").FullName;
        var args = new List<string> { "node" };
        foreach (int port in ports)
        {
            args.AddRange(["--broker", $"127.0.0.1:{port}"]);
        }

        args.AddRange(["--topic", topic, "--interval", "100ms", "--data", data, "--set", "node.info_s=0"]);
        var node = new FailoverNode(topic, CapteurProcess.Start([.. args]), data);
        if (node._process.StartSeq() != 1)
        {
            throw new InvalidOperationException($"{topic}: a fresh data folder starts at seq 1");
        }

        return node;
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

    /// <summary>A clean stop (SIGTERM: the node drains what it can, then stops); the number of readings it produced.</summary>
    public long Stop()
    {
        int code = _process.Terminate(TimeSpan.FromSeconds(30));
        if (code != 0)
        {
            throw new InvalidOperationException($"{Topic}: exit {code} on SIGTERM:\n{string.Join("\n", Lines.TakeLast(20))}");
        }

        Match stopped = StopLine().Match(_process.WaitForLine(l => StopLine().IsMatch(l), TimeSpan.FromSeconds(5), "the stop line"));
        long queued = long.Parse(stopped.Groups[2].Value, CultureInfo.InvariantCulture);
        if (queued != 0)
        {
            throw new InvalidOperationException($"{Topic}: {queued} readings were still queued at the stop");
        }

        return long.Parse(stopped.Groups[1].Value, CultureInfo.InvariantCulture) - 1;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _process.Dispose();
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
    private static partial Regex StopLine();
}
