using System.Text.Json;

namespace Capteur.Broker;

/// <summary>
/// Reads a broker config file: one JSON object whose keys are the long flag names (`{"port": 1883, "passwd": "passwd.txt"}`).
/// Relative paths are taken relative to the file's folder; flags given on the command line override the file.
/// </summary>
public static class BrokerConfigFile
{
    static readonly string[] KnownKeys =
    [
        "port", "bind", "data", "anonymous", "passwd", "acl", "tls-port", "cert", "key", "websocket-port", "websocket-path",
        "max-packet-bytes", "max-connections", "connect-timeout-ms", "write-timeout-ms", "max-queued-messages", "queue-overflow",
        "durability", "sys-interval", "max-concurrent-password-checks",
    ];

    /// <summary>Applies the file's settings to <paramref name="options"/>; throws <see cref="BrokerConfigException"/> naming the key and the fix.</summary>
    public static void Apply(string path, BrokerOptions options)
    {
        if (!File.Exists(path))
        {
            throw new BrokerConfigException($"config: file '{path}' does not exist");
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new BrokerConfigException($"{path}: not valid JSON at line {e.LineNumber + 1}: {e.Message}");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new BrokerConfigException($"{path}: the file must hold one JSON object, e.g. {{\"port\": 1883}}");
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                ApplyKey(path, folder, property, options);
            }
        }
    }

    static void ApplyKey(string path, string folder, JsonProperty p, BrokerOptions o)
    {
        switch (p.Name)
        {
            case "port": o.Port = Int(path, p); break;
            case "bind": o.Bind = Str(path, p); break;
            case "data": o.DataDirectory = FilePath(folder, Str(path, p)); break;
            case "anonymous": o.Anonymous = Bool(path, p); break;
            case "passwd": o.PasswordFile = FilePath(folder, Str(path, p)); break;
            case "acl": o.AclFile = FilePath(folder, Str(path, p)); break;
            case "tls-port": o.TlsPort = Int(path, p); break;
            case "cert": o.CertificateFile = FilePath(folder, Str(path, p)); break;
            case "key": o.KeyFile = FilePath(folder, Str(path, p)); break;
            case "websocket-port": o.WebSocketPort = Int(path, p); break;
            case "websocket-path": o.WebSocketPath = Str(path, p); break;
            case "max-packet-bytes": o.MaxPacketBytes = Int(path, p); break;
            case "max-connections": o.MaxConnections = Int(path, p); break;
            case "connect-timeout-ms": o.ConnectTimeoutMs = Int(path, p); break;
            case "write-timeout-ms": o.WriteTimeoutMs = Int(path, p); break;
            case "max-queued-messages": o.MaxQueuedMessagesPerClient = Int(path, p); break;
            case "queue-overflow": o.QueueOverflow = ParseOverflow(Str(path, p), $"{path}: queue-overflow"); break;
            case "durability": o.Durability = ParseDurability(Str(path, p), $"{path}: durability"); break;
            case "sys-interval": o.SysIntervalSeconds = Int(path, p); break;
            case "max-concurrent-password-checks": o.MaxConcurrentPasswordChecks = Int(path, p); break;
            default:
                throw new BrokerConfigException($"{path}: unknown key '{p.Name}' (known keys: {string.Join(", ", KnownKeys)})");
        }
    }

    /// <summary>Parses `drop-new` / `drop-oldest`; <paramref name="key"/> prefixes the error message.</summary>
    public static QueueOverflowPolicy ParseOverflow(string value, string key) => value switch
    {
        "drop-new" => QueueOverflowPolicy.DropNew,
        "drop-oldest" => QueueOverflowPolicy.DropOldest,
        _ => throw new BrokerConfigException($"{key}: '{value}' is not a queue overflow policy (use drop-new or drop-oldest)"),
    };

    /// <summary>Parses `full` / `process`; <paramref name="key"/> prefixes the error message.</summary>
    public static DurabilityPolicy ParseDurability(string value, string key) => value switch
    {
        "full" => DurabilityPolicy.Full,
        "process" => DurabilityPolicy.Process,
        _ => throw new BrokerConfigException($"{key}: '{value}' is not a durability policy (use full or process)"),
    };

    static string FilePath(string folder, string value) => Path.IsPathRooted(value) ? value : Path.GetFullPath(Path.Combine(folder, value));

    static int Int(string path, JsonProperty p) => p.Value.ValueKind == JsonValueKind.Number && p.Value.TryGetInt32(out var v)
        ? v
        : throw new BrokerConfigException($"{path}: {p.Name}: {p.Value.GetRawText()} is not a whole number");

    static bool Bool(string path, JsonProperty p) => p.Value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw new BrokerConfigException($"{path}: {p.Name}: {p.Value.GetRawText()} is not true or false"),
    };

    static string Str(string path, JsonProperty p) => p.Value.ValueKind == JsonValueKind.String
        ? p.Value.GetString()!
        : throw new BrokerConfigException($"{path}: {p.Name}: {p.Value.GetRawText()} is not a string (put it in double quotes)");
}
