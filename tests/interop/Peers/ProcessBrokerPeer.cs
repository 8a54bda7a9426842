using Capteur.Desktop.Tests.Infrastructure;

namespace Capteur.Interop.Tests.Peers;

/// <summary>
/// The common life of a broker run as one process of ours: a temp folder of its own (config, persistence), a free
/// loopback port, its output in a log under results/logs/, started once it answers CONNECT with a CONNACK, stopped by
/// process id. Dispose kills it if needed and deletes the folder (the log stays).
/// </summary>
internal abstract class ProcessBrokerPeer : IBrokerPeer
{
    private PeerProcess? _process;

    /// <summary>A peer named <paramref name="slug"/> in folder and log names (e.g. <c>activemq</c>).</summary>
    protected ProcessBrokerPeer(string slug)
    {
        Folder = Directory.CreateTempSubdirectory($"capteur-{slug}-").FullName;
        LogFile = Path.Combine(PeerPaths.LogFolder(), $"{slug}-{DateTime.UtcNow:HHmmss}-{Path.GetFileName(Folder)}.log");
    }

    /// <inheritdoc />
    public abstract string Name { get; }

    /// <inheritdoc />
    public abstract string Version { get; }

    /// <inheritdoc />
    public int Port { get; private set; }

    /// <inheritdoc />
    public string LogFile { get; }

    /// <summary>Its temp folder (config, persistence).</summary>
    public string Folder { get; }

    /// <summary>How long it may take to answer MQTT after being started.</summary>
    protected virtual TimeSpan StartTimeout => TimeSpan.FromSeconds(60);

    /// <summary>How long it has to exit after SIGTERM before SIGKILL.</summary>
    protected virtual TimeSpan StopDeadline => TimeSpan.FromSeconds(10);

    /// <inheritdoc />
    public void Start()
    {
        if (Missing() is string missing)
        {
            throw new InvalidOperationException($"{Name} cannot start: {missing}");
        }

        Port = FreePort.Next();
        (string file, IReadOnlyList<string> args, IReadOnlyDictionary<string, string>? environment) = Prepare(Port);
        _process = PeerProcess.Start(file, args, Folder, LogFile, environment);
        string? error = MqttProbe.WaitConnack(Port, StartTimeout, () => _process.HasExited);
        if (error is not null)
        {
            string state = _process.State;
            _process.Stop(TimeSpan.FromSeconds(5));
            throw new InvalidOperationException($"{Name} (pid {_process.Pid}, {state}) did not accept an MQTT connection on 127.0.0.1:{Port} "
                + $"within {StartTimeout.TotalSeconds:F0} s: {error}; log {LogFile}:\n{Tail()}");
        }
    }

    /// <inheritdoc />
    public void Stop() => _process?.Stop(StopDeadline);

    /// <inheritdoc />
    public void Kill9() => _process?.Kill9();

    /// <inheritdoc />
    public void Dispose()
    {
        _process?.Dispose();
        _process = null;
        if (Environment.GetEnvironmentVariable("CAPTEUR_KEEP_PEERS") is null)
        {
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    /// <summary>The last lines of its log, for a failure message.</summary>
    public string Tail(int lines = 25)
    {
        try
        {
            using var stream = new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            return string.Join("\n", reader.ReadToEnd().Split('\n').TakeLast(lines));
        }
        catch (IOException e)
        {
            return $"(log unreadable: {e.Message})";
        }
    }

    /// <summary>Why it cannot start on this machine (not installed, and how to install it), or null.</summary>
    protected abstract string? Missing();

    /// <summary>Writes its config into <see cref="Folder"/> for <paramref name="port"/> and returns the command that runs it (in <see cref="Folder"/>).</summary>
    protected abstract (string File, IReadOnlyList<string> Args, IReadOnlyDictionary<string, string>? Environment) Prepare(int port);
}
