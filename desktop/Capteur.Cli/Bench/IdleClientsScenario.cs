namespace Capteur.Cli.Bench;

/// <summary>Broker memory with many idle connected clients (resident set before and after, from /proc).</summary>
internal static class IdleClientsScenario
{
    public static async Task<(long BeforeBytes, long AfterBytes, int Connected)> RunAsync(BenchTarget target, int clients)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        GC.Collect();
        var before = target.ResidentBytes();
        var connected = new System.Collections.Concurrent.ConcurrentBag<MQTTnet.IMqttClient>();
        await Parallel.ForEachAsync(Enumerable.Range(0, clients), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (i, _) =>
        {
            try
            {
                connected.Add(await BenchClients.ConnectAsync(target, $"idle-{run}-{i}", keepAliveSeconds: 600));
            }
            catch (Exception)
            {
            }
        });

        // Let the broker settle (its GC, buffers) before reading its resident size.
        await Task.Delay(3000);
        var after = target.ResidentBytes();
        var count = connected.Count;
        await BenchClients.DisconnectAllAsync(connected);
        return (before, after, count);
    }
}
