using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Capteur.Firmware.Tests.Support;

/// <summary>
/// One board on the virtual ESP32: the firmware run by <c>nf-run</c> as a child process, with its own folders for
/// drive <c>I:</c> (flash, kept between runs like a board's), the ADC channels and the GPIO pins, and optionally COM2
/// on a pty. Stopped by process id: <see cref="PowerCut"/> SIGKILLs nf-run and the nanoCLR host under it, nothing
/// flushed, as when the power goes.
/// </summary>
internal sealed partial class VirtualEsp32 : IDisposable
{
    private readonly List<string> _lines = [];
    private Process? _process;

    private VirtualEsp32(string folder)
    {
        Folder = folder;
        Directory.CreateDirectory(DataFolder);
        Directory.CreateDirectory(AdcFolder);
        Directory.CreateDirectory(GpioFolder);
    }

    /// <summary>The board's folder (drive, adc, gpio).</summary>
    public string Folder { get; }

    /// <summary>Host folder of drive I:.</summary>
    public string Drive => Path.Combine(Folder, "drive");

    /// <summary>I:\capteur, the firmware's data folder.</summary>
    public string DataFolder => Path.Combine(Drive, "capteur");

    /// <summary>The stored config, I:\capteur\capteur.cfg.</summary>
    public string ConfigFile => Path.Combine(DataFolder, "capteur.cfg");

    /// <summary>One file per ADC channel.</summary>
    public string AdcFolder => Path.Combine(Folder, "adc");

    /// <summary>One file per GPIO pin.</summary>
    public string GpioFolder => Path.Combine(Folder, "gpio");

    /// <summary>Process id of the running nf-run, or 0.</summary>
    public int Pid => _process?.Id ?? 0;

    /// <summary>True while the firmware runs.</summary>
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The output lines of the current run (the nanoCLR's stdout and stderr).</summary>
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

    /// <summary>A new board with an empty flash drive.</summary>
    public static VirtualEsp32 Create(string name) => new(Directory.CreateTempSubdirectory("capteur-esp32-" + name + "-").FullName);

    /// <summary>Writes the config the firmware loads at boot (LF line ends, as the node writes it).</summary>
    public void WriteConfig(string text) => File.WriteAllText(ConfigFile, text.Replace("\r\n", "\n"));

    /// <summary>Sets the raw counts an ADC channel reads (0..4095).</summary>
    public void SetAdc(int channel, int counts) => WriteAtomically(Path.Combine(AdcFolder, channel.ToString()), counts.ToString());

    /// <summary>Sets the level a GPIO input reads (0 or 1).</summary>
    public void SetGpio(int pin, int level) => WriteAtomically(Path.Combine(GpioFolder, pin.ToString()), level.ToString());

    /// <summary>Boots the firmware; <paramref name="com2"/> is the device of COM2 (a pty), or null for none.</summary>
    public void Start(string? com2 = null, int timeoutS = 900)
    {
        if (IsRunning)
        {
            throw new InvalidOperationException("the board is already running");
        }

        lock (_lines)
        {
            _lines.Clear();
        }

        string exe = FirmwareBuild.FirmwareExe;
        var info = new ProcessStartInfo(Path.Combine(FirmwareBuild.Toolchain, "bin", "nf-run"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("--timeout");
        info.ArgumentList.Add(timeoutS.ToString());
        info.ArgumentList.Add(exe);
        info.Environment["NANOCLR_DRIVE_I"] = Drive;
        info.Environment["NANOCLR_ADC_DIR"] = AdcFolder;
        info.Environment["NANOCLR_GPIO_DIR"] = GpioFolder;
        info.Environment["NANOCLR_IPV4"] = "127.0.0.1";
        if (com2 is not null)
        {
            info.Environment["NANOCLR_COM2"] = com2;
        }

        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Add(e.Data);
        process.ErrorDataReceived += (_, e) => Add(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
    }

    /// <summary>Waits for an output line of this run matching <paramref name="match"/>; fails with the output when it does not come.</summary>
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

            if (_process is null || _process.HasExited || DateTime.UtcNow > deadline)
            {
                string state = _process is null ? "not started" : _process.HasExited ? "exited " + _process.ExitCode : "timed out";
                throw new InvalidOperationException($"no {what} from the firmware (pid {Pid}, {state}):\n" + string.Join("\n", Lines.TakeLast(40)));
            }

            Thread.Sleep(20);
        }
    }

    /// <summary>The next sequence number the node reported when it started (<c>next seq N</c>).</summary>
    public long StartSeq()
    {
        string line = WaitForLine(l => NextSeq().IsMatch(l), TimeSpan.FromSeconds(60), "node start line (next seq N)");
        return long.Parse(NextSeq().Match(line).Groups[1].Value);
    }

    /// <summary>Free managed heap printed in the boot banner (<c>free memory N bytes</c>).</summary>
    public long BootFreeBytes()
    {
        string line = WaitForLine(l => l.StartsWith("Capteur firmware ", StringComparison.Ordinal), TimeSpan.FromSeconds(60), "boot banner");
        return long.Parse(FreeMemory().Match(line).Groups[1].Value);
    }

    /// <summary>Waits for the process to end by itself; its exit code.</summary>
    public int WaitForExit(TimeSpan timeout)
    {
        if (_process is null)
        {
            throw new InvalidOperationException("the board was not started");
        }

        if (!_process.WaitForExit((int)timeout.TotalMilliseconds))
        {
            throw new InvalidOperationException($"the firmware (pid {Pid}) still runs after {timeout.TotalSeconds:F0} s:\n" + string.Join("\n", Lines.TakeLast(20)));
        }

        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>SIGKILL to nf-run and every process under it (the nanoCLR host): a power cut.</summary>
    public void PowerCut()
    {
        Process? process = _process;
        if (process is null)
        {
            return;
        }

        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            process.WaitForExit();
        }
        catch (InvalidOperationException)
        {
            // already gone
        }

        process.Dispose();
        _process = null;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        PowerCut();
        if (Environment.GetEnvironmentVariable("CAPTEUR_KEEP_BOARDS") is null)
        {
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static void WriteAtomically(string path, string text)
    {
        // the host re-reads the file on every ReadValue/poll: never let it see a half-written one
        string temp = path + ".tmp";
        File.WriteAllText(temp, text + "\n");
        File.Move(temp, path, overwrite: true);
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
        }
    }

    [GeneratedRegex(@"next seq (\d+)")]
    private static partial Regex NextSeq();

    [GeneratedRegex(@"free memory (\d+) bytes")]
    private static partial Regex FreeMemory();
}
