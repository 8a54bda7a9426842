using System;
using System.Net.NetworkInformation;
using System.Threading;
using Capteur.Firmware.Adapters;
using Capteur.Node.Config;
using Capteur.Node.Engine;
using Capteur.Node.Outbox;
using Capteur.Node.Ports;
using Capteur.Node.Shell;
using nanoFramework.Runtime.Native;

namespace Capteur.Firmware
{
    /// <summary>
    /// The node's life on the board, as <c>VirtualNodeRunner</c> runs it on a desktop: the node built from the config
    /// stored on flash (sampling on its own thread, the network on the caller's), restarted in place on the stored
    /// config when the console saves one or asks for a reboot, and rebooted by <see cref="Power.RebootDevice"/> when
    /// it has been without the broker for <c>node.reboot_timeout_s</c>. While the stored config has problems only the
    /// console runs, so they can be fixed.
    /// <para>
    /// Why in place rather than a hardware reboot after a save: the new broker and topic take effect in a second
    /// instead of a full boot and Wi-Fi join, the console session (its json mode, its terminal) lives on, and the
    /// virtual ESP32 (where <see cref="Power.RebootDevice"/> ends the host process) shows the same behaviour as the
    /// board. The old node is stopped first (sampling thread joined, outbox written, <c>offline</c> said, pins
    /// released); when the rebuild itself throws (a pin the runtime will not open again, memory), the board reboots,
    /// which always starts clean.
    /// </para>
    /// </summary>
    internal sealed class NodeRunner : INodeRestart
    {
        private readonly FlashStorage _storage;
        private readonly NanoClock _clock;
        private readonly WifiStation _wifi;
        private readonly NanoSystemStatus _system;
        private readonly ConsoleLog _log;
        private readonly string _version;
        private readonly AutoResetEvent _wake = new AutoResetEvent(false);

        private NodeShellHost _shellHost;
        private NodeEngine _engine;
        private ISensorChannel[] _sensors = new ISensorChannel[0];
        private PinInputs _inputs;
        private string _brokers = "";
        private RebootSupervisor _supervisor;
        private Thread _sampler;
        // Flags between threads without 'volatile': nanoFramework's mscorlib has no IsVolatile modifier, and the
        // interpreter reads fields from memory on every access.
        private bool _stopSampling;
        private bool _restartAsked;
        private string _restartWhy = "";

        /// <summary>
        /// Held by the console while it handles input (a save writes capteur.cfg and its temp file) and by a restart
        /// while it loads the config: a load must not settle the temp file of a save under way.
        /// </summary>
        public readonly object ConfigLock = new object();

        /// <summary>A runner over the board's adapters; nothing starts before <see cref="StartNode"/>.</summary>
        public NodeRunner(FlashStorage storage, NanoClock clock, WifiStation wifi, NanoSystemStatus system, ConsoleLog log, string version)
        {
            _storage = storage;
            _clock = clock;
            _wifi = wifi;
            _system = system;
            _log = log;
            _version = version;
        }

        /// <summary>The running node's engine, or null while the stored config has problems.</summary>
        public NodeEngine Engine
        {
            get { return _engine; }
        }

        /// <summary>Times the node was restarted in place (console save or reboot).</summary>
        public int Restarts { get; private set; }

        /// <summary>The console's host, told about each node this runner starts.</summary>
        public void AttachConsole(NodeShellHost host)
        {
            _shellHost = host;
            host.Attach(_engine, _sensors, _brokers);
        }

        /// <summary>
        /// Loads the stored config, prints it (secrets masked) and starts the node on it; returns the config's
        /// problems (none: the node runs; some: it does not, and they are logged).
        /// </summary>
        public string[] StartNode(ConfigLoadResult loaded)
        {
            PrintConfig(loaded.Config);
            string[] problems = ProblemsOf(loaded);
            for (int i = 0; i < problems.Length; i++)
            {
                _log.Write(LogLevel.Error, "config: " + problems[i]);
            }

            if (problems.Length > 0)
            {
                _log.Write(LogLevel.Error, "the node does not start on this config: fix it over the serial console (COM2) and save");
                return problems;
            }

            NodeConfig config = loaded.Config;
            NodeOptions options = NodeSetup.OptionsFrom(config, _version, DefaultClientId());
            _inputs = new PinInputs();
            ISensorChannel[] sensors = NodeSetup.SensorsFrom(config, _inputs, _log);
            OutboxJournal journal = new OutboxJournal(_storage, _log, options.CheckpointS, 1024);
            ReadingOutbox outbox = journal.Load(options.OutboxCapacity, options.Window);
            NodeEngine engine = new NodeEngine(options, _clock, _wifi, new M2MqttLink(), journal, outbox, sensors, _system, _log,
                (uint)_clock.UptimeMs ^ (uint)DateTime.UtcNow.Ticks);
            _brokers = config.Get("mqtt.host");
            _sensors = sensors;
            _supervisor = new RebootSupervisor(options.RebootTimeoutS, _clock.UptimeMs);
            _engine = engine;
            _stopSampling = false;
            _sampler = new Thread(SampleLoop);
            _sampler.Start();
            _log.Write(LogLevel.Info, "node " + options.BaseTopic + ": " + sensors.Length.ToString() + " sensors, broker " + _brokers + ", "
                + outbox.Count.ToString() + " readings waiting from before the restart, next seq " + outbox.NextSeq.ToString()
                + ", free memory " + _system.FreeMemoryBytes.ToString() + " bytes");
            return problems;
        }

        /// <summary>
        /// Runs the network side forever on the calling thread: engine steps, the reboot supervisor, and in-place
        /// restarts when the console asks.
        /// </summary>
        public void Run()
        {
            while (true)
            {
                if (_restartAsked)
                {
                    RestartInPlace();
                    continue;
                }

                NodeEngine engine = _engine;
                if (engine == null)
                {
                    // console-only mode: nothing to drive until a save
                    _wake.WaitOne(1000, false);
                    continue;
                }

                engine.NetworkTick();
                if (_supervisor.IsDue(engine.State == NodeState.Online, _clock.UptimeMs))
                {
                    Reboot(_supervisor.Reason(_clock.UptimeMs));
                }

                engine.Activity.WaitOne(50, false);
            }
        }

        /// <inheritdoc />
        public void Restart(string why)
        {
            _restartWhy = why;
            _restartAsked = true;
            NodeEngine engine = _engine;
            if (engine != null)
            {
                engine.Activity.Set();
            }

            _wake.Set();
        }

        private void RestartInPlace()
        {
            _restartAsked = false;
            Restarts++;
            _log.Write(LogLevel.Info, "restarting: " + _restartWhy);
            try
            {
                StopNode();
                ConfigLoadResult loaded;
                lock (ConfigLock)
                {
                    loaded = ConfigStore.Load(_storage);
                }

                StartNode(loaded);
            }
            catch (Exception e)
            {
                Reboot("the node could not be rebuilt in place (" + e.Message + "): rebooting");
            }

            if (_shellHost != null)
            {
                _shellHost.Attach(_engine, _sensors, _brokers);
            }
        }

        private void StopNode()
        {
            NodeEngine engine = _engine;
            if (engine == null)
            {
                return;
            }

            _stopSampling = true;
            _sampler.Join();
            engine.Stop();
            _inputs.Close();
            _engine = null;
            _sensors = new ISensorChannel[0];
            long queued;
            long next;
            lock (engine.SyncRoot)
            {
                queued = engine.Outbox.Count;
                next = engine.Outbox.NextSeq;
            }

            _log.Write(LogLevel.Info, "stopped: next seq " + next.ToString() + ", " + queued.ToString() + " readings queued on flash for the next start");
        }

        private void Reboot(string why)
        {
            _log.Write(LogLevel.Warning, why);
            try
            {
                StopNode();
            }
            catch (Exception)
            {
                // the reboot matters more than a clean stop; the journal's last checkpoint is on flash
            }

            // On the virtual ESP32 this ends the host process (a board that does not come back on its own).
            Power.RebootDevice();
            Thread.Sleep(Timeout.Infinite);
        }

        // Sampling never waits on the network: it has its own thread and takes only the outbox lock.
        private void SampleLoop()
        {
            NodeEngine engine = _engine;
            while (!_stopSampling)
            {
                engine.SampleTick();
                long wait = engine.NextSampleDueMs() - _clock.UptimeMs;
                Thread.Sleep(wait < 5 ? 5 : (wait > 200 ? 200 : (int)wait));
            }
        }

        // "capteur-" and the last three bytes of the MAC address, unique per board, stable across flashes.
        private static string DefaultClientId()
        {
            NetworkInterface[] interfaces = NetworkInterface.GetAllNetworkInterfaces();
            byte[] mac = interfaces.Length > 0 ? interfaces[0].PhysicalAddress : null;
            if (mac == null || mac.Length < 3)
            {
                return "capteur";
            }

            return "capteur-" + mac[mac.Length - 3].ToString("x2") + mac[mac.Length - 2].ToString("x2") + mac[mac.Length - 1].ToString("x2");
        }

        private static string[] ProblemsOf(ConfigLoadResult loaded)
        {
            string[] invalid = loaded.Config.Validate();
            int extra = loaded.Config.Get("wifi.ssid").Length == 0 ? 1 : 0;
            int errors = loaded.Errors == null ? 0 : loaded.Errors.Length;
            string[] problems = new string[errors + invalid.Length + extra];
            int at = 0;
            for (int i = 0; i < errors; i++)
            {
                problems[at++] = ConfigStore.FileName + " " + loaded.Errors[i].ToString();
            }

            for (int i = 0; i < invalid.Length; i++)
            {
                problems[at++] = invalid[i];
            }

            if (extra > 0)
            {
                problems[at] = "wifi.ssid is not set (set wifi.ssid NAME and wifi.password SECRET)";
            }

            return problems;
        }

        // Like esphome's dump_config: every key as the node will use it, secrets masked.
        private static void PrintConfig(NodeConfig config)
        {
            foreach (ConfigKey key in ConfigSchema.Keys)
            {
                if (key.Slot > 0 && !config.IsSlotUsed(key.Slot))
                {
                    continue;
                }

                Console.WriteLine("  " + key.Name + " = " + config.Display(key.Name));
            }
        }
    }
}
