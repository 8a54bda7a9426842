using System.Text.Json;
using System.Text.RegularExpressions;
using Capteur.Desktop.Tests.Infrastructure;
using Capteur.Watch;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Capteur.Interop.Tests.Brokers;

/// <summary>
/// `capteur watch --json --broker 127.0.0.1:PORT --session ID FILTER` as a child process: one JSON line per reading on
/// stdout (duplicates dropped there), and on a clean stop a summary line per node on stderr with the duplicates it
/// dropped and the gaps it counted.
/// </summary>
internal sealed partial class WatchRun : IDisposable
{
    private WatchRun(CapteurProcess process)
    {
        Process = process;
    }

    /// <summary>The `capteur watch` process.</summary>
    public CapteurProcess Process { get; }

    /// <summary>Starts it on <paramref name="filter"/> with a persistent session named <paramref name="session"/>.</summary>
    public static WatchRun Start(int port, string filter, string session) =>
        new(CapteurProcess.Start("watch", "--json", "--broker", $"127.0.0.1:{port}", "--session", session, filter));

    /// <summary>
    /// Waits until it is subscribed: publishes a plain reading to <paramref name="probeTopic"/> every 250 ms until
    /// it prints it (its first connection is silent).
    /// </summary>
    public async Task WaitSubscribedAsync(int port, string probeTopic, TimeSpan timeout)
    {
        using IMqttClient client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(Subscriber.Options(port, MqttProtocolVersion.V311));
        string node = probeTopic[..probeTopic.LastIndexOf('/')];
        DateTime deadline = DateTime.UtcNow + timeout;
        while (!Readings().Any(r => r.Node == node))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"capteur watch (pid {Process.Pid}) printed no reading for {probeTopic} within {timeout.TotalSeconds:F0} s:\n" + string.Join("\n", Process.Lines.TakeLast(20)));
            }

            await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(probeTopic).WithPayload("1")
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
            await Task.Delay(250);
        }

        await client.DisconnectAsync();
    }

    /// <summary>The readings it printed so far: node, sensor and seq (null for a plain payload).</summary>
    public IReadOnlyList<(string Node, string Sensor, long? Seq)> Readings()
    {
        var readings = new List<(string, string, long?)>();
        foreach (string line in Process.Lines.Where(l => l.StartsWith('{')))
        {
            using JsonDocument json = JsonDocument.Parse(line);
            JsonElement root = json.RootElement;
            JsonElement seq = root.GetProperty("seq");
            readings.Add((root.GetProperty("node").GetString()!, root.GetProperty("sensor").GetString()!, seq.ValueKind == JsonValueKind.Number ? seq.GetInt64() : null));
        }

        return readings;
    }

    /// <summary>The seq numbers of <paramref name="node"/> it printed, through the project's own <see cref="SeqAudit"/>.</summary>
    public SeqAudit Audit(string node)
    {
        var audit = new SeqAudit();
        foreach ((string _, string sensor, long? seq) in Readings().Where(r => r.Node == node && r.Seq is not null))
        {
            audit.Record(seq!.Value, sensor);
        }

        return audit;
    }

    /// <summary>SIGTERM (a clean stop) and its summary: per node, the duplicates it dropped.</summary>
    public IReadOnlyDictionary<string, long> StopAndCountDuplicates()
    {
        int code = Process.Terminate(TimeSpan.FromSeconds(20));
        if (code != 0)
        {
            throw new InvalidOperationException($"capteur watch exited {code} after SIGTERM:\n" + string.Join("\n", Process.Lines.TakeLast(20)));
        }

        var duplicates = new Dictionary<string, long>();
        foreach (string line in Process.Lines)
        {
            Match m = SummaryLine().Match(line);
            if (m.Success)
            {
                duplicates[m.Groups[1].Value] = long.Parse(m.Groups[2].Value);
            }
        }

        return duplicates;
    }

    /// <inheritdoc />
    public void Dispose() => Process.Dispose();

    // "maison/salon: 99 readings (seq 1..99), 0 duplicates, 0 gaps, 0 late" (WatchOutput.Summary)
    [GeneratedRegex(@"^(\S+): \d+ readings \(seq [^)]*\), (\d+) duplicates, ")]
    private static partial Regex SummaryLine();
}
