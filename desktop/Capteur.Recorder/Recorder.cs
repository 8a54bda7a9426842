using System.Threading.Channels;
using Capteur.Watch;
using Microsoft.Data.Sqlite;

namespace Capteur.Recorder;

/// <summary>
/// Subscribes to a broker in a persistent session and fills a <see cref="ReadingStore"/>. Each message is acknowledged only
/// once its batch is committed, so a recorder killed at any moment loses nothing: the broker delivers the unacknowledged
/// messages again when it is back, and the store drops the ones it already had as duplicates. Status and info messages are
/// not readings (acknowledged, not stored). Outside this namespace the type name collides with it: write
/// <c>Capteur.Recorder.Recorder</c> or use an alias.
/// </summary>
public sealed class Recorder : IAsyncDisposable
{
    /// <summary>How long <c>StartAsync</c> waits for the broker to answer the first time.</summary>
    public static readonly TimeSpan FirstConnectTimeout = TimeSpan.FromSeconds(30);

    private readonly ReadingStore _store;
    private readonly TimeProvider _time;
    private readonly WatchClient _client;
    private readonly Channel<Func<Task>> _acknowledgements = Channel.CreateUnbounded<Func<Task>>();
    private readonly Task _acknowledger;
    private long _stored;
    private long _duplicates;
    private long _conflicts;

    private Recorder(ReadingStore store, RecorderOptions options, WatchClient client)
    {
        _store = store;
        _time = options.TimeProvider;
        _client = client;
        _client.DeferredReceiver = OnMessage;
        _client.ConnectionChanged += line => Log?.Invoke(line);
        _store.BackgroundFailed += OnStoreFailed;
        _acknowledger = Task.Run(AcknowledgeInOrderAsync);
    }

    /// <summary>After a new reading is added (also a seq conflict, which is stored; not for duplicates), on MQTTnet's thread.</summary>
    public event Action<RecordedReading>? Stored;

    /// <summary>One line when the connection comes back or a reading cannot be written.</summary>
    public event Action<string>? Log;

    /// <summary>Readings stored since start (seq conflicts included).</summary>
    public long StoredCount => Interlocked.Read(ref _stored);

    /// <summary>Duplicates dropped since start (the same reading again: same node, seq, sensor and time).</summary>
    public long Duplicates => Interlocked.Read(ref _duplicates);

    /// <summary>Readings stored although their node had already used their seq for another reading (a node that counts again from 1).</summary>
    public long SeqConflicts => Interlocked.Read(ref _conflicts);

    /// <summary>The store it fills.</summary>
    public ReadingStore Store => _store;

    /// <summary>
    /// Connects to <paramref name="host"/>:<paramref name="port"/> (waiting at most <see cref="FirstConnectTimeout"/>), subscribes to
    /// <see cref="RecorderOptions.TopicFilter"/> in the persistent session <see cref="RecorderOptions.SessionId"/>, and records until
    /// disposed, reconnecting by itself. The store stays the caller's (not disposed with the recorder).
    /// </summary>
    /// <exception cref="TimeoutException">No broker answered in time.</exception>
    public static Task<Recorder> StartAsync(string host, int port, ReadingStore store, RecorderOptions options, CancellationToken ct)
        => StartAsync([new BrokerAddress(host, port)], store, options, ct);

    /// <summary>As above, on the first of <paramref name="brokers"/> that answers, moving down the list when one is lost (see <see cref="WatchClient"/>).</summary>
    /// <exception cref="TimeoutException">No broker answered in time.</exception>
    public static async Task<Recorder> StartAsync(IReadOnlyList<BrokerAddress> brokers, ReadingStore store, RecorderOptions options, CancellationToken ct)
    {
        var recorder = new Recorder(store, options, new WatchClient(brokers, options.TopicFilter, options.SessionId) { Login = options.Login });
        try
        {
            await recorder._client.StartAsync(FirstConnectTimeout).WaitAsync(ct);
        }
        catch
        {
            await recorder.DisposeAsync();
            throw;
        }

        return recorder;
    }

    /// <summary>Commits what is pending, sends its acknowledgements, then disconnects (the session stays at the broker).</summary>
    public async ValueTask DisposeAsync()
    {
        _store.Flush();
        DateTime deadline = DateTime.UtcNow + TimeSpan.FromSeconds(2);
        while (_acknowledgements.Reader.Count > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        await _client.DisposeAsync();
        _acknowledgements.Writer.TryComplete();
        await _acknowledger;
        _store.BackgroundFailed -= OnStoreFailed;
    }

    private void OnStoreFailed(Exception e)
        => Log?.Invoke($"could not write {_store.Path}: {e.Message}; the readings of that batch stay unacknowledged and come again after a reconnect");

    private void OnMessage(string topic, byte[] payload, Func<Task> acknowledge)
    {
        void Acknowledge() => _acknowledgements.Writer.TryWrite(acknowledge);

        RecordedReading? reading = RecordedReading.FromMessage(NodeMessage.Parse(topic, payload), _time.GetUtcNow());
        if (reading is null)
        {
            _store.AfterCommit(Acknowledge);
            return;
        }

        StoreOutcome outcome;
        try
        {
            outcome = _store.Add(reading, Acknowledge);
        }
        catch (Exception e) when (e is SqliteException or InvalidOperationException)
        {
            // ObjectDisposedException is an InvalidOperationException: the store was closed under a running recorder
            Log?.Invoke($"could not store a reading from {topic}: {e.Message}; it stays unacknowledged and comes again after a reconnect");
            return;
        }

        switch (outcome)
        {
            case StoreOutcome.Duplicate:
                Interlocked.Increment(ref _duplicates);
                return;
            case StoreOutcome.SeqConflict:
                Interlocked.Increment(ref _conflicts);
                break;
        }

        Interlocked.Increment(ref _stored);
        Stored?.Invoke(reading);
    }

    private async Task AcknowledgeInOrderAsync()
    {
        await foreach (Func<Task> acknowledge in _acknowledgements.Reader.ReadAllAsync())
        {
            await acknowledge();
        }
    }
}
