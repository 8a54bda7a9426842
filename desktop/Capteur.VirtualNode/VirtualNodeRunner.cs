using Capteur.Node.Config;
using Capteur.Node.Ports;
using Capteur.Node.Shell;
using Capteur.VirtualNode.Adapters;

namespace Capteur.VirtualNode;

/// <summary>
/// A virtual node's life as `capteur node` runs it: the node built from its config, optionally the serial console
/// (the firmware's own shell) on a line, and a restart on the stored config whenever the console saves one (the new
/// broker, topic and sensors take effect) or asks for a reboot. Command-line overrides apply to the first start only:
/// after a save the stored config is what runs.
/// </summary>
public sealed class VirtualNodeRunner : INodeRestart, IDisposable
{
    private readonly string _dataFolder;
    private readonly string? _configFile;
    private readonly string _defaultTopic;
    private readonly List<KeyValuePair<string, string>> _overrides;
    private readonly Func<string, ILog> _logFor;
    private readonly int _seed;
    private readonly ISerialLine? _consoleLine;
    private readonly SystemClock _clock = new();
    private readonly AutoResetEvent _restartAsked = new(false);
    private readonly FolderStorage _storage;

    // The console's thread (set, save, factory-reset) and the restart (which loads, and re-saves, the stored config)
    // both go through capteur.cfg and its one temp file: unserialized, a load that settles the temp file of a save
    // under way makes that save's final move fail with no file left, and the next start writes the defaults.
    private readonly object _configLock = new();
    private NodeShellHost? _shellHost;
    private ShellSession? _session;
    private Thread? _consoleThread;
    private volatile bool _stopping;

    /// <summary>A runner; nothing starts before <see cref="Start"/>.</summary>
    /// <param name="dataFolder">The node's data folder (outbox, capteur.cfg).</param>
    /// <param name="configFile">A config file to use instead of the data folder's (not with a console).</param>
    /// <param name="defaultTopic">Topic of a config created on first run.</param>
    /// <param name="overrides">KEY=VALUE settings for the first start.</param>
    /// <param name="consoleLine">Where to serve the console, or null for none.</param>
    /// <param name="logFor">The log of a node, by its topic.</param>
    /// <param name="seed">Seed of the simulated sensors.</param>
    public VirtualNodeRunner(string dataFolder, string? configFile, string defaultTopic, IEnumerable<KeyValuePair<string, string>> overrides,
        ISerialLine? consoleLine, Func<string, ILog> logFor, int seed)
    {
        if (configFile is not null && consoleLine is not null)
        {
            throw new ArgumentException("--config and --console do not go together: the console edits and saves DATA/capteur.cfg (give --data instead)");
        }

        _dataFolder = dataFolder;
        _configFile = configFile;
        _defaultTopic = defaultTopic;
        _overrides = [.. overrides];
        _logFor = logFor;
        _seed = seed;
        _consoleLine = consoleLine;
        _storage = new FolderStorage(dataFolder);
    }

    /// <summary>The node running now, or null while its stored config has problems (only the console runs then).</summary>
    public VirtualNodeHost? Node { get; private set; }

    /// <summary>Times the node was restarted (a console save or reboot).</summary>
    public int Restarts { get; private set; }

    /// <summary>
    /// Builds and starts the node, and the console when there is one. Returns the config's problems: without a
    /// console they mean nothing started; with one, the console runs so they can be fixed.
    /// </summary>
    public List<string> Start()
    {
        List<string> problems = StartNode(_overrides);
        if (_consoleLine is not null)
        {
            NodeConfig stored;
            lock (_configLock)
            {
                (stored, _) = VirtualNodeConfig.Load(_dataFolder, null, _defaultTopic, []);
            }

            _shellHost = new NodeShellHost(null, new ProcessStatus(), _clock, this, VirtualNodeHost.Version);
            _shellHost.Attach(Node?.Engine, Node?.Sensors, Node?.Brokers ?? "");
            _session = new ShellSession(_consoleLine, new ShellInterpreter(stored, _storage, _shellHost));
            _session.Start();
            foreach (string problem in problems)
            {
                byte[] line = System.Text.Encoding.UTF8.GetBytes("config: " + problem + "\r\n");
                _consoleLine.Write(line, 0, line.Length);
            }

            _consoleThread = new Thread(ConsoleLoop) { IsBackground = true, Name = "console" };
            _consoleThread.Start();
        }

        return problems;
    }

    /// <summary>Runs until <paramref name="stop"/>, restarting the node when the console asks; then stops it cleanly.</summary>
    public void Run(CancellationToken stop)
    {
        while (true)
        {
            int which = WaitHandle.WaitAny([stop.WaitHandle, _restartAsked]);
            if (which == 0)
            {
                break;
            }

            Restarts++;
            StopNode(drain: false);
            StartNode([]);
            _shellHost?.Attach(Node?.Engine, Node?.Sensors, Node?.Brokers ?? "");
        }

        StopNode(drain: true);
    }

    /// <inheritdoc />
    public void Restart(string why)
    {
        _logFor(Node?.Config.Get("node.topic") ?? _defaultTopic).Write(LogLevel.Info, $"restarting: {why}");
        _restartAsked.Set();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _stopping = true;
        Node?.Dispose();
        _restartAsked.Dispose();
    }

    private List<string> StartNode(IEnumerable<KeyValuePair<string, string>> overrides)
    {
        NodeConfig config;
        List<string> problems;
        lock (_configLock)
        {
            (config, problems) = VirtualNodeConfig.Load(_dataFolder, _configFile, _defaultTopic, overrides);
        }

        if (problems.Count > 0)
        {
            Node = null;
            return problems;
        }

        string topic = config.Get("node.topic");
        Node = VirtualNodeHost.Create(config, _dataFolder, _logFor(topic), _seed);
        Node.Start();
        return problems;
    }

    private void StopNode(bool drain)
    {
        VirtualNodeHost? node = Node;
        if (node is null)
        {
            return;
        }

        if (drain)
        {
            node.Drain(TimeSpan.FromSeconds(5));
        }

        node.Dispose();
        long queued;
        long next;
        lock (node.Engine.SyncRoot)
        {
            queued = node.Engine.Outbox.Count;
            next = node.Engine.Outbox.NextSeq;
        }

        node.Log.Write(LogLevel.Info, $"stopped: next seq {next}, {queued} readings queued on disk for the next start");
    }

    private void ConsoleLoop()
    {
        var buffer = new byte[256];
        while (!_stopping)
        {
            int count = _consoleLine!.Read(buffer, 0, buffer.Length);
            if (count <= 0)
            {
                // the line is closed (the other end of the pty went away): wait for it to come back
                Thread.Sleep(200);
                continue;
            }

            lock (_configLock)
            {
                _session!.Feed(buffer, 0, count);
            }
        }
    }
}
