using System.Net;

namespace Capteur.Broker;

/// <summary>Everything `capteur broker` can be told, from flags or from a config file. Defaults are the documented ones (README.md).</summary>
public sealed class BrokerOptions
{
    /// <summary>Plain MQTT TCP port; default 1883 (IANA). 0 lets the OS pick a free port (tests).</summary>
    public int Port { get; set; } = 1883;

    /// <summary>Address every listener binds to; default 0.0.0.0 (all IPv4 interfaces) so nodes reach the broker over Wi-Fi.</summary>
    public string Bind { get; set; } = "0.0.0.0";

    /// <summary>Folder of the SQLite store (broker.db); default the per-user data folder.</summary>
    public string DataDirectory { get; set; } = DefaultDataDirectory();

    /// <summary>Accept clients without a user name on a non-loopback listener (mosquitto 2: allow_anonymous).</summary>
    public bool Anonymous { get; set; }

    /// <summary>Password file managed by `capteur broker passwd`; null for none.</summary>
    public string? PasswordFile { get; set; }

    /// <summary>ACL file (mosquitto acl_file syntax with %u and %c); null for no topic restrictions.</summary>
    public string? AclFile { get; set; }

    /// <summary>MQTT over TLS port (usually 8883); 0 for no TLS listener.</summary>
    public int TlsPort { get; set; }

    /// <summary>PEM certificate (chain) for the TLS listener.</summary>
    public string? CertificateFile { get; set; }

    /// <summary>PEM private key for the TLS listener.</summary>
    public string? KeyFile { get; set; }

    /// <summary>MQTT over WebSocket port for browsers (often 8080 or 9001); 0 for none.</summary>
    public int WebSocketPort { get; set; }

    /// <summary>HTTP path of the WebSocket endpoint.</summary>
    public string WebSocketPath { get; set; } = "/mqtt";

    /// <summary>Largest MQTT packet accepted, header included; a bigger one closes the connection.</summary>
    public int MaxPacketBytes { get; set; } = 1024 * 1024;

    /// <summary>Most simultaneous network connections; further ones are closed at once.</summary>
    public int MaxConnections { get; set; } = 50_000;

    /// <summary>Time a new connection has to complete its CONNECT (and TLS / WebSocket handshake).</summary>
    public int ConnectTimeoutMs { get; set; } = 10_000;

    /// <summary>Time a single write to a client may take; a client that stops reading is disconnected after it.</summary>
    public int WriteTimeoutMs { get; set; } = 30_000;

    /// <summary>Per-client queue limit (messages not yet delivered/acknowledged); 0 means unlimited, the default, which never drops QoS 1/2.</summary>
    public int MaxQueuedMessagesPerClient { get; set; }

    /// <summary>What happens when <see cref="MaxQueuedMessagesPerClient"/> is reached.</summary>
    public QueueOverflowPolicy QueueOverflow { get; set; } = QueueOverflowPolicy.DropNew;

    /// <summary>When a store write counts as done.</summary>
    public DurabilityPolicy Durability { get; set; } = DurabilityPolicy.Full;

    /// <summary>Seconds between two $SYS/broker/... updates (mosquitto sys_interval); 0 disables them.</summary>
    public int SysIntervalSeconds { get; set; } = 10;

    /// <summary>PBKDF2 verifications allowed at once; bounds the CPU a CONNECT flood with passwords can burn.</summary>
    public int MaxConcurrentPasswordChecks { get; set; } = 2;

    /// <summary>The per-user data folder: $XDG_DATA_HOME/capteur/broker or ~/.local/share/capteur/broker (LocalApplicationData on Windows).</summary>
    public static string DefaultDataDirectory()
    {
        var root = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        if (string.IsNullOrEmpty(root))
        {
            root = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        }

        return Path.Combine(root, "capteur", "broker");
    }

    /// <summary>True when <see cref="Bind"/> is a loopback address (127.0.0.0/8, ::1, localhost).</summary>
    public bool BindsLoopbackOnly => Bind == "localhost" || (IPAddress.TryParse(Bind, out var a) && IPAddress.IsLoopback(a));

    /// <summary>Whether anonymous clients are accepted: always on a loopback-only bind, elsewhere only with --anonymous (mosquitto 2).</summary>
    public bool AnonymousAllowed => Anonymous || BindsLoopbackOnly;

    /// <summary>Checks every value and returns one actionable message per problem (empty when all is fine).</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        CheckPort(errors, "port", Port, allowZero: true);
        CheckPort(errors, "tls-port", TlsPort, allowZero: true);
        CheckPort(errors, "websocket-port", WebSocketPort, allowZero: true);
        if (Bind != "localhost" && !IPAddress.TryParse(Bind, out _))
        {
            errors.Add($"bind: '{Bind}' is not an IP address (use 0.0.0.0 for every interface, 127.0.0.1 for this machine only)");
        }

        if (TlsPort != 0)
        {
            if (string.IsNullOrEmpty(CertificateFile) || string.IsNullOrEmpty(KeyFile))
            {
                errors.Add($"tls-port: {TlsPort} needs --cert FILE and --key FILE (PEM)");
            }
            else
            {
                CheckFile(errors, "cert", CertificateFile);
                CheckFile(errors, "key", KeyFile);
            }
        }

        if (PasswordFile != null)
        {
            CheckFile(errors, "passwd", PasswordFile);
        }

        if (AclFile != null)
        {
            CheckFile(errors, "acl", AclFile);
        }

        if (!WebSocketPath.StartsWith('/'))
        {
            errors.Add($"websocket-path: '{WebSocketPath}' must start with '/' (e.g. /mqtt)");
        }

        // MQTT 3.1.1 §2.2.3: the remaining length is at most 268,435,455 bytes; 64 bytes is below any useful CONNECT.
        CheckRange(errors, "max-packet-bytes", MaxPacketBytes, 64, 268_435_455 + 5);
        CheckRange(errors, "max-connections", MaxConnections, 1, 10_000_000);
        CheckRange(errors, "connect-timeout-ms", ConnectTimeoutMs, 100, 600_000);
        CheckRange(errors, "write-timeout-ms", WriteTimeoutMs, 100, 3_600_000);
        CheckRange(errors, "max-queued-messages", MaxQueuedMessagesPerClient, 0, int.MaxValue);
        CheckRange(errors, "sys-interval", SysIntervalSeconds, 0, 86_400);
        CheckRange(errors, "max-concurrent-password-checks", MaxConcurrentPasswordChecks, 1, 64);
        var ports = new[] { Port, TlsPort, WebSocketPort }.Where(p => p != 0).ToList();
        if (ports.Count != ports.Distinct().Count())
        {
            errors.Add($"port: {Port}, tls-port: {TlsPort} and websocket-port: {WebSocketPort} must differ (0 disables a listener)");
        }

        return errors;
    }

    static void CheckPort(List<string> errors, string key, int value, bool allowZero)
    {
        if (value < (allowZero ? 0 : 1) || value > 65535)
        {
            errors.Add($"{key}: {value} is out of range ({(allowZero ? 0 : 1)}..65535)");
        }
    }

    static void CheckRange(List<string> errors, string key, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            errors.Add($"{key}: {value} is out of range ({min}..{max})");
        }
    }

    static void CheckFile(List<string> errors, string key, string path)
    {
        if (!File.Exists(path))
        {
            errors.Add($"{key}: file '{path}' does not exist");
        }
    }
}
