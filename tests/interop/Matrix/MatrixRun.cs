using Capteur.Interop.Tests.Brokers;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Capteur.Interop.Tests.Matrix;

/// <summary>
/// The run's bounds: when the test assembly is done (every cell recorded, whatever the filter), any peer still running
/// is stopped and results/matrix.md is written from the cells recorded by this run. An assembly cleanup rather than a
/// last test: MSTest does not order tests, and a filter (<c>--cheap</c>) would leave such a test out.
/// </summary>
[TestClass]
public sealed class MatrixRun
{
    private static DateTimeOffset _started = DateTimeOffset.UtcNow;

    /// <summary>The matrix file: <c>matrix.md</c> beside the results file.</summary>
    public static string MatrixFile => Path.Combine(Path.GetDirectoryName(Path.GetFullPath(InteropMatrix.ResultsFile))!, "matrix.md");

    /// <summary>Notes when this run started: the matrix keeps only the cells recorded since.</summary>
    [AssemblyInitialize]
    public static void Begin(TestContext context) => _started = DateTimeOffset.UtcNow;

    /// <summary>Stops the peers and writes the matrix (the command in its header line is <c>$CAPTEUR_INTEROP_COMMAND</c>, set by tests/interop/run).</summary>
    [AssemblyCleanup]
    public static void End()
    {
        BrokerCellTests.StopAllPeers();
        List<MatrixCell> cells = [.. InteropMatrix.Read(InteropMatrix.ResultsFile).Where(c => c.At >= _started)];
        string command = Environment.GetEnvironmentVariable("CAPTEUR_INTEROP_COMMAND") ?? "dotnet test tests/interop/Capteur.Interop.Tests.csproj";
        MatrixWriter.Write(MatrixFile, cells, DateTimeOffset.UtcNow, command);
    }
}
