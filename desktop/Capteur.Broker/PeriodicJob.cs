namespace Capteur.Broker;

/// <summary>
/// Work repeated every <see cref="Period"/> on the thread pool, from <see cref="Start"/> until disposed; disposing
/// waits for a tick under way to end. The base of the broker's background jobs (session expiry, memory trimming).
/// </summary>
internal abstract class PeriodicJob : IAsyncDisposable
{
    readonly CancellationTokenSource _stop = new();
    Task? _loop;

    /// <summary>Time between two ticks.</summary>
    protected abstract TimeSpan Period { get; }

    /// <summary>Starts ticking.</summary>
    public void Start() => _loop = Task.Run(async () =>
    {
        using var timer = new PeriodicTimer(Period);
        while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
        {
            await TickAsync().ConfigureAwait(false);
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
