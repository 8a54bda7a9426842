using System.Threading.Channels;

namespace Capteur.Dashboard;

/// <summary>
/// Fans Server-Sent Events out to every connected browser. Publishing never waits: each browser has its own
/// bounded queue, and a browser that lets it fill up is cut off (its <see cref="EventSubscription.Dropped"/> fires);
/// EventSource reconnects by itself and the page fetches the history again, so it misses nothing and nobody else,
/// least of all the MQTT client thread, waits for it.
/// </summary>
internal sealed class EventHub
{
    private readonly int _capacity;
    private readonly List<EventSubscription> _subscribers = [];

    /// <summary>A hub with <paramref name="capacity"/> queued events per browser.</summary>
    public EventHub(int capacity)
    {
        _capacity = capacity;
    }

    /// <summary>Browsers connected now.</summary>
    public int Count
    {
        get
        {
            lock (_subscribers)
            {
                return _subscribers.Count;
            }
        }
    }

    /// <summary>Browsers cut off for being too slow, since start.</summary>
    public long SlowDisconnects { get; private set; }

    /// <summary>Adds a browser; dispose the subscription when it leaves.</summary>
    public EventSubscription Subscribe()
    {
        var subscription = new EventSubscription(this, Channel.CreateBounded<string>(new BoundedChannelOptions(_capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait, // never used to wait: TryWrite fails instead, and the browser is cut off
        }));
        lock (_subscribers)
        {
            _subscribers.Add(subscription);
        }

        return subscription;
    }

    /// <summary>Queues one event (<c>event: NAME</c>, <c>data: JSON</c>) for every browser.</summary>
    public void Publish(string name, string json)
    {
        string frame = $"event: {name}\ndata: {json}\n\n";
        EventSubscription[] subscribers;
        lock (_subscribers)
        {
            subscribers = [.. _subscribers];
        }

        foreach (EventSubscription subscriber in subscribers)
        {
            if (!subscriber.Queue.Writer.TryWrite(frame) && subscriber.CutOff())
            {
                lock (_subscribers)
                {
                    SlowDisconnects++;
                }
            }
        }
    }

    internal void Remove(EventSubscription subscription)
    {
        lock (_subscribers)
        {
            _subscribers.Remove(subscription);
        }
    }
}

/// <summary>One browser's queue of events.</summary>
internal sealed class EventSubscription : IDisposable
{
    private readonly EventHub _hub;
    private readonly CancellationTokenSource _dropped = new();

    internal EventSubscription(EventHub hub, Channel<string> queue)
    {
        _hub = hub;
        Queue = queue;
    }

    /// <summary>The frames to send, in order.</summary>
    public Channel<string> Queue { get; }

    /// <summary>Cancelled when the browser fell too far behind: stop writing to it and close the response.</summary>
    public CancellationToken Dropped => _dropped.Token;

    /// <summary>Cuts the browser off; true the first time.</summary>
    internal bool CutOff()
    {
        if (!Queue.Writer.TryComplete())
        {
            return false;
        }

        _dropped.Cancel();
        return true;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _hub.Remove(this);
        // _dropped is not disposed: a Publish that took its snapshot before Remove may still cut this browser off
        Queue.Writer.TryComplete();
    }
}
