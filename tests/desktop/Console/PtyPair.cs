using System.Diagnostics;

namespace Capteur.Desktop.Tests.ConsoleTools;

/// <summary>
/// A pair of connected pseudo-terminals made by Debian's socat (<c>socat PTY,raw,echo=0 PTY,raw,echo=0</c>), as a
/// USB-TTL cable between a board and a desktop: what is written to one end is read at the other. Both ends are raw
/// (no line discipline: bytes go through unchanged). The ends are symlinks in a temp folder; socat is stopped by its
/// process id.
/// </summary>
internal sealed class PtyPair : IDisposable
{
    private readonly Process _socat;
    private readonly string _folder;
    private bool _disposed;

    private PtyPair(Process socat, string folder)
    {
        _socat = socat;
        _folder = folder;
        NodeEnd = Path.Combine(folder, "node");
        ToolEnd = Path.Combine(folder, "tool");
    }

    /// <summary>The end the node serves its console on.</summary>
    public string NodeEnd { get; }

    /// <summary>The end the desktop tool opens.</summary>
    public string ToolEnd { get; }

    /// <summary>Starts socat and waits for both ends to exist.</summary>
    public static PtyPair Start()
    {
        if (!File.Exists("/usr/bin/socat"))
        {
            throw new InvalidOperationException("socat is not installed: run .ci/install (or apt-get install socat)");
        }

        string folder = Directory.CreateTempSubdirectory("capteur-pty-").FullName;
        var info = new ProcessStartInfo("/usr/bin/socat", [$"PTY,raw,echo=0,link={folder}/node", $"PTY,raw,echo=0,link={folder}/tool"])
        {
            UseShellExecute = false,
            RedirectStandardError = true,
        };
        var pair = new PtyPair(Process.Start(info)!, folder);
        DateTime deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!File.Exists(pair.NodeEnd) || !File.Exists(pair.ToolEnd))
        {
            if (pair._socat.HasExited || DateTime.UtcNow > deadline)
            {
                string error = pair._socat.HasExited ? pair._socat.StandardError.ReadToEnd() : "(still running)";
                pair.Dispose();
                throw new InvalidOperationException($"socat made no pty pair in {folder} within 10 s: {error}");
            }

            Thread.Sleep(10);
        }

        return pair;
    }

    /// <summary>Opens one end as a file, as a board's or a tool's side of the cable (read and write).</summary>
    public static FileStream Open(string end) => new(end, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite, bufferSize: 0);

    /// <summary>Stops socat: both ends go away, as when a USB-TTL adapter is unplugged. Safe to call twice.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_socat.HasExited)
        {
            _socat.Kill();
            _socat.WaitForExit(5000);
        }

        _socat.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
