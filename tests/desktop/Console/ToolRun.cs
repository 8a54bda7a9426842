using System.Diagnostics;
using System.Text;

namespace Capteur.Desktop.Tests.ConsoleTools;

/// <summary>
/// `capteur ARGS` run as a child process with its standard input a pipe the test writes to, and its standard output
/// and error kept apart (a tool's errors must reach stderr). Stopped by process id on dispose.
/// </summary>
internal sealed class ToolRun : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private Task[] _pumps = [];

    private ToolRun(Process process)
    {
        _process = process;
    }

    /// <summary>Standard output so far.</summary>
    public string Stdout
    {
        get
        {
            lock (_stdout)
            {
                return _stdout.ToString();
            }
        }
    }

    /// <summary>Standard error so far.</summary>
    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>The pipe to its standard input.</summary>
    public Stream Input => _process.StandardInput.BaseStream;

    /// <summary>True once it exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Starts `capteur ARGS`.</summary>
    public static ToolRun Start(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "capteur.dll"));
        foreach (string arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var process = new Process { StartInfo = info };
        var run = new ToolRun(process);
        process.Start();
        // raw bytes, not lines: the console relays bytes, and an answer may lack its line end
        run._pumps = [Pump(process.StandardOutput.BaseStream, run._stdout), Pump(process.StandardError.BaseStream, run._stderr)];
        return run;
    }

    /// <summary>Runs `capteur ARGS` to its end (its input closed at once); <see cref="ExitCode"/> tells how it ended.</summary>
    public static ToolRun Complete(TimeSpan timeout, params string[] args)
    {
        ToolRun run = Start(args);
        run.Input.Close();
        run.ExitCode = run.WaitForExit(timeout);
        return run;
    }

    /// <summary>The exit code, once <see cref="Complete"/> or <see cref="WaitForExit"/> saw it.</summary>
    public int ExitCode { get; private set; } = -1;

    /// <summary>Waits for the exit and returns the exit code; fails with the output when it does not exit in time.</summary>
    public int WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit((int)timeout.TotalMilliseconds))
        {
            throw new InvalidOperationException($"capteur (pid {_process.Id}) did not exit within {timeout.TotalSeconds:F0} s\nstdout: {Stdout}\nstderr: {Stderr}");
        }

        _process.WaitForExit();
        Task.WaitAll(_pumps, TimeSpan.FromSeconds(5));
        ExitCode = _process.ExitCode;
        return ExitCode;
    }

    /// <summary>Waits until standard output holds <paramref name="text"/>.</summary>
    public void WaitForStdout(string text, TimeSpan timeout)
    {
        DateTime deadline = DateTime.UtcNow + timeout;
        while (!Stdout.Contains(text, StringComparison.Ordinal))
        {
            if (DateTime.UtcNow > deadline || _process.HasExited)
            {
                throw new InvalidOperationException($"no \"{text}\" on capteur's stdout ({(_process.HasExited ? "exited" : "timed out")})\nstdout: {Stdout}\nstderr: {Stderr}");
            }

            Thread.Sleep(20);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(5000);
        }

        _process.Dispose();
    }

    private static async Task Pump(Stream stream, StringBuilder into)
    {
        var buffer = new byte[4096];
        var decoder = Encoding.UTF8.GetDecoder();
        var chars = new char[4096 * 2];
        while (true)
        {
            int count = await stream.ReadAsync(buffer).ConfigureAwait(false);
            if (count <= 0)
            {
                return;
            }

            int decoded = decoder.GetChars(buffer, 0, count, chars, 0);
            lock (into)
            {
                into.Append(chars, 0, decoded);
            }
        }
    }
}
