using System.Buffers.Binary;
using System.Diagnostics;
using MQTTnet.Protocol;

namespace Capteur.Cli.Bench;

/// <summary>Latency at a fixed rate: one publisher paced at N msg/s, one subscriber, send-to-receive time from a timestamp in the payload.</summary>
internal static class LatencyScenario
{
    public static async Task<(double P50Ms, double P99Ms, int Samples)> RunAsync(BenchTarget target, int messagesPerSecond, TimeSpan duration, int payloadBytes, MqttQualityOfServiceLevel qos)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var samples = new List<double>();
        var subscriber = await BenchClients.ConnectAsync(target, $"lat-sub-{run}");
        subscriber.ApplicationMessageReceivedAsync += e =>
        {
            var sentTicks = BinaryPrimitives.ReadInt64LittleEndian(e.ApplicationMessage.Payload.FirstSpan);
            var ms = (Stopwatch.GetTimestamp() - sentTicks) * 1000.0 / Stopwatch.Frequency;
            lock (samples)
            {
                samples.Add(ms);
            }

            return Task.CompletedTask;
        };
        await BenchClients.SubscribeAsync(subscriber, $"lat/{run}", qos);
        var publisher = await BenchClients.ConnectAsync(target, $"lat-pub-{run}");
        var total = (int)(messagesPerSecond * duration.TotalSeconds);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < total; i++)
        {
            // Pace against the clock, not by sleeping a fixed amount, so that slow sends do not lower the rate.
            var due = i * 1000.0 / messagesPerSecond;
            var wait = due - clock.Elapsed.TotalMilliseconds;
            if (wait > 1)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(wait));
            }

            var payload = new byte[Math.Max(payloadBytes, 8)];
            BinaryPrimitives.WriteInt64LittleEndian(payload, Stopwatch.GetTimestamp());
            await publisher.PublishAsync(BenchClients.Message($"lat/{run}", payload, qos));
        }

        var deadline = Stopwatch.StartNew();
        while (samples.Count < total && deadline.ElapsedMilliseconds < 5000)
        {
            await Task.Delay(20);
        }

        await BenchClients.DisconnectAllAsync([publisher, subscriber]);
        double[] sorted;
        lock (samples)
        {
            sorted = samples.Order().ToArray();
        }

        return sorted.Length == 0 ? (double.NaN, double.NaN, 0) : (sorted[sorted.Length / 2], sorted[Math.Min(sorted.Length - 1, (int)(sorted.Length * 0.99))], sorted.Length);
    }
}
