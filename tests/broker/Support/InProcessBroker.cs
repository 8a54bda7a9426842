using Capteur.Broker.Logging;
using Capteur.Broker.Transport;

namespace Capteur.Broker.Tests.Support;

/// <summary>The broker host in the test process on a free loopback port, with its own data folder and a captured log.</summary>
internal sealed class InProcessBroker : IAsyncDisposable
{
    readonly TempDirectory? _ownedData;

    InProcessBroker(BrokerHost host, LineLog log, TempDirectory? ownedData)
    {
        Host = host;
        Log = log;
        _ownedData = ownedData;
    }

    public BrokerHost Host { get; }

    public LineLog Log { get; }

    public int Port => Host.Listeners.First(l => l.Kind == ListenerKind.Mqtt).EndPoint.Port;

    public int PortOf(ListenerKind kind) => Host.Listeners.First(l => l.Kind == kind).EndPoint.Port;

    public static async Task<InProcessBroker> StartAsync(Action<BrokerOptions>? configure = null)
    {
        var data = new TempDirectory();
        var options = new BrokerOptions { Port = 0, Bind = "127.0.0.1", DataDirectory = data.Path, SysIntervalSeconds = 0, Durability = DurabilityPolicy.Process };
        configure?.Invoke(options);
        var log = new LineLog();
        var host = await BrokerHost.StartAsync(options, new BrokerLog(log));
        return new InProcessBroker(host, log, data);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        _ownedData?.Dispose();
    }
}
