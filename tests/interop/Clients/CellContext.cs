using Capteur.Desktop.Tests.Infrastructure;

namespace Capteur.Interop.Tests.Clients;

/// <summary>
/// One cell's world: its own `capteur broker` child process on a free port with a fresh data folder, and every client the
/// cell starts, whose output is quoted when the cell fails.
/// </summary>
internal sealed class CellContext : IAsyncDisposable
{
    private readonly CapteurProcess? _broker;
    private readonly Mosquitto? _mosquitto;
    private readonly string _data;
    private readonly List<ClientTranscript> _transcripts = [];
    private readonly List<IRunningClient> _clients = [];

    private CellContext(IClientPeer peer, CapteurProcess? broker, Mosquitto? mosquitto, string data, int port)
    {
        Peer = peer;
        _broker = broker;
        _mosquitto = mosquitto;
        _data = data;
        Port = port;
    }

    /// <summary>The client under test.</summary>
    public IClientPeer Peer { get; }

    /// <summary>The broker's port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>
    /// Starts `capteur broker --bind 127.0.0.1 --port FREE --data TMP --sys-interval 0` (with <paramref name="sysTopics"/>:
    /// <c>--sys-interval 1</c>, so $SYS topics exist) and waits for its ready line.
    /// </summary>
    public static CellContext Start(IClientPeer peer, bool sysTopics)
    {
        if (AgainstMosquitto)
        {
            Mosquitto reference = Mosquitto.Start();
            return new CellContext(peer, null, reference, Directory.CreateTempSubdirectory("capteur-interop-clients-").FullName, reference.Port);
        }

        string data = Directory.CreateTempSubdirectory("capteur-interop-clients-").FullName;
        int port = FreePort.Next();
        CapteurProcess broker;
        if (sysTopics)
        {
            broker = CapteurProcess.Start("broker", "--bind", "127.0.0.1", "--port", port.ToString(), "--data", data, "--sys-interval", "1");
            broker.WaitForLine(l => l.EndsWith(" ready", StringComparison.Ordinal), TimeSpan.FromSeconds(60), "the broker's ready line");
        }
        else
        {
            broker = CapteurProcess.StartBroker(port, data);
        }

        return new CellContext(peer, broker, null, data, port);
    }

    /// <summary>
    /// <c>CAPTEUR_INTEROP_CLIENTS_BROKER=mosquitto</c>: the cells run against Debian's mosquitto instead (a calibration of
    /// the checks themselves; nothing is recorded in the matrix).
    /// </summary>
    public static bool AgainstMosquitto => Environment.GetEnvironmentVariable("CAPTEUR_INTEROP_CLIENTS_BROKER") == "mosquitto";

    /// <summary>A topic of this client's own: <c>interop/SLUG/SUFFIX</c>.</summary>
    public string Topic(string suffix) => $"interop/{Peer.Slug}/{suffix}";

    /// <summary>A client id of this client's own: <c>SLUG-ROLE</c>.</summary>
    public string ClientId(string role) => $"{Peer.Slug}-{role}";

    /// <summary>Starts a client and waits for its CONNACK and (unless it resumes a session) its SUBACK.</summary>
    public async Task<StartedClient> StartAsync(string label, ClientSpec spec)
    {
        ClientTranscript transcript = Track(label);
        IRunningClient client = await Peer.StartAsync(transcript, spec, Port);
        lock (_clients)
        {
            _clients.Add(client);
        }

        Connected connected = await transcript.WaitAsync<Connected>(_ => true, "CONNACK");
        Subscribed? subscribed = spec.ResumeSession || spec.Subscriptions.Count == 0 ? null : await transcript.WaitAsync<Subscribed>(_ => true, "SUBACK");
        return new StartedClient(client, connected, subscribed);
    }

    /// <summary>Runs a publisher to the end; one reason code per message (see <see cref="Published.Code"/>).</summary>
    public Task<IReadOnlyList<string>> PublishAsync(string label, PublishSpec spec) => Peer.PublishAsync(Track(label), spec, Port);

    /// <summary>Every client's output, then the broker's last lines: what a failing cell quotes.</summary>
    public string Evidence()
    {
        IEnumerable<string> clients;
        lock (_transcripts)
        {
            clients = [.. _transcripts.Select(t => t.Quote())];
        }

        string broker = _broker is null ? "--- mosquitto (reference) ---" : "--- capteur broker ---\n" + string.Join("\n", _broker.Lines.TakeLast(20).Select(l => "  " + l));
        return string.Join("\n", clients) + "\n" + broker;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (IRunningClient client in _clients)
        {
            await client.DisposeAsync();
        }

        _broker?.Dispose();
        _mosquitto?.Dispose();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private ClientTranscript Track(string label)
    {
        var transcript = new ClientTranscript(label, Peer.ParseLine);
        lock (_transcripts)
        {
            _transcripts.Add(transcript);
        }

        return transcript;
    }
}
