using Capteur.Node.Config;
using Capteur.Node.Engine;
using Capteur.Node.Outbox;
using Capteur.Node.Ports;
using Capteur.VirtualNode.Adapters;
using Capteur.VirtualNode.Simulation;

namespace Capteur.VirtualNode;

/// <summary>
/// One virtual node: the shared node engine, exactly as the firmware runs it, over MQTTnet, a data folder and
/// simulated sensors, on two threads (sampling and network) like the board.
/// </summary>
public sealed class VirtualNodeHost : IDisposable
{
    /// <summary>Version reported in the node's info message.</summary>
    public const string Version = "0.1.0";

    private readonly MqttNetLink _link;
    private readonly SystemClock _clock;
    private readonly CancellationTokenSource _stop = new();
    private Thread? _sampler;
    private volatile bool _samplingStopped;
    private Thread? _network;

    private VirtualNodeHost(NodeConfig config, FolderStorage storage, NodeEngine engine, ISensorChannel[] sensors, SimulatedInputs inputs, MqttNetLink link, SystemClock clock, ILog log)
    {
        _clock = clock;
        Sensors = sensors;
        Config = config;
        Storage = storage;
        Engine = engine;
        Inputs = inputs;
        _link = link;
        Log = log;
    }

    /// <summary>The config the node runs on.</summary>
    public NodeConfig Config { get; }

    /// <summary>The node's data folder (outbox, config).</summary>
    public FolderStorage Storage { get; }

    /// <summary>The engine.</summary>
    public NodeEngine Engine { get; }

    /// <summary>The sensor channels, as the engine samples them.</summary>
    public ISensorChannel[] Sensors { get; }

    /// <summary>The broker list, as <c>host:port,...</c>.</summary>
    public string Brokers => string.Join(",", Config.MqttHosts.Select(h => $"{h.Host}:{h.Port}"));

    /// <summary>The simulated sensors.</summary>
    public SimulatedInputs Inputs { get; }

    /// <summary>The node's log.</summary>
    public ILog Log { get; }

    /// <summary>
    /// Builds a node from <paramref name="config"/> (already validated) over <paramref name="dataFolder"/>, reloading
    /// the outbox a previous run left there.
    /// </summary>
    public static VirtualNodeHost Create(NodeConfig config, string dataFolder, ILog log, int seed)
    {
        string[] problems = config.Validate();
        if (problems.Length > 0)
        {
            throw new ArgumentException("the node's config is not valid:" + Environment.NewLine + "  " + string.Join(Environment.NewLine + "  ", problems));
        }

        var storage = new FolderStorage(dataFolder);
        var clock = new SystemClock();
        NodeOptions options = NodeSetup.OptionsFrom(config, Version, "capteur-" + config.Get("node.topic").Replace('/', '-'));
        var inputs = new SimulatedInputs(clock, seed);
        ISensorChannel[] sensors = NodeSetup.SensorsFrom(config, inputs, log);
        var journal = new OutboxJournal(storage, log, options.CheckpointS, 4096);
        ReadingOutbox outbox = journal.Load(options.OutboxCapacity, options.Window);
        var link = new MqttNetLink();
        var engine = new NodeEngine(options, clock, null, link, journal, outbox, sensors, new ProcessStatus(), log, (uint)seed);
        log.Write(LogLevel.Info, $"node {options.BaseTopic}: {sensors.Length} sensors, broker {string.Join(",", options.Hosts.Zip(options.Ports, (h, p) => $"{h}:{p}"))}, "
            + $"{outbox.Count} readings waiting from before, next seq {outbox.NextSeq}, data in {storage.Folder}");
        return new VirtualNodeHost(config, storage, engine, sensors, inputs, link, clock, log);
    }

    /// <summary>Starts sampling and the network on their own threads.</summary>
    public void Start()
    {
        _sampler = new Thread(SampleLoop) { IsBackground = true, Name = "sampling " + Engine.StatusTopic };
        _network = new Thread(NetworkLoop) { IsBackground = true, Name = "network " + Engine.StatusTopic };
        _sampler.Start();
        _network.Start();
    }

    /// <summary>Stops taking readings; the network side goes on draining the outbox.</summary>
    public void StopSampling() => _samplingStopped = true;

    /// <summary>
    /// Stops sampling and waits until the outbox is empty (every reading acknowledged by the broker), at most
    /// <paramref name="timeout"/>; true when it drained.
    /// </summary>
    public bool Drain(TimeSpan timeout)
    {
        StopSampling();
        DateTime deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            lock (Engine.SyncRoot)
            {
                if (Engine.Outbox.Count == 0)
                {
                    return true;
                }
            }

            Thread.Sleep(10);
        }

        return false;
    }

    /// <summary>Stops cleanly: writes the outbox, publishes <c>offline</c> and disconnects.</summary>
    public void Stop()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }

        _stop.Cancel();
        Engine.Activity.Set();
        _sampler?.Join();
        _network?.Join();
        Engine.Stop();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Stop();
        _link.Dispose();
        _stop.Dispose();
    }

    private void SampleLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            if (!_samplingStopped)
            {
                Engine.SampleTick();
            }

            long wait = Engine.NextSampleDueMs() - _clock.UptimeMs;
            _stop.Token.WaitHandle.WaitOne((int)Math.Clamp(wait, 1, 200));
        }
    }

    private void NetworkLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            Engine.NetworkTick();
            Engine.Activity.WaitOne(50);
        }
    }
}
