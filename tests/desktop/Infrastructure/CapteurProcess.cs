using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Capteur.Desktop.Tests.Infrastructure;

/// <summary>
/// The `capteur` command as a real child process (`dotnet capteur.dll ARGS`, capteur.dll copied beside the tests by
/// the project reference), with its output lines kept, stopped by process id: SIGKILL for a crash or a power cut.
/// </summary>
internal sealed partial class CapteurProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];

    private CapteurProcess(Process process)
    {
        _process = process;
    }

    /// <summary>Process id.</summary>
    public int Pid => _process.Id;

    /// <summary>Output lines so far (stdout and stderr, in arrival order).</summary>
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

    /// <summary>Starts `capteur ARGS`.</summary>
    public static CapteurProcess Start(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "capteur.dll"));
        foreach (string arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var process = new Process { StartInfo = info };
        var started = new CapteurProcess(process);
        process.OutputDataReceived += (_, e) => started.Add(e.Data);
        process.ErrorDataReceived += (_, e) => started.Add(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return started;
    }

    /// <summary>`capteur broker --bind 127.0.0.1 --port PORT --data DATA`, returned once it says ready.</summary>
    public static CapteurProcess StartBroker(int port, string data)
    {
        CapteurProcess broker = Start("broker", "--bind", "127.0.0.1", "--port", port.ToString(), "--data", data, "--sys-interval", "0");
        broker.WaitForLine(l => l.EndsWith(" ready", StringComparison.Ordinal), TimeSpan.FromSeconds(60), "the broker's ready line");
        return broker;
    }

    /// <summary>Waits for an output line matching <paramref name="match"/>; fails the test with the output when it does not come or the process exits.</summary>
    public string WaitForLine(Func<string, bool> match, TimeSpan timeout, string what)
    {
        DateTime deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            string? line = Lines.FirstOrDefault(match);
            if (line is not null)
            {
                return line;
            }

            if (_process.HasExited)
            {
                // the exit can be seen before its last lines are read: wait for the end of the output, then look again
                _process.WaitForExit();
                line = Lines.FirstOrDefault(match);
                if (line is not null)
                {
                    return line;
                }
            }

            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"no {what} from capteur (pid {Pid}, {(_process.HasExited ? "exited " + _process.ExitCode : "timed out")}):\n" + string.Join("\n", Lines.TakeLast(30)));
            }

            Thread.Sleep(20);
        }
    }

    /// <summary>SIGKILL: nothing is flushed or closed, as in a crash or a power cut.</summary>
    public void Kill9()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        _process.WaitForExit();
    }

    /// <summary>SIGTERM (a clean stop), then waits for the exit code and the end of the output (its last lines are in <see cref="Lines"/>).</summary>
    public int Terminate(TimeSpan timeout)
    {
        if (!_process.HasExited)
        {
            Process.Start("kill", ["-TERM", Pid.ToString()])!.WaitForExit();
        }

        if (!_process.WaitForExit((int)timeout.TotalMilliseconds))
        {
            _process.Kill();
            throw new InvalidOperationException($"capteur (pid {Pid}) did not stop within {timeout.TotalSeconds:F0} s after SIGTERM");
        }

        _process.WaitForExit(); // without a timeout it also waits for the redirected output to end
        return _process.ExitCode;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Kill9();
        _process.Dispose();
    }

    /// <summary>The next sequence number a node process reported at start (`next seq N`).</summary>
    public long StartSeq() => long.Parse(NextSeq().Match(WaitForLine(l => NextSeq().IsMatch(l), TimeSpan.FromSeconds(60), "the node's start line")).Groups[1].Value);

    private void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lines)
        {
            _lines.Add(line);
        }
    }

    [GeneratedRegex(@"next seq (\d+)")]
    private static partial Regex NextSeq();
}
