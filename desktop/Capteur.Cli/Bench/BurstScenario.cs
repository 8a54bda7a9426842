using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using MQTTnet;
using MQTTnet.Protocol;

namespace Capteur.Cli.Bench;

/// <summary>QoS 1 burst to an offline persistent subscriber: how many acknowledged messages never arrive once it reconnects.</summary>
internal static class BurstScenario
{
    public static async Task<(int Sent, int Received)> RunAsync(BenchTarget target, int burst)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var id = $"burst-sub-{run}";
        var first = await BenchClients.ConnectAsync(target, id, cleanSession: false);
        await BenchClients.SubscribeAsync(first, $"burst/{run}", MqttQualityOfServiceLevel.AtLeastOnce);
        await first.DisconnectAsync();
        first.Dispose();

        var publisher = await BenchClients.ConnectAsync(target, $"burst-pub-{run}");
        var acknowledged = 0;
        var window = new SemaphoreSlim(100);
        var sends = new List<Task>();
        for (var i = 0; i < burst; i++)
        {
            await window.WaitAsync();
            var message = BenchClients.Message($"burst/{run}", Encoding.ASCII.GetBytes(i.ToString()), MqttQualityOfServiceLevel.AtLeastOnce);
            sends.Add(publisher.PublishAsync(message).ContinueWith(t =>
            {
                if (t.IsCompletedSuccessfully)
                {
                    Interlocked.Increment(ref acknowledged);
                }

                window.Release();
            }, TaskScheduler.Default));
        }

        await Task.WhenAll(sends);
        var received = new ConcurrentDictionary<string, byte>();
        var lastReceive = Stopwatch.StartNew();
        var again = new MQTTnet.MqttClientFactory().CreateMqttClient();
        again.ApplicationMessageReceivedAsync += e =>
        {
            received[Encoding.ASCII.GetString(e.ApplicationMessage.Payload.FirstSpan)] = 0;
            lastReceive.Restart();
            return Task.CompletedTask;
        };
        await again.ConnectAsync(new MQTTnet.MqttClientOptionsBuilder().WithTcpServer(target.Host, target.Port).WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V311).WithClientId(id).WithCleanSession(false).Build());
        while (received.Count < acknowledged && lastReceive.ElapsedMilliseconds < 3000)
        {
            await Task.Delay(20);
        }

        Console.Error.WriteLine($"bench: {target.Name}: burst acknowledged {acknowledged}, received {received.Count}");
        await BenchClients.DisconnectAllAsync([publisher]);
        await again.DisconnectAsync(new MQTTnet.MqttClientDisconnectOptionsBuilder().Build());

        // Clean the persistent session away so that the broker does not keep queueing for it.
        var cleaner = await BenchClients.ConnectAsync(target, id, cleanSession: true);
        await BenchClients.DisconnectAllAsync([cleaner, again]);
        return (acknowledged, received.Count);
    }
}
