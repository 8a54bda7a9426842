using System.Text.Json;

namespace Capteur.Interop.Tests.Matrix;

/// <summary>
/// Collects the cells of the interop matrix: one line of JSON per cell appended to the results file
/// (<c>$CAPTEUR_INTEROP_RESULTS</c>, default <c>tests/interop/results/cells.jsonl</c> beside the project), read back by
/// <see cref="MatrixWriter"/> when the run ends.
/// </summary>
public static class InteropMatrix
{
    private static readonly Lock Gate = new();

    /// <summary>The results file of this run.</summary>
    public static string ResultsFile =>
        Environment.GetEnvironmentVariable("CAPTEUR_INTEROP_RESULTS")
        ?? Path.Combine(Peers.PeerPaths.InteropFolder(), "results", "cells.jsonl");

    /// <summary>Records one cell.</summary>
    /// <param name="table">Which table: <c>brokers</c> (Capteur nodes and tools through a peer broker) or <c>clients</c> (a peer client against capteur broker).</param>
    /// <param name="row">The peer and its version, e.g. <c>mosquitto 2.0.11 (Debian)</c>.</param>
    /// <param name="column">The check, e.g. <c>QoS 1 audit</c>.</param>
    /// <param name="outcome">How it ended.</param>
    /// <param name="detail">What was measured (e.g. <c>120 produced, 0 gaps, 2 duplicates</c>) or why it cannot pass.</param>
    /// <param name="took">How long the cell took.</param>
    public static void Record(string table, string row, string column, CellOutcome outcome, string detail, TimeSpan took)
    {
        var cell = new MatrixCell(table, row, column, outcome.ToString(), detail, Math.Round(took.TotalSeconds, 1), DateTimeOffset.UtcNow);
        string line = JsonSerializer.Serialize(cell);
        lock (Gate)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(ResultsFile)!);
            File.AppendAllText(ResultsFile, line + "\n");
        }
    }

    /// <summary>Reads every cell recorded in <paramref name="file"/>; a cell recorded twice keeps its last result.</summary>
    public static IReadOnlyList<MatrixCell> Read(string file)
    {
        var cells = new Dictionary<(string, string, string), MatrixCell>();
        if (File.Exists(file))
        {
            foreach (string line in File.ReadLines(file).Where(l => l.Length > 0))
            {
                MatrixCell cell = JsonSerializer.Deserialize<MatrixCell>(line)!;
                cells[(cell.Table, cell.Row, cell.Column)] = cell;
            }
        }

        return [.. cells.Values];
    }
}

/// <summary>One recorded cell.</summary>
public sealed record MatrixCell(string Table, string Row, string Column, string Outcome, string Detail, double Seconds, DateTimeOffset At);
