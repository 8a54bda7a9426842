using System.Globalization;
using System.Text;

namespace Capteur.Interop.Tests.Matrix;

/// <summary>
/// Turns the recorded cells into the markdown of the interop matrix: one table per table (<c>brokers</c>, <c>clients</c>),
/// rows = peers with their versions, columns = checks, each cell ✅ / ❌ / n/a with a footnote number carrying its
/// detail (the audit figures, or exactly why it cannot pass), the total time per row, and a line with the date and the
/// command that produced it. Nothing in it is typed by hand.
/// </summary>
public static class MatrixWriter
{
    /// <summary>Column order per table where one is known (others: in the order the cells were recorded).</summary>
    private static readonly Dictionary<string, string[]> ColumnOrder = new()
    {
        ["brokers"] = Brokers.BrokerColumns.All,
    };

    /// <summary>Row order per table, by the start of the row's name (others: in the order the cells were recorded).</summary>
    private static readonly Dictionary<string, string[]> RowOrder = new()
    {
        ["brokers"] = Brokers.BrokerColumns.RowOrder,
    };

    /// <summary>Tables in this order first, then any other.</summary>
    private static readonly string[] TableOrder = ["brokers", "clients"];

    /// <summary>The matrix of <paramref name="cells"/>, produced on <paramref name="date"/> by <paramref name="command"/>.</summary>
    public static string Markdown(IReadOnlyList<MatrixCell> cells, DateTimeOffset date, string command)
    {
        var md = new StringBuilder();
        int passed = cells.Count(c => c.Outcome == nameof(CellOutcome.Pass));
        int failed = cells.Count(c => c.Outcome == nameof(CellOutcome.Fail));
        int notSupported = cells.Count(c => c.Outcome == nameof(CellOutcome.NotSupported));
        double seconds = cells.Sum(c => c.Seconds);
        md.Append(CultureInfo.InvariantCulture,
            $"Produced by `{command}` on {date.UtcDateTime:yyyy-MM-dd HH:mm} UTC ({Machine()}, {Environment.ProcessorCount} cores): {cells.Count} cells, ")
            .Append(CultureInfo.InvariantCulture, $"{passed} ✅, {failed} ❌, {notSupported} n/a, {Seconds(seconds)} of checks.\n");
        int note = 0;
        IEnumerable<string> tables = cells.Select(c => c.Table).Distinct()
            .OrderBy(t => Array.IndexOf(TableOrder, t) is int i and >= 0 ? i : int.MaxValue).ThenBy(t => t, StringComparer.Ordinal);
        foreach (string table in tables)
        {
            List<MatrixCell> inTable = [.. cells.Where(c => c.Table == table).OrderBy(c => c.At)];
            string[] columns = Ordered(inTable.Select(c => c.Column).Distinct(), ColumnOrder.GetValueOrDefault(table), (column, known) => Array.IndexOf(known, column));
            string[] rows = Ordered(inTable.Select(c => c.Row).Distinct(), RowOrder.GetValueOrDefault(table),
                (row, known) => Array.FindIndex(known, name => row.StartsWith(name, StringComparison.OrdinalIgnoreCase)));
            md.Append(CultureInfo.InvariantCulture, $"\n#### {table}\n\n");
            md.Append("| peer | ").Append(string.Join(" | ", columns)).Append(" | time |\n");
            md.Append("| --- | ").Append(string.Join(" | ", columns.Select(_ => ":-:"))).Append(" | --: |\n");
            var notes = new List<string>();
            foreach (string row in rows)
            {
                md.Append("| ").Append(Escape(row)).Append(" | ");
                foreach (string column in columns)
                {
                    MatrixCell? cell = inTable.FirstOrDefault(c => c.Row == row && c.Column == column);
                    if (cell is null)
                    {
                        md.Append("– | ");
                        continue;
                    }

                    note++;
                    notes.Add($"{OneLine(cell.Detail)} ({Seconds(cell.Seconds)})");
                    md.Append(Symbol(cell.Outcome)).Append(CultureInfo.InvariantCulture, $" <sup>{note}</sup> | ");
                }

                md.Append(Seconds(inTable.Where(c => c.Row == row).Sum(c => c.Seconds))).Append(" |\n");
            }

            md.Append('\n');
            int first = note - notes.Count + 1;
            for (int i = 0; i < notes.Count; i++)
            {
                md.Append(CultureInfo.InvariantCulture, $"{first + i}. {notes[i]}\n");
            }
        }

        return md.ToString();
    }

    /// <summary>Writes the matrix of <paramref name="cells"/> to <paramref name="file"/>.</summary>
    public static void Write(string file, IReadOnlyList<MatrixCell> cells, DateTimeOffset date, string command)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        File.WriteAllText(file, Markdown(cells, date, command));
    }

    private static string[] Ordered(IEnumerable<string> names, string[]? known, Func<string, string[], int> indexIn)
    {
        List<string> all = [.. names];
        return known is null
            ? [.. all]
            : [.. all.Select((name, seen) => (name, seen, at: indexIn(name, known)))
                .OrderBy(x => x.at < 0 ? int.MaxValue : x.at).ThenBy(x => x.seen).Select(x => x.name)];
    }

    /// <summary>The system the peers ran on, e.g. <c>Debian GNU/Linux 12 (bookworm)</c> (from /etc/os-release).</summary>
    private static string Machine()
    {
        const string key = "PRETTY_NAME=";
        string? line = File.Exists("/etc/os-release") ? File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal)) : null;
        return line is null ? System.Runtime.InteropServices.RuntimeInformation.OSDescription : line[key.Length..].Trim('"');
    }

    private static string Symbol(string outcome) => outcome switch
    {
        nameof(CellOutcome.Pass) => "✅",
        nameof(CellOutcome.NotSupported) => "n/a",
        _ => "❌",
    };

    private static string Seconds(double seconds) => string.Create(CultureInfo.InvariantCulture, $"{seconds:F1} s");

    private static string OneLine(string text) => string.Join(" ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
