using System.Diagnostics;
using Capteur.Interop.Tests.Matrix;

namespace Capteur.Interop.Tests.Brokers;

/// <summary>Runs one cell of the brokers table and records it, whatever happens: the outcome, its detail, the time it took.</summary>
internal static class BrokerCell
{
    /// <summary>The table of the matrix these cells go in.</summary>
    public const string Table = "brokers";

    /// <summary>Runs <paramref name="check"/>; a thrown exception is recorded as a failure (its message as the detail) and rethrown.</summary>
    public static async Task RunAsync(string row, string column, Func<Task<CellResult>> check)
    {
        var watch = Stopwatch.StartNew();
        CellResult result;
        try
        {
            result = await check();
        }
        catch (Exception e)
        {
            InteropMatrix.Record(Table, row, column, CellOutcome.Fail, Summary(e), watch.Elapsed);
            throw;
        }

        InteropMatrix.Record(Table, row, column, result.Outcome, result.Detail, watch.Elapsed);
    }

    /// <summary>The first lines of a failure's message, for a footnote (the test's own failure keeps the whole text).</summary>
    public static string Summary(Exception e)
    {
        string[] lines = [.. e.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => l.Replace("Assert.Fail failed. ", "", StringComparison.Ordinal))
            .Where(l => l != "Assertion failed.")];
        string text = string.Join(" / ", lines.Take(3));
        return text.Length > 400 ? text[..400] + "…" : text;
    }
}
