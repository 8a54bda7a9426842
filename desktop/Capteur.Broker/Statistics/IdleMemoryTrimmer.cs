using System.Runtime;
using Capteur.Broker.Logging;

namespace Capteur.Broker.Statistics;

/// <summary>
/// Gives memory back to the OS once a burst is over. The .NET GC keeps the heap it grew during a burst (queued messages for a slow
/// subscriber, say) until the next full collection, which an idle broker never triggers: on a Raspberry Pi that memory is missed by
/// everything else. Every <see cref="PeriodSeconds"/> s, when fewer than <see cref="IdleMessagesPerSecond"/> PUBLISH packets a second
/// came in and the committed heap is above <see cref="MinimumCommittedBytes"/> and half again what the last trim left, one aggressive
/// (decommitting) full collection runs; a broker that simply holds many clients is not collected over and over.
/// </summary>
internal sealed class IdleMemoryTrimmer(BrokerStatistics statistics, BrokerLog log) : PeriodicJob(log, "idle memory trim")
{
    /// <summary>Seconds between two checks.</summary>
    public const int PeriodSeconds = 10;

    /// <summary>Publish rate under which the broker counts as idle.</summary>
    public const int IdleMessagesPerSecond = 50;

    /// <summary>Committed heap below which trimming is not worth a collection.</summary>
    public const long MinimumCommittedBytes = 48L * 1024 * 1024;

    long _lastPublishes = statistics.PublishReceived;
    long _afterLastTrim;

    /// <inheritdoc />
    protected override TimeSpan Period => TimeSpan.FromSeconds(PeriodSeconds);

    /// <inheritdoc />
    protected override Task TickAsync()
    {
        var now = statistics.PublishReceived;
        var idle = (now - _lastPublishes) < IdleMessagesPerSecond * PeriodSeconds;
        _lastPublishes = now;
        var committed = GC.GetGCMemoryInfo().TotalCommittedBytes;
        if (idle && committed > Math.Max(MinimumCommittedBytes, _afterLastTrim * 3 / 2))
        {
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            _afterLastTrim = GC.GetGCMemoryInfo().TotalCommittedBytes;
        }

        return Task.CompletedTask;
    }
}
