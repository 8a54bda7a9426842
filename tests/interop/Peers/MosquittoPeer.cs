using System.Text.RegularExpressions;

namespace Capteur.Interop.Tests.Peers;

/// <summary>
/// Debian's mosquitto: a listener on 127.0.0.1:PORT, anonymous clients allowed, persistence in its temp folder, its
/// log on standard output (into <see cref="IBrokerPeer.LogFile"/>).
/// </summary>
internal sealed partial class MosquittoPeer : ProcessBrokerPeer
{
    private const string Binary = "/usr/sbin/mosquitto";

    /// <summary>A mosquitto not started yet.</summary>
    public MosquittoPeer()
        : base("mosquitto")
    {
        // run as root, mosquitto drops to its own user: it must still be able to write its persistence file here
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Folder, (UnixFileMode)0x1FF);
        }
    }

    /// <inheritdoc />
    public override string Name => "mosquitto";

    /// <inheritdoc />
    public override string Version => Installed.Value;

    private static Lazy<string> Installed { get; } = new(() =>
    {
        // `mosquitto -h` starts with "mosquitto version 2.0.11"
        string own = VersionLine().Match(InstalledVersion.Output(Binary, "-h") ?? "").Groups[1].Value;
        string? debian = InstalledVersion.Debian("mosquitto");
        return (own.Length > 0 ? own : "(not installed)") + (debian is null ? "" : $" (Debian {debian})");
    });

    /// <inheritdoc />
    protected override string? Missing() =>
        File.Exists(Binary) ? null : $"{Binary} not found: apt-get install mosquitto (bash tests/interop/run installs it)";

    /// <inheritdoc />
    protected override (string File, IReadOnlyList<string> Args, IReadOnlyDictionary<string, string>? Environment) Prepare(int port)
    {
        string config = Path.Combine(Folder, "mosquitto.conf");
        File.WriteAllText(config, $"""
            listener {port} 127.0.0.1
            allow_anonymous true
            persistence true
            persistence_location {Folder}/
            log_dest stdout
            log_type error
            log_type warning
            log_type notice
            log_type information
            """);
        return (Binary, ["-c", config], null);
    }

    [GeneratedRegex(@"mosquitto version (\S+)")]
    private static partial Regex VersionLine();
}
