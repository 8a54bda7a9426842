using System.Runtime.CompilerServices;
using Capteur.Interop.Tests.Matrix;

namespace Capteur.Interop.Tests.Peers;

/// <summary>Where the peers' files are: the node scripts and node_modules in tests/interop, the logs beside the results.</summary>
internal static class PeerPaths
{
    /// <summary>
    /// tests/interop in the source tree, found from this file's path at compile time (--artifacts-path puts the test
    /// binaries outside the repository), else upwards from the current directory.
    /// </summary>
    public static string InteropFolder([CallerFilePath] string thisFile = "")
    {
        string? folder = Path.GetDirectoryName(Path.GetDirectoryName(thisFile));
        for (string? dir = Environment.CurrentDirectory; !IsInterop(folder) && dir is not null; dir = Path.GetDirectoryName(dir))
        {
            folder = Path.Combine(dir, "tests", "interop");
        }

        return IsInterop(folder)
            ? folder!
            : throw new InvalidOperationException($"tests/interop not found (built from {thisFile}, run in {Environment.CurrentDirectory}): run the tests from the source tree");
    }

    /// <summary>The peers' logs: <c>logs/</c> beside the results file, kept after the run (the temp folders are not).</summary>
    public static string LogFolder()
    {
        string folder = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(InteropMatrix.ResultsFile))!, "logs");
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static bool IsInterop(string? folder) => folder is not null && File.Exists(Path.Combine(folder, "Capteur.Interop.Tests.csproj"));
}
