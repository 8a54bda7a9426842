using System.Diagnostics;
using MQTTnet;
using MQTTnet.Protocol;

namespace Capteur.Cli.Bench;

/// <summary>Fan-in: many publishers, one '#' subscriber; messages per second that reach the subscriber.</summary>
internal static class FanInScenario
{
    /// <summary>Runs <paramref name="publishers"/> publishers for <paramref name="duration"/>; returns delivered messages per second and delivered / sent.</summary>
    public static async Task<(double PerSecond, long Sent, long Received)> RunAsync(BenchTarget target, int publishers, MqttQualityOfServiceLevel qos, TimeSpan duration, int payloadBytes, bool persistentSubscriber = false)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        long received = 0;
        var lastReceive = Stopwatch.StartNew();
        var subscriber = await BenchClients.ConnectAsync(target, $"bench-sub-{run}", cleanSession: !persistentSubscriber);
        subscriber.ApplicationMessageReceivedAsync += _ =>
        {
            Interlocked.Increment(ref received);
            lastReceive.Restart();
            return Task.CompletedTask;
        };
        await BenchClients.SubscribeAsync(subscriber, $"bench/{run}/#", qos);
        var clients = await Task.WhenAll(Enumerable.Range(0, publishers).Select(i => BenchClients.ConnectAsync(target, $"bench-pub-{run}-{i}")));
        var payload = new byte[payloadBytes];
        Random.Shared.NextBytes(payload);
        long sent = 0;
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource(duration);
        await Task.WhenAll(clients.Select((c, i) => Task.Run(async () =>
        {
            var message = BenchClients.Message($"bench/{run}/node-{i}/reading", payload, qos);
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await c.PublishAsync(message);
                    Interlocked.Increment(ref sent);
                }
                catch (Exception)
                {
                    return;
                }
            }
        })));

        // Drain: wait until the subscriber has received everything or nothing arrived for a second.
        while (Interlocked.Read(ref received) < Interlocked.Read(ref sent) && lastReceive.ElapsedMilliseconds < 1000)
        {
            await Task.Delay(20);
        }

        var elapsed = clock.Elapsed.TotalSeconds - (Interlocked.Read(ref received) < sent ? lastReceive.Elapsed.TotalSeconds : 0);
        await BenchClients.DisconnectAllAsync(clients.Append(subscriber));
        if (persistentSubscriber)
        {
            await BenchClients.DisconnectAllAsync([await BenchClients.ConnectAsync(target, $"bench-sub-{run}")]);
        }

        return (Interlocked.Read(ref received) / Math.Max(elapsed, 0.001), sent, Interlocked.Read(ref received));
    }
}
