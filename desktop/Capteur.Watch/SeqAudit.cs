namespace Capteur.Watch;

/// <summary>
/// One node's sequence numbers as a subscriber saw them: each counted once, repeats counted as duplicates, and the
/// numbers never seen between the first and the highest counted as gaps (readings lost, or not arrived yet).
/// Memory stays bounded for a view that runs for months: the numbers seen are kept as runs (a node's numbers come
/// mostly in order, so a handful of runs), and what each carried only for the last <see cref="ContentWindow"/>.
/// </summary>
public sealed class SeqAudit
{
    /// <summary>How many recent numbers keep their content for the conflict check.</summary>
    public const int ContentWindow = 10_000;

    // disjoint, not adjacent, sorted by start: [start, end] inclusive
    private readonly List<(long Start, long End)> _runs = [];
    private readonly Dictionary<long, string> _content = [];
    private readonly Queue<long> _contentOrder = new();

    /// <summary>Lowest number seen.</summary>
    public long First { get; private set; } = long.MaxValue;

    /// <summary>Highest number seen.</summary>
    public long Last { get; private set; } = long.MinValue;

    /// <summary>Distinct numbers seen.</summary>
    public long Distinct { get; private set; }

    /// <summary>Messages whose number was seen before (resent after a lost acknowledgement or a restart).</summary>
    public long Duplicates { get; private set; }

    /// <summary>
    /// Repeats whose content differs from the first (another sensor, value or time under the same number): a number
    /// reused by the node, which would otherwise hide a lost reading behind a "duplicate". Checked for repeats of the
    /// last <see cref="ContentWindow"/> numbers received.
    /// </summary>
    public long Conflicts { get; private set; }

    /// <summary>Readings that arrived with a number lower than one already seen (from an outbox after an outage).</summary>
    public long Late { get; private set; }

    /// <summary>Runs of consecutive numbers kept (what the audit's memory grows with: one per hole, not one per reading).</summary>
    public int Runs => _runs.Count;

    /// <summary>Numbers missing between <see cref="First"/> and <see cref="Last"/>.</summary>
    public long Gaps => Distinct == 0 ? 0 : Last - First + 1 - Distinct;

    /// <summary>
    /// Records one reading's number and what it carried (<paramref name="content"/>: sensor, value, time); false when
    /// the number was seen before.
    /// </summary>
    public bool Record(long seq, string content = "")
    {
        int index = RunAtOrBefore(seq);
        if (index >= 0 && seq <= _runs[index].End)
        {
            Duplicates++;
            if (_content.TryGetValue(seq, out string? first) && first != content)
            {
                Conflicts++;
            }

            return false;
        }

        Insert(index, seq);
        Distinct++;
        Remember(seq, content);
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
        for (int i = 1; i < _runs.Count && missing.Count < max; i++)
        {
            for (long seq = _runs[i - 1].End + 1; seq < _runs[i].Start && missing.Count < max; seq++)
            {
                missing.Add(seq);
            }
        }

        return missing;
    }

    /// <summary>True when every number from 1 to <paramref name="produced"/> was seen.</summary>
    public bool HasAllUpTo(long produced)
        => produced < 1 || (_runs.Count > 0 && _runs[0].Start <= 1 && _runs[0].End >= produced);

    /// <summary>Index of the last run starting at or before <paramref name="seq"/>, or -1.</summary>
    private int RunAtOrBefore(long seq)
    {
        int low = 0;
        int high = _runs.Count - 1;
        int found = -1;
        while (low <= high)
        {
            int middle = (low + high) / 2;
            if (_runs[middle].Start <= seq)
            {
                found = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return found;
    }

    /// <summary>Adds <paramref name="seq"/> (not in any run) after run <paramref name="before"/>, merging neighbours.</summary>
    private void Insert(int before, long seq)
    {
        bool joinsPrevious = before >= 0 && _runs[before].End == seq - 1;
        bool joinsNext = before + 1 < _runs.Count && _runs[before + 1].Start == seq + 1;
        if (joinsPrevious && joinsNext)
        {
            _runs[before] = (_runs[before].Start, _runs[before + 1].End);
            _runs.RemoveAt(before + 1);
        }
        else if (joinsPrevious)
        {
            _runs[before] = (_runs[before].Start, seq);
        }
        else if (joinsNext)
        {
            _runs[before + 1] = (seq, _runs[before + 1].End);
        }
        else
        {
            _runs.Insert(before + 1, (seq, seq));
        }
    }

    private void Remember(long seq, string content)
    {
        _content[seq] = content;
        _contentOrder.Enqueue(seq);
        if (_contentOrder.Count > ContentWindow)
        {
            _content.Remove(_contentOrder.Dequeue());
        }
    }
}
