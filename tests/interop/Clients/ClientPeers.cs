using System.Text.Json;
using Capteur.Interop.Tests.Peers;

namespace Capteur.Interop.Tests.Clients;

/// <summary>The clients under test, detected once per run (installed or not, and their versions).</summary>
internal static class ClientPeers
{
    private const string Python = "/usr/bin/python3";

    private static readonly Lazy<IClientPeer> PahoPeer = new(DetectPaho);
    private static readonly Lazy<IClientPeer> MqttJsPeer = new(DetectMqttJs);
    private static readonly Lazy<IClientPeer> MosquittoPeer = new(MosquittoClientsPeer.Detect);
    private static readonly Lazy<IClientPeer> MqttNet = new(() => new MqttNetPeer());

    /// <summary>The peer named <paramref name="slug"/>: <c>paho</c>, <c>mqttjs</c>, <c>mosquitto</c> or <c>mqttnet</c>.</summary>
    public static IClientPeer Get(string slug) => slug switch
    {
        "paho" => PahoPeer.Value,
        "mqttjs" => MqttJsPeer.Value,
        "mosquitto" => MosquittoPeer.Value,
        "mqttnet" => MqttNet.Value,
        _ => throw new ArgumentOutOfRangeException(nameof(slug), slug, "no such client peer (paho, mqttjs, mosquitto, mqttnet)"),
    };

    // Debian's python3 (the one python3-paho-mqtt installs into), not whatever python3 is first on PATH.
    private static IClientPeer DetectPaho()
    {
        string script = Path.Combine(PeerPaths.InteropFolder(), "scripts", "paho_client.py");
        string? probe = File.Exists(Python)
            ? InstalledVersion.Output(Python, "-c", "import platform, paho.mqtt, paho.mqtt.client as c; print('paho', paho.mqtt.__version__, platform.python_version(), hasattr(c, 'CallbackAPIVersion'))")
            : null;
        string[] words = probe?.Trim().Split(' ') ?? [];
        if (words is not ["paho", _, _, _])
        {
            string why = probe is null ? $"{Python} not found" : $"`import paho.mqtt` failed with {Python}: {probe.Trim().Split('\n')[^1]}";
            return new ScriptClientPeer("paho", "paho-mqtt (not installed)", $"{why}: apt-get install -y python3-paho-mqtt", null, Python, script);
        }

        // paho-mqtt 1.x parses the PUBACK reason code and drops it: on_publish(client, userdata, mid) has no argument for it;
        // 2.x passes it with CallbackAPIVersion.VERSION2 (the script uses that when the library has it).
        string? hidden = words[3] == "True"
            ? null
            : $"paho-mqtt {words[1]} has no CallbackAPIVersion: on_publish(client, userdata, mid) gets no PUBACK reason code (paho-mqtt 2.0 added it)";
        return new ScriptClientPeer("paho", $"paho-mqtt {words[1]} (Python {words[2]})", null, hidden, Python, script);
    }

    private static IClientPeer DetectMqttJs()
    {
        string folder = PeerPaths.InteropFolder();
        string script = Path.Combine(folder, "scripts", "mqttjs_client.js");
        string package = Path.Combine(folder, "node_modules", "mqtt", "package.json");
        string? node = InstalledVersion.Output("node", "--version")?.Trim();
        if (node is null || !node.StartsWith('v'))
        {
            return new ScriptClientPeer("mqttjs", "MQTT.js (not installed)", "node not found on PATH: apt-get install -y nodejs npm, then (cd tests/interop && npm ci)", null, "node", script);
        }

        if (!File.Exists(package))
        {
            return new ScriptClientPeer("mqttjs", "MQTT.js (not installed)", $"{package} not found: (cd tests/interop && npm ci)", null, "node", script);
        }

        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(package));
        string version = json.RootElement.GetProperty("version").GetString()!;
        return new ScriptClientPeer("mqttjs", $"MQTT.js {version} (Node.js {node[1..]})", null, null, "node", script);
    }
}
