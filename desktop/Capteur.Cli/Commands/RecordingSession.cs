using Capteur.Recorder;
using Capteur.Watch;
using RecorderClient = Capteur.Recorder.Recorder;

namespace Capteur.Cli.Commands;

/// <summary>
/// A readings store and the recorder filling it from a broker, started and stopped together: by `capteur record`, and in the
/// same process as the broker by `capteur broker --record` and `capteur demo`.
/// </summary>
public sealed class RecordingSession : IAsyncDisposable
{
    private RecordingSession(ReadingStore store, RecorderClient recorder)
    {
        Store = store;
        Recorder = recorder;
    }

    /// <summary>The store (the dashboard queries it in-process).</summary>
    public ReadingStore Store { get; }

    /// <summary>The recorder (its counters; its Stored event for live views).</summary>
    public RecorderClient Recorder { get; }

    /// <summary>Opens (creating) the database at <paramref name="database"/> and starts recording from <paramref name="host"/>:<paramref name="port"/>.</summary>
    /// <exception cref="ReadingStoreException">The file cannot be used as a readings database (the message says why and what to do).</exception>
    /// <exception cref="TimeoutException">No broker answered within <see cref="RecorderClient.FirstConnectTimeout"/>.</exception>
    public static Task<RecordingSession> StartAsync(string host, int port, string database, RecorderOptions options, CancellationToken cancellationToken)
        => StartAsync([new BrokerAddress(host, port)], database, options, cancellationToken);

    /// <summary>As above, from the first of <paramref name="brokers"/> that answers, moving down the list when one is lost.</summary>
    /// <exception cref="ReadingStoreException">The file cannot be used as a readings database (the message says why and what to do).</exception>
    /// <exception cref="TimeoutException">No broker answered within <see cref="RecorderClient.FirstConnectTimeout"/>.</exception>
    public static async Task<RecordingSession> StartAsync(IReadOnlyList<BrokerAddress> brokers, string database, RecorderOptions options, CancellationToken cancellationToken)
    {
        ReadingStore store = ReadingStore.Open(database, options);
        try
        {
            return new RecordingSession(store, await RecorderClient.StartAsync(brokers, store, options, cancellationToken));
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    /// <summary>The counters as one line: stored, duplicates dropped, seq conflicts.</summary>
    public string Counts()
        => $"{Recorder.StoredCount} readings stored, {Recorder.Duplicates} duplicates dropped, {Recorder.SeqConflicts} seq conflicts (stored; a node that counts again from 1)";

    /// <summary>Stops the recorder (pending readings committed and acknowledged), then closes the store.</summary>
    public async ValueTask DisposeAsync()
    {
        await Recorder.DisposeAsync();
        Store.Dispose();
    }
}
