using System.Diagnostics;

namespace Capteur.Firmware.Tests.Support;

/// <summary>
/// COM2 of a virtual board on a pseudo-terminal made by socat: the firmware's end is <see cref="DevicePath"/> (a link
/// to the pty, given to the nanoCLR as NANOCLR_COM2) and the terminal's end is socat's own stdin/stdout, which the
/// test types into and reads lines from. Stopped by process id.
/// </summary>
internal sealed class ConsolePty : IDisposable
{
    private readonly Process _socat;
    private readonly List<string> _lines = [];

    private ConsolePty(Process socat, string devicePath)
    {
        _socat = socat;
        DevicePath = devicePath;
    }

    /// <summary>The pty the firmware opens as COM2.</summary>
    public string DevicePath { get; }

    /// <summary>Lines the console wrote so far (CR LF stripped).</summary>
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

    /// <summary>A pty whose device end is linked at <paramref name="devicePath"/>.</summary>
    public static ConsolePty Open(string devicePath)
    {
        var info = new ProcessStartInfo("socat")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add($"pty,raw,echo=0,link={devicePath}");
        info.ArgumentList.Add("stdio");
        Process socat = Process.Start(info) ?? throw new InvalidOperationException("socat did not start (apt-get install socat)");
        var pty = new ConsolePty(socat, devicePath);
        socat.OutputDataReceived += (_, e) => pty.Add(e.Data);
        socat.ErrorDataReceived += (_, _) => { };
        socat.BeginOutputReadLine();
        socat.BeginErrorReadLine();
        DateTime deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!File.Exists(devicePath))
        {
            if (socat.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"socat made no pty at {devicePath} (exit {(socat.HasExited ? socat.ExitCode : -1)})");
            }

            Thread.Sleep(20);
        }

        return pty;
    }

    /// <summary>Types <paramref name="line"/> and Enter (CR, as a terminal sends it).</summary>
    public void Type(string line)
    {
        _socat.StandardInput.Write(line + "\r");
        _socat.StandardInput.Flush();
    }

    /// <summary>
    /// Types a command and returns the first JSON line (json mode) that arrives after it, or fails after
    /// <paramref name="timeout"/> with what the console wrote.
    /// </summary>
    public string Json(string command, TimeSpan timeout)
    {
        int before = Lines.Length;
        Type(command);
        DateTime deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            string? line = Lines.Skip(before).FirstOrDefault(l => l.TrimStart().StartsWith('{'));
            if (line is not null)
            {
                return line.Trim();
            }

            Thread.Sleep(20);
        }

        throw new InvalidOperationException($"no JSON answer to '{command}' on {DevicePath} within {timeout.TotalSeconds:F0} s; the console wrote:\n" + string.Join("\n", Lines.TakeLast(20)));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            if (!_socat.HasExited)
            {
                _socat.Kill();
            }

            _socat.WaitForExit();
        }
        catch (InvalidOperationException)
        {
        }

        _socat.Dispose();
    }

    private void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lines)
        {
            _lines.Add(line.TrimEnd('\r'));
        }
    }
}
