using System.Text;
using Capteur.Node.Config;
using Capteur.Node.Engine;
using Capteur.Node.Ports;

namespace Capteur.Node.Shell
{
    /// <summary>
    /// The console's view of the node, the same for the firmware and the virtual node: status from the engine,
    /// sensors read through their channels, a test publish through the engine's link. A saved config takes effect
    /// by restarting the node on it (new broker, topic, sensors); the console itself (its mode, its session) lives
    /// on, and the restarted node is attached to it with <see cref="Attach"/>. Without an engine (the stored config
    /// has problems) the console still works, to fix them.
    /// </summary>
    public sealed class NodeShellHost : IShellHost
    {
        private readonly IWifi _wifi;
        private readonly ISystemStatus _system;
        private readonly IClock _clock;
        private readonly INodeRestart _restart;
        private readonly string _version;
        private NodeEngine _engine;
        private ISensorChannel[] _sensors = new ISensorChannel[0];
        private string _broker = "";
        private bool _restartPending;

        /// <summary>A host with no node attached yet.</summary>
        public NodeShellHost(IWifi wifi, ISystemStatus system, IClock clock, INodeRestart restart, string version)
        {
            _wifi = wifi;
            _system = system;
            _clock = clock;
            _restart = restart;
            _version = version;
        }

        /// <summary>
        /// The node the console now speaks for: its engine (null when the stored config has problems), its sensors and
        /// its broker list as text.
        /// </summary>
        public void Attach(NodeEngine engine, ISensorChannel[] sensors, string broker)
        {
            _engine = engine;
            _sensors = sensors == null ? new ISensorChannel[0] : sensors;
            _broker = broker;
            _restartPending = false;
        }

        /// <inheritdoc />
        public ShellStatus Status()
        {
            NodeEngine engine = _engine;
            ShellStatus status = new ShellStatus();
            status.Version = _version;
            status.UptimeMs = _clock.UptimeMs;
            status.FreeMemoryBytes = _system == null ? 0 : _system.FreeMemoryBytes;
            status.Broker = _broker;
            if (_wifi != null)
            {
                status.WifiConnected = _wifi.IsConnected;
                status.IpAddress = _wifi.IpAddress;
                status.RssiDbm = _wifi.Rssi;
            }

            if (engine == null)
            {
                status.State = "stopped (the config has problems: fix them and save)";
                return status;
            }

            status.State = NodeStateNames.Of(engine.State);
            status.MqttConnected = engine.State == NodeState.Online;
            lock (engine.SyncRoot)
            {
                status.OutboxDepth = engine.Outbox.Count;
                status.OutboxCapacity = engine.Outbox.Capacity;
                status.Dropped = engine.Outbox.Dropped;
                status.Resent = engine.Outbox.Resent;
                status.OldestAgeMs = engine.OldestQueuedAgeMs();
            }

            return status;
        }

        /// <inheritdoc />
        public ShellReading[] ReadSensorsNow()
        {
            ISensorChannel[] sensors = _sensors;
            ShellReading[] readings = new ShellReading[sensors.Length];
            long now = _clock.UptimeMs;
            for (int i = 0; i < sensors.Length; i++)
            {
                ShellReading reading = new ShellReading();
                reading.Name = sensors[i].Name;
                reading.Decimals = sensors[i].Decimals;
                byte[] unit = sensors[i].UnitUtf8;
                reading.Unit = Encoding.UTF8.GetString(unit, 0, unit.Length);
                double value;
                if (sensors[i].TrySample(now, out value))
                {
                    reading.Value = value;
                }
                else
                {
                    reading.Error = "no value this time (a filter held it back, or the input failed: see the log)";
                }

                readings[i] = reading;
            }

            return readings;
        }

        /// <inheritdoc />
        public ShellWifiNetwork[] ScanWifi()
        {
            if (_wifi == null)
            {
                return new ShellWifiNetwork[0];
            }

            string[] ssids = new string[16];
            int[] rssi = new int[16];
            int found = _wifi.Scan(ssids, rssi, 10000);
            ShellWifiNetwork[] networks = new ShellWifiNetwork[found];
            for (int i = 0; i < found; i++)
            {
                networks[i] = new ShellWifiNetwork();
                networks[i].Ssid = ssids[i];
                networks[i].RssiDbm = rssi[i];
            }

            return networks;
        }

        /// <inheritdoc />
        public bool PublishTest(out string message)
        {
            NodeEngine engine = _engine;
            if (engine == null || engine.State != NodeState.Online)
            {
                message = "not connected to the broker (see status)";
                return false;
            }

            string topic = engine.TestTopic;
            if (engine.PublishTest())
            {
                message = "published to " + topic;
                return true;
            }

            message = "the broker connection did not take the message to " + topic + " (see status)";
            return false;
        }

        /// <inheritdoc />
        public void RequestReboot()
        {
            _restart.Restart("reboot asked on the console");
        }

        /// <inheritdoc />
        public void ConfigSaved(NodeConfig config)
        {
            if (_restartPending)
            {
                return;
            }

            _restartPending = true;
            _restart.Restart("config saved on the console");
        }
    }
}
