namespace Capteur.Broker;

/// <summary>When a write to the broker store counts as done, i.e. when a PUBACK / retained update may be acknowledged.</summary>
public enum DurabilityPolicy
{
    /// <summary>SQLite WAL with synchronous=FULL: every commit is fsync'ed before the acknowledgement; survives a process kill and a power cut.</summary>
    Full,

    /// <summary>SQLite WAL with synchronous=NORMAL: survives a process kill (kill -9); a power cut or OS crash may lose the last commits.</summary>
    Process,
}
