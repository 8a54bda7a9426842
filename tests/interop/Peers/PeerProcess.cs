using System.Diagnostics;

namespace Capteur.Interop.Tests.Peers;

/// <summary>
/// A peer broker as a child process: its stdout and stderr appended to its log file (line by line, flushed), stopped
/// by process id: SIGTERM then SIGKILL after a deadline, or SIGKILL at once.
/// </summary>
internal sealed class PeerProcess : IDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly List<string> _lines = [];

    private PeerProcess(Process process, StreamWriter log)
    {
        _process = process;
        _log = log;
    }

    /// <summary>Process id.</summary>
    public int Pid => _process.Id;

    /// <summary>True once it has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>How it exited, for a failure message: <c>exited 1</c>, or <c>running</c>.</summary>
    public string State => _process.HasExited ? $"exited {_process.ExitCode}" : "running";

    /// <summary>Output lines so far.</summary>
    public string[] Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    /// <summary>Starts <paramref name="file"/> <paramref name="args"/> in <paramref name="workingDirectory"/>, its output appended to <paramref name="logFile"/>.</summary>
    public static PeerProcess Start(string file, IEnumerable<string> args, string workingDirectory, string logFile, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (string arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach ((string name, string value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        var log = new StreamWriter(new FileStream(logFile, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
        log.WriteLine("$ " + file + " " + string.Join(" ", info.ArgumentList));
        var process = new Process { StartInfo = info };
        var started = new PeerProcess(process, log);
        process.OutputDataReceived += (_, e) => started.Add(e.Data);
        process.ErrorDataReceived += (_, e) => started.Add(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return started;
    }

    /// <summary>SIGTERM, then SIGKILL when it is still there after <paramref name="deadline"/>; true when SIGTERM was enough.</summary>
    public bool Stop(TimeSpan deadline)
    {
        if (_process.HasExited)
        {
            return true;
        }

        using (Process kill = Process.Start("kill", ["-TERM", Pid.ToString()])!)
        {
            kill.WaitForExit();
        }

        if (_process.WaitForExit((int)deadline.TotalMilliseconds))
        {
            return true;
        }

        Kill9();
        return false;
    }

    /// <summary>SIGKILL, and waits until it is gone.</summary>
    public void Kill9()
    {
        try
        {
            _process.Kill();
        }
        catch (InvalidOperationException)
        {
            // already exited
        }

        _process.WaitForExit();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Kill9();
        _process.Dispose();
        lock (_lines)
        {
            _log.Dispose();
        }
    }

    private void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lines)
        {
            _lines.Add(line);
            try
            {
                _log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
                // output after Dispose: the lines list keeps it
            }
        }
    }
}
