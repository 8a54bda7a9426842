using System.Diagnostics;

namespace Capteur.Desktop.Tests.Infrastructure;

/// <summary>
/// Debian's mosquitto as a second, independent broker: started on a free loopback port with a minimal config
/// (anonymous allowed, persistence in its own temp folder), stopped by process id.
/// </summary>
internal sealed class Mosquitto : IDisposable
{
    private readonly string _folder;
    private Process? _process;

    private Mosquitto(string folder, int port)
    {
        _folder = folder;
        Port = port;
    }

    /// <summary>The port it listens on (127.0.0.1).</summary>
    public int Port { get; }

    /// <summary>True when Debian's mosquitto is installed (.ci/install installs it).</summary>
    public static bool IsInstalled => File.Exists("/usr/sbin/mosquitto");

    /// <summary>Starts mosquitto; the test fails with a clear message when it is not installed.</summary>
    public static Mosquitto Start()
    {
        if (!IsInstalled)
        {
            throw new InvalidOperationException("mosquitto is not installed: run .ci/install (or apt-get install mosquitto mosquitto-clients)");
        }

        string folder = Directory.CreateTempSubdirectory("capteur-mosquitto-").FullName;
        // run as root, mosquitto drops to its own user: it must still be able to write its log and persistence file
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder, (UnixFileMode)0x1FF);
        }
        var broker = new Mosquitto(folder, FreePort.Next());
        broker.Run();
        return broker;
    }

    /// <summary>Stops it with SIGTERM (mosquitto saves its persistence file on the way out).</summary>
    public void Stop()
    {
        if (_process is { HasExited: false })
        {
            Process.Start("kill", ["-TERM", _process.Id.ToString()])!.WaitForExit();
            _process.WaitForExit(10000);
        }

        _process = null;
    }

    /// <summary>Starts it again on the same port and persistence folder.</summary>
    public void Restart()
    {
        Stop();
        Run();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            _process.WaitForExit(5000);
        }

        if (Environment.GetEnvironmentVariable("CAPTEUR_KEEP_MOSQUITTO") is null)
        {
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private void Run()
    {
        string config = Path.Combine(_folder, "mosquitto.conf");
        File.WriteAllText(config, $"""
            listener {Port} 127.0.0.1
            allow_anonymous true
            persistence true
            persistence_location {_folder}/
            autosave_interval 1
            max_queued_messages 0
            log_dest file {_folder}/mosquitto.log
            """);
        _process = Process.Start(new ProcessStartInfo("/usr/sbin/mosquitto", ["-c", config]) { UseShellExecute = false })!;
        if (!FreePort.WaitListening(Port, TimeSpan.FromSeconds(10)))
        {
            throw new InvalidOperationException($"mosquitto did not listen on {Port} within 10 s; see {_folder}/mosquitto.log");
        }
    }
}
