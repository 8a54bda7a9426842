using System.CommandLine;
using System.Globalization;
using Capteur.Cli.Bench;
using MQTTnet.Protocol;

namespace Capteur.Cli.Commands;

/// <summary>
/// `capteur bench --target NAME=HOST:PORT[@PID] ...`: the same load against each broker, side by side, with the ratio of every
/// target to the first: fan-in throughput (QoS 0 and 1), latency at a fixed rate, QoS 1 burst loss, memory with idle clients.
/// </summary>
public static class BenchCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var targets = new Option<string[]>("--target") { Description = "NAME=HOST:PORT[@PID], repeat per broker; the first is the reference of the ratios", Required = true, AllowMultipleArgumentsPerToken = true };
        var publishers = new Option<int>("--publishers") { Description = "Fan-in publishers (default 100)", DefaultValueFactory = _ => 100 };
        var seconds = new Option<int>("--seconds") { Description = "Duration of each fan-in and latency run (default 10)", DefaultValueFactory = _ => 10 };
        var payload = new Option<int>("--payload-bytes") { Description = "Payload size (default 60)", DefaultValueFactory = _ => 60 };
        var rate = new Option<int>("--rate") { Description = "Latency run message rate per second (default 1000)", DefaultValueFactory = _ => 1000 };
        var burst = new Option<int>("--burst") { Description = "QoS 1 burst size to an offline subscriber (default 10000)", DefaultValueFactory = _ => 10000 };
        var idle = new Option<int>("--idle-clients") { Description = "Idle clients for the memory figure (default 10000; 0 skips)", DefaultValueFactory = _ => 10000 };
        var only = new Option<string[]>("--only") { Description = "Run only these scenarios: fanin0, fanin1, fanin1p, latency, burst, idle", AllowMultipleArgumentsPerToken = true };
        var command = new Command("bench", "Load-test MQTT brokers side by side (e.g. capteur broker against mosquitto).")
        {
            targets, publishers, seconds, payload, rate, burst, idle, only,
        };
        command.SetAction(async result =>
        {
            var list = result.GetValue(targets)!.SelectMany(t => t.Split(',')).Select(BenchTarget.Parse).ToList();
            var duration = TimeSpan.FromSeconds(result.GetValue(seconds));
            var rows = new List<(string Metric, string Unit, bool HigherIsBetter, double[] Values)>();
            var selected = result.GetValue(only)?.SelectMany(o => o.Split(',')).ToHashSet() ?? [];
            bool Runs(string scenario) => selected.Count == 0 || selected.Contains(scenario);
            async Task Measure(string metric, string unit, bool higherIsBetter, Func<BenchTarget, Task<double>> run)
            {
                var values = new double[list.Count];
                for (var i = 0; i < list.Count; i++)
                {
                    Console.Error.WriteLine($"bench: {metric} on {list[i].Name} ...");
                    values[i] = await run(list[i]);
                }

                rows.Add((metric, unit, higherIsBetter, values));
            }

            var n = result.GetValue(publishers);
            var bytes = result.GetValue(payload);
            if (Runs("fanin0"))
            await Measure($"fan-in QoS 0 ({n} pub -> 1 sub)", "msg/s", true, async t => (await FanInScenario.RunAsync(t, n, MqttQualityOfServiceLevel.AtMostOnce, duration, bytes)).PerSecond);
            if (Runs("fanin1"))
            await Measure($"fan-in QoS 1 ({n} pub -> 1 sub)", "msg/s", true, async t => (await FanInScenario.RunAsync(t, n, MqttQualityOfServiceLevel.AtLeastOnce, duration, bytes)).PerSecond);
            if (Runs("fanin1p"))
            await Measure($"fan-in QoS 1, persistent-session sub", "msg/s", true, async t => (await FanInScenario.RunAsync(t, n, MqttQualityOfServiceLevel.AtLeastOnce, duration, bytes, persistentSubscriber: true)).PerSecond);
            var latency = new Dictionary<string, (double P50, double P99)>();
            if (Runs("latency"))
            {
            await Measure($"latency p50 at {result.GetValue(rate)} msg/s", "ms", false, async t =>
            {
                var r = await LatencyScenario.RunAsync(t, result.GetValue(rate), duration, bytes, MqttQualityOfServiceLevel.AtMostOnce);
                latency[t.Name] = (r.P50Ms, r.P99Ms);
                return r.P50Ms;
            });
            rows.Add(($"latency p99 at {result.GetValue(rate)} msg/s", "ms", false, list.Select(t => latency[t.Name].P99).ToArray()));
            }

            if (Runs("burst"))
            await Measure($"QoS 1 burst of {result.GetValue(burst)} to offline sub: lost", "%", false, async t =>
            {
                var (sent, received) = await BurstScenario.RunAsync(t, result.GetValue(burst));
                return sent == 0 ? double.NaN : 100.0 * (sent - received) / sent;
            });
            if (result.GetValue(idle) > 0 && Runs("idle"))
            {
                await Measure($"memory with {result.GetValue(idle)} idle clients (RSS)", "MiB", false, async t =>
                {
                    var (before, after, connected) = await IdleClientsScenario.RunAsync(t, result.GetValue(idle));
                    Console.Error.WriteLine($"bench: {t.Name}: {connected} idle clients connected; RSS {before / 1048576.0:F1} MiB before, {after / 1048576.0:F1} MiB after");
                    return after < 0 ? double.NaN : after / 1048576.0;
                });
            }

            Print(list, rows);
            return 0;
        });
        return command;
    }

    static void Print(List<BenchTarget> targets, List<(string Metric, string Unit, bool HigherIsBetter, double[] Values)> rows)
    {
        string F(double v) => double.IsNaN(v) ? "n/a" : v.ToString(v >= 100 ? "F0" : "F2", CultureInfo.InvariantCulture);
        var widths = targets.Select(t => Math.Max(14, t.Name.Length + 2)).ToArray();
        var ratioWidth = Math.Max(22, targets.Max(t => t.Name.Length) * 2 + 3);
        var header = "metric".PadRight(52) + string.Concat(targets.Select((t, i) => t.Name.PadLeft(widths[i])));
        for (var i = 1; i < targets.Count; i++)
        {
            header += $"{targets[i].Name}/{targets[0].Name}".PadLeft(ratioWidth);
        }

        Console.WriteLine(header);
        foreach (var (metric, unit, _, values) in rows)
        {
            var line = $"{metric} [{unit}]".PadRight(52) + string.Concat(values.Select((v, i) => F(v).PadLeft(widths[i])));
            for (var i = 1; i < values.Length; i++)
            {
                line += (values[0] == 0 || double.IsNaN(values[0]) ? "n/a" : (values[i] / values[0]).ToString("F2", CultureInfo.InvariantCulture)).PadLeft(ratioWidth);
            }

            Console.WriteLine(line);
        }
    }
}
