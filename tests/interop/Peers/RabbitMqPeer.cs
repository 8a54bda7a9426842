namespace Capteur.Interop.Tests.Peers;

/// <summary>
/// A single RabbitMQ node with the rabbitmq_mqtt plugin (Debian's rabbitmq-server), started and stopped by
/// <see cref="RabbitMq"/> (the cluster cells' class): its own folder, node name, epmd and loopback ports. Its log is
/// copied to results/logs/ when it is disposed (its folder is deleted).
/// </summary>
internal sealed class RabbitMqPeer : IBrokerPeer
{
    private RabbitMq? _rabbit;

    /// <inheritdoc />
    public string Name => "RabbitMQ";

    /// <inheritdoc />
    public string Version => Installed.Value;

    /// <inheritdoc />
    public int Port => _rabbit?.Port ?? 0;

    /// <inheritdoc />
    public string LogFile => _rabbit is null ? "(not started)" : Path.Combine(PeerPaths.LogFolder(), "rabbitmq-" + Path.GetFileName(_rabbit.LogFile));

    private static Lazy<string> Installed { get; } = new(() =>
    {
        string own;
        try
        {
            // "RabbitMQ 3.10.8 (Debian)": the version of the installed server's own folder
            own = RabbitMq.Version.Split(' ')[1];
        }
        catch (InvalidOperationException)
        {
            own = "(not installed)";
        }

        string? debian = InstalledVersion.Debian("rabbitmq-server");
        return own + (debian is null ? "" : $" (Debian {debian})");
    });

    /// <inheritdoc />
    public void Start() => _rabbit = RabbitMq.StartSingle();

    /// <inheritdoc />
    public void Stop() => _rabbit?.Stop(TimeSpan.FromSeconds(20));

    /// <inheritdoc />
    public void Kill9() => _rabbit?.Kill9();

    /// <inheritdoc />
    public void Dispose()
    {
        if (_rabbit is null)
        {
            return;
        }

        string kept = LogFile;
        _rabbit.Kill9();
        if (File.Exists(_rabbit.LogFile))
        {
            File.Copy(_rabbit.LogFile, kept, overwrite: true);
        }

        _rabbit.Dispose();
        _rabbit = null;
    }
}
