using Capteur.Node.Config;
using Capteur.Node.Filters;
using Capteur.Node.Ports;
using Capteur.Node.Sensors;

namespace Capteur.Node.Engine
{
    /// <summary>Turns a validated <see cref="NodeConfig"/> into the engine's options and sensor channels.</summary>
    public static class NodeSetup
    {
        /// <summary>
        /// How often a contact or PIR is polled: the debouncer needs to see the level well within
        /// <c>sensorN.debounce_ms</c>, so digital sensors ignore <c>sensorN.interval_ms</c> and report each change (use
        /// the <c>heartbeat(t)</c> filter to repeat the state).
        /// </summary>
        public const int DigitalPollMs = 20;

        /// <summary>The engine's options from <paramref name="config"/>.</summary>
        /// <param name="config">A config whose Validate() found nothing.</param>
        /// <param name="version">Firmware or virtual node version.</param>
        /// <param name="defaultClientId">Client id used when <c>mqtt.client_id</c> is empty (e.g. from the MAC address).</param>
        public static NodeOptions OptionsFrom(NodeConfig config, string version, string defaultClientId)
        {
            NodeOptions options = new NodeOptions();
            options.Version = version;
            options.BaseTopic = config.Get("node.topic");
            options.Json = config.Get("publish.format") == "json";
            options.Retain = config.GetBool("publish.retain");
            options.WifiSsid = config.Get("wifi.ssid");
            options.WifiPassword = config.Get("wifi.password");
            MqttHostEntry[] hosts = config.MqttHosts;
            options.Hosts = new string[hosts.Length];
            options.Ports = new int[hosts.Length];
            for (int i = 0; i < hosts.Length; i++)
            {
                options.Hosts[i] = hosts[i].Host;
                options.Ports[i] = hosts[i].Port;
            }

            string clientId = config.Get("mqtt.client_id");
            options.ClientId = clientId.Length > 0 ? clientId : defaultClientId;
            options.User = config.Get("mqtt.user");
            options.Password = config.Get("mqtt.password");
            options.Tls = config.GetBool("mqtt.tls");
            options.KeepAliveS = config.GetInt("mqtt.keepalive_s");
            options.OutboxCapacity = config.GetInt("outbox.capacity");
            options.CheckpointS = config.GetInt("outbox.checkpoint_s");
            options.InfoIntervalS = config.GetInt("node.info_s");
            options.HomeAssistant = config.GetBool("homeassistant.discovery");
            options.RebootTimeoutS = config.GetInt("node.reboot_timeout_s");
            return options;
        }

        /// <summary>
        /// One channel per configured sensor slot, its input opened through <paramref name="inputs"/>, in slot order
        /// (a reading's sensor index is its place in this array).
        /// </summary>
        public static ISensorChannel[] SensorsFrom(NodeConfig config, ISensorInputs inputs, ILog log)
        {
            SensorSettings[] settings = config.Sensors;
            string board = config.Get("node.board");
            ISensorChannel[] channels = new ISensorChannel[settings.Length];
            for (int i = 0; i < settings.Length; i++)
            {
                SensorSettings s = settings[i];
                FilterChain filters = FilterChain.Parse(s.Filters);
                SensorKind kind;
                SensorKindTable.TryParse(s.Kind, out kind);
                ISensor sensor;
                long intervalMs = s.IntervalMs;
                int decimals = s.Decimals;
                if (SensorKindTable.IsAnalog(kind))
                {
                    IAnalogInput input = inputs.OpenAnalog(s.Kind, s.Pin, BoardProfiles.Find(board).AdcChannelOf(s.Pin));
                    sensor = new AnalogSensor(input, kind, s.Oversample, TwoPointCalibration.Parse(s.Calibration), filters);
                }
                else
                {
                    sensor = new DigitalSensor(inputs.OpenDigital(s.Pin), s.DebounceMs, filters);
                    intervalMs = DigitalPollMs;
                    decimals = 0;
                }

                channels[i] = new SensorChannel(s.Name, sensor, decimals, intervalMs, log);
            }

            return channels;
        }
    }
}
