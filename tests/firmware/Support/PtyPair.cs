using System.Diagnostics;

namespace Capteur.Firmware.Tests.Support;

/// <summary>
/// Two linked pseudo-terminals made by socat, like a USB-TTL adapter's two ends: the firmware opens
/// <see cref="DevicePath"/> as COM2, a tool (`capteur configure`) opens <see cref="TerminalPath"/>. Stopped by process id.
/// </summary>
internal sealed class PtyPair : IDisposable
{
    private readonly Process _socat;

    private PtyPair(Process socat, string devicePath, string terminalPath)
    {
        _socat = socat;
        DevicePath = devicePath;
        TerminalPath = terminalPath;
    }

    /// <summary>The board's end (NANOCLR_COM2).</summary>
    public string DevicePath { get; }

    /// <summary>The terminal's end.</summary>
    public string TerminalPath { get; }

    /// <summary>A pair linked at <paramref name="devicePath"/> and <paramref name="terminalPath"/>.</summary>
    public static PtyPair Open(string devicePath, string terminalPath)
    {
        var info = new ProcessStartInfo("socat") { UseShellExecute = false, RedirectStandardError = true };
        info.ArgumentList.Add($"pty,raw,echo=0,link={devicePath}");
        info.ArgumentList.Add($"pty,raw,echo=0,link={terminalPath}");
        Process socat = Process.Start(info) ?? throw new InvalidOperationException("socat did not start (apt-get install socat)");
        socat.ErrorDataReceived += (_, _) => { };
        socat.BeginErrorReadLine();
        DateTime deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!File.Exists(devicePath) || !File.Exists(terminalPath))
        {
            if (socat.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"socat made no pty pair at {devicePath} and {terminalPath}");
            }

            Thread.Sleep(20);
        }

        return new PtyPair(socat, devicePath, terminalPath);
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
}
