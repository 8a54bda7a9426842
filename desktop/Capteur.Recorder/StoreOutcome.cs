namespace Capteur.Recorder;

/// <summary>What <see cref="ReadingStore.Add(RecordedReading)"/> did with a reading.</summary>
public enum StoreOutcome
{
    /// <summary>A new reading, stored.</summary>
    Stored,

    /// <summary>The same reading again (same node, seq, sensor and time): dropped and counted.</summary>
    Duplicate,

    /// <summary>
    /// A seq the node already used for another reading (another sensor or time), e.g. a node whose data folder was
    /// wiped and that counts from 1 again: stored anyway, and counted.
    /// </summary>
    SeqConflict,
}
