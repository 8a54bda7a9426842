using System.Text.RegularExpressions;
using Capteur.Desktop.Tests.Infrastructure;

namespace Capteur.Interop.Tests.Brokers;

/// <summary>
/// A virtual node as a child process (<c>capteur node --broker 127.0.0.1:PORT --topic T --interval 100ms --data TMP</c>)
/// with a fresh data folder, so its outbox starts at seq 1; its clean stop reports how many readings it produced.
/// </summary>
internal sealed partial class NodeRun : IDisposable
{
    private readonly string _data;

    private NodeRun(string topic, string data, CapteurProcess process)
    {
        Topic = topic;
        _data = data;
        Process = process;
    }

    /// <summary>The node's base topic.</summary>
    public string Topic { get; }

    /// <summary>The `capteur node` process.</summary>
    public CapteurProcess Process { get; }

    /// <summary>Starts a node publishing to <paramref name="topic"/> through 127.0.0.1:<paramref name="port"/>, with more flags in <paramref name="extra"/>.</summary>
    public static NodeRun Start(int port, string topic, params string[] extra)
    {
        string data = Directory.CreateTempSubdirectory("capteur-ixnode-").FullName;
        CapteurProcess process = CapteurProcess.Start(["node", "--broker", $"127.0.0.1:{port}", "--topic", topic, "--interval", "100ms", "--data", data, .. extra]);
        return new NodeRun(topic, data, process);
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

    /// <summary>
    /// SIGTERM: the node drains its outbox (at most 5 s), says offline and exits; returns the readings it produced (its
    /// last seq) and those still queued on disk (not acknowledged by the broker).
    /// </summary>
    public (long Produced, long Queued) StopClean()
    {
        long first = Process.StartSeq();
        int code = Process.Terminate(TimeSpan.FromSeconds(30));
        // exited: Kill9 kills nothing, but its WaitForExit() waits for the end of the output (the stop line is the last)
        Process.Kill9();
        string? line = Process.Lines.LastOrDefault(l => Stopped().IsMatch(l))
            ?? throw new InvalidOperationException($"capteur node {Topic} exited {code} without its `stopped: next seq N` line:\n" + string.Join("\n", Process.Lines.TakeLast(20)));
        Match stopped = Stopped().Match(line);
        return (long.Parse(stopped.Groups[1].Value) - first, long.Parse(stopped.Groups[2].Value));
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

    [GeneratedRegex(@"stopped: next seq (\d+), (\d+) readings queued")]
    private static partial Regex Stopped();
}
