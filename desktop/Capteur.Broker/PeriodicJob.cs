using Capteur.Broker.Logging;

namespace Capteur.Broker;

/// <summary>
/// Work repeated every <see cref="Period"/> on the thread pool, from <see cref="Start"/> until disposed; disposing
/// waits for a tick under way to end. A tick that fails is logged as "<paramref name="name"/> failed: ..." and the next
/// one runs as usual. The base of the broker's background jobs (session and retained expiry, memory trimming).
/// </summary>
internal abstract class PeriodicJob(BrokerLog log, string name) : IAsyncDisposable
{
    readonly CancellationTokenSource _stop = new();
    Task? _loop;

    /// <summary>Where the job writes its lines (its failed ticks too).</summary>
    protected BrokerLog Log => log;

    /// <summary>Time between two ticks.</summary>
    protected abstract TimeSpan Period { get; }

    /// <summary>Starts ticking.</summary>
    public void Start() => _loop = Task.Run(async () =>
    {
        using var timer = new PeriodicTimer(Period);
        while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
        {
            try
            {
                await TickAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.Warning($"{name} failed: {e.Message}");
            }
        }
    });

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            if (_loop != null)
            {
                await _loop.ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    /// <summary>One tick's work.</summary>
    protected abstract Task TickAsync();
}
