using System.Collections.Concurrent;

namespace Capteur.Broker.Transport;

/// <summary>
/// The open network connections: enforces max-connections and, once a second, closes connections whose pending write has lasted
/// longer than write-timeout-ms (a client that never reads would otherwise hold its queue and socket buffers forever).
/// </summary>
internal sealed class ConnectionRegistry : IDisposable
{
    readonly ConcurrentDictionary<GuardedChannel, byte> _channels = new();
    readonly int _maxConnections;
    readonly int _writeTimeoutMs;
    readonly Timer _timer;
    int _count;

    public ConnectionRegistry(int maxConnections, int writeTimeoutMs)
    {
        _maxConnections = maxConnections;
        _writeTimeoutMs = writeTimeoutMs;
        _timer = new Timer(_ => CloseStalledWriters(), null, 1000, 1000);
    }

    /// <summary>Open connections right now.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Reserves a slot for a new connection; false when max-connections is reached.</summary>
    public bool TryReserve()
    {
        if (Interlocked.Increment(ref _count) <= _maxConnections)
        {
            return true;
        }

        Interlocked.Decrement(ref _count);
        return false;
    }

    /// <summary>Frees a slot taken by <see cref="TryReserve"/>.</summary>
    public void Release() => Interlocked.Decrement(ref _count);

    /// <summary>Watches <paramref name="channel"/> for stalled writes until <see cref="Remove"/>.</summary>
    public void Add(GuardedChannel channel) => _channels.TryAdd(channel, 0);

    /// <summary>Stops watching <paramref name="channel"/>.</summary>
    public void Remove(GuardedChannel channel) => _channels.TryRemove(channel, out _);

    /// <summary>Closes every channel whose pending write is older than the write timeout (called by the timer; public for tests).</summary>
    public void CloseStalledWriters()
    {
        var now = Environment.TickCount64;
        foreach (var channel in _channels.Keys)
        {
            var started = channel.WriteStartedTicks;
            if (started != 0 && now - started > _writeTimeoutMs)
            {
                channel.Close($"client did not read for {_writeTimeoutMs} ms (write-timeout-ms)");
            }
        }
    }

    public void Dispose() => _timer.Dispose();
}
