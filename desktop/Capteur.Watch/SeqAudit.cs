namespace Capteur.Watch;

/// <summary>
/// One node's sequence numbers as a subscriber saw them: each counted once, repeats counted as duplicates, and the
/// numbers never seen between the first and the highest counted as gaps (readings lost, or not arrived yet).
/// </summary>
public sealed class SeqAudit
{
    private readonly Dictionary<long, string> _seen = [];

    /// <summary>Lowest number seen.</summary>
    public long First { get; private set; } = long.MaxValue;

    /// <summary>Highest number seen.</summary>
    public long Last { get; private set; } = long.MinValue;

    /// <summary>Distinct numbers seen.</summary>
    public long Distinct => _seen.Count;

    /// <summary>Messages whose number was seen before (resent after a lost acknowledgement or a restart).</summary>
    public long Duplicates { get; private set; }

    /// <summary>
    /// Repeats whose content differs from the first (another sensor, value or time under the same number): a number
    /// reused by the node, which would otherwise hide a lost reading behind a "duplicate".
    /// </summary>
    public long Conflicts { get; private set; }

    /// <summary>Readings that arrived with a number lower than one already seen (from an outbox after an outage).</summary>
    public long Late { get; private set; }

    /// <summary>Numbers missing between <see cref="First"/> and <see cref="Last"/>.</summary>
    public long Gaps => _seen.Count == 0 ? 0 : Last - First + 1 - _seen.Count;

    /// <summary>
    /// Records one reading's number and what it carried (<paramref name="content"/>: sensor, value, time); false when
    /// the number was seen before.
    /// </summary>
    public bool Record(long seq, string content = "")
    {
        if (_seen.TryGetValue(seq, out string? first))
        {
            Duplicates++;
            if (first != content)
            {
                Conflicts++;
            }

            return false;
        }

        _seen.Add(seq, content);

        if (seq < Last)
        {
            Late++;
        }

        First = Math.Min(First, seq);
        Last = Math.Max(Last, seq);
        return true;
    }

    /// <summary>The missing numbers, at most <paramref name="max"/> of them, for a report.</summary>
    public IReadOnlyList<long> MissingNumbers(int max = 20)
    {
        var missing = new List<long>();
        for (long seq = First; seq <= Last && missing.Count < max && _seen.Count > 0; seq++)
        {
            if (!_seen.ContainsKey(seq))
            {
                missing.Add(seq);
            }
        }

        return missing;
    }

    /// <summary>True when every number from 1 to <paramref name="produced"/> was seen.</summary>
    public bool HasAllUpTo(long produced)
    {
        for (long seq = 1; seq <= produced; seq++)
        {
            if (!_seen.ContainsKey(seq))
            {
                return false;
            }
        }

        return true;
    }
}
