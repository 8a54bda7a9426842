using System;
using System.Text;
using System.Threading;
using Capteur.Node.Mqtt;
using Capteur.Node.Outbox;
using Capteur.Node.Ports;
using Capteur.Node.Text;

namespace Capteur.Node.Engine
{
    /// <summary>
    /// The node's life, the same on a board and in a virtual node: sensors sampled on schedule into the outbox, and
    /// one explicit state machine (Wi-Fi, MQTT, online, backoff) that drains the outbox while online.
    /// <para>
    /// Two steps, meant for two threads: <see cref="SampleTick"/> samples (it never waits on the network: it takes
    /// only the outbox lock, which no network call holds), <see cref="NetworkTick"/> connects and publishes (its
    /// connect calls may block). Tests call both from one thread with a fake clock.
    /// </para>
    /// <para>
    /// Failure policy: a sensor that yields nothing is skipped this time; a value that cannot be published (not a
    /// number, or too large for its decimals) is counted in <see cref="Rejected"/> and logged; a full outbox drops its
    /// oldest reading, counted and logged (first drop, then every 100th); a publish the broker refuses is retried
    /// after a pause that doubles up to the backoff cap; an acknowledgement that never comes is given up after
    /// <see cref="AckTimeoutMs"/> and the reading sent again, on a new connection when the broker has acknowledged
    /// nothing at all for that long (a hung broker or a dead path that TCP has not noticed: the node reconnects,
    /// moving down its broker list when the broker does not answer). Readings are never published with a time before
    /// 2024 (an unset clock): they wait, with their boot-relative time, until the clock is known.
    /// </para>
    /// </summary>
    public sealed class NodeEngine : IMqttLinkListener
    {
        /// <summary>A wall clock before 2024-01-01 (unix ms) was never set.</summary>
        public const long ClockValidFromMs = 1704067200000;

        /// <summary>How long a published reading waits for its acknowledgement before it is sent again.</summary>
        public const long AckTimeoutMs = 30000;

        private const long EpochTicks = 621355968000000000;
        private static readonly int[] PowersOfTen = { 1, 10, 100, 1000, 10000, 100000, 1000000, 10000000 };

        private readonly NodeOptions _options;
        private readonly IClock _clock;
        private readonly IWifi _wifi;
        private readonly IMqttLink _link;
        private readonly OutboxJournal _journal;
        private readonly ReadingOutbox _outbox;
        private readonly ISensorChannel[] _sensors;
        private readonly ILog _log;
        private readonly ISystemStatus _system;
        private readonly Backoff _backoff;
        private readonly LinkEventQueue _events;
        private readonly object _sync = new object();
        private readonly AutoResetEvent _activity = new AutoResetEvent(false);

        private readonly string[] _readingTopics;
        private readonly long[] _nextSampleMs;
        private readonly byte[] _payload = new byte[PayloadFormatter.MaxJsonLength];
        private readonly byte[] _statusOnline = Encoding.UTF8.GetBytes(MqttTopics.Online);
        private readonly byte[] _statusOffline = Encoding.UTF8.GetBytes(MqttTopics.Offline);

        private NodeState _state;
        private long _retryAtMs;
        private int _hostIndex;
        private long _bootWallMs = -1;
        private long _nextInfoMs;
        private long _drainPausedUntilMs;
        private int _refusals;
        private long _lastAnswerMs;

        /// <summary>An engine over its ports; it registers itself as the link's listener.</summary>
        public NodeEngine(NodeOptions options, IClock clock, IWifi wifi, IMqttLink link, OutboxJournal journal,
            ReadingOutbox outbox, ISensorChannel[] sensors, ISystemStatus system, ILog log, uint seed)
        {
            _options = options;
            _clock = clock;
            _wifi = options.WifiSsid.Length > 0 ? wifi : null;
            _link = link;
            _journal = journal;
            _outbox = outbox;
            _sensors = sensors;
            _system = system;
            _log = log;
            _backoff = new Backoff(options.BackoffMinMs, options.BackoffMaxMs, seed);
            _events = new LinkEventQueue(2 * outbox.Window + 8);
            _readingTopics = new string[sensors.Length];
            _nextSampleMs = new long[sensors.Length];
            long now = clock.UptimeMs;
            for (int i = 0; i < sensors.Length; i++)
            {
                _readingTopics[i] = MqttTopics.Reading(options.BaseTopic, sensors[i].Name);
                _nextSampleMs[i] = now;
            }

            StatusTopic = MqttTopics.Status(options.BaseTopic);
            InfoTopic = MqttTopics.Info(options.BaseTopic);
            _state = _wifi != null ? NodeState.WifiConnecting : NodeState.MqttConnecting;
            link.SetListener(this);
        }

        /// <summary>Where the connection stands.</summary>
        public NodeState State
        {
            get { return _state; }
        }

        /// <summary>The availability topic (retained <c>online</c> / <c>offline</c>).</summary>
        public string StatusTopic { get; private set; }

        /// <summary>The info topic.</summary>
        public string InfoTopic { get; private set; }

        /// <summary>Where the console's <c>publish test</c> goes (<c>&lt;node.topic&gt;/test</c>).</summary>
        public string TestTopic
        {
            get { return _options.BaseTopic + "/test"; }
        }

        /// <summary>The outbox (lock <see cref="SyncRoot"/> to read it from another thread).</summary>
        public ReadingOutbox Outbox
        {
            get { return _outbox; }
        }

        /// <summary>The lock that guards the outbox and the journal.</summary>
        public object SyncRoot
        {
            get { return _sync; }
        }

        /// <summary>
        /// Set when there is network work: a reading queued, an acknowledgement or a loss reported. A network thread
        /// waits on it between steps (with a timeout, for backoff and timers) instead of polling.
        /// </summary>
        public AutoResetEvent Activity
        {
            get { return _activity; }
        }

        /// <summary>Readings sampled and queued.</summary>
        public long Sampled { get; private set; }

        /// <summary>Values that could not be published (not a number, too large) and were skipped.</summary>
        public long Rejected { get; private set; }

        /// <summary>Successful MQTT connections.</summary>
        public int Connections { get; private set; }

        /// <summary>When the next reconnect attempt is due (uptime ms), while in <see cref="NodeState.Backoff"/>.</summary>
        public long RetryAtMs
        {
            get { return _retryAtMs; }
        }

        /// <summary>Index into the broker list of the broker in use or tried next.</summary>
        public int HostIndex
        {
            get { return _hostIndex; }
        }

        /// <summary>Samples every sensor that is due. Call often; it never waits on the network.</summary>
        public void SampleTick()
        {
            long now = _clock.UptimeMs;
            for (int i = 0; i < _sensors.Length; i++)
            {
                if (now < _nextSampleMs[i])
                {
                    continue;
                }

                _nextSampleMs[i] += _sensors[i].IntervalMs;
                if (_nextSampleMs[i] <= now)
                {
                    // late (a long flash write, a slow sensor): keep the period, skip the missed slots
                    _nextSampleMs[i] = now + _sensors[i].IntervalMs;
                }

                double value;
                if (_sensors[i].TrySample(now, out value))
                {
                    Record(i, value, now);
                }
            }
        }

        /// <summary>Uptime at which the next sensor is due.</summary>
        public long NextSampleDueMs()
        {
            long due = long.MaxValue;
            for (int i = 0; i < _nextSampleMs.Length; i++)
            {
                if (_nextSampleMs[i] < due)
                {
                    due = _nextSampleMs[i];
                }
            }

            return due;
        }

        /// <summary>Queues one reading of sensor <paramref name="sensor"/>, taken at uptime <paramref name="nowMs"/>.</summary>
        public void Record(int sensor, double value, long nowMs)
        {
            int decimals = _sensors[sensor].Decimals;
            double scaled = value * PowersOfTen[decimals];
            if (double.IsNaN(scaled) || scaled > int.MaxValue - 1 || scaled < int.MinValue + 1)
            {
                Rejected++;
                _log.Write(LogLevel.Warning, "sensor " + _sensors[sensor].Name + ": value cannot be published (not a number or too large); skipped");
                return;
            }

            // round half away from zero, as the payload's fixed-point text does
            int scaledValue = (int)(scaled < 0 ? scaled - 0.5 : scaled + 0.5);
            long wall = WallMs();
            lock (_sync)
            {
                if (wall >= 0 && _bootWallMs < 0)
                {
                    ClockBecameKnown(wall, nowMs);
                }

                long dropped = _outbox.Dropped;
                _outbox.Add(sensor, scaledValue, decimals, wall >= 0 ? wall : nowMs, wall < 0);
                _journal.Added(_outbox, _outbox.SlotAt(_outbox.Span - 1), nowMs);
                Sampled++;
                _activity.Set();
                if (_outbox.Dropped > dropped && (_outbox.Dropped == 1 || _outbox.Dropped % 100 == 0))
                {
                    _log.Write(LogLevel.Warning, "outbox full (" + _outbox.Capacity.ToString() + " readings): oldest dropped, "
                        + _outbox.Dropped.ToString() + " dropped so far");
                }
            }
        }

        /// <summary>
        /// One step of the connection state machine: handles what the link reported, connects when due, drains the
        /// outbox while online, writes the journal when due. Call often; connect calls may block.
        /// </summary>
        public void NetworkTick()
        {
            long now = _clock.UptimeMs;
            HandleLinkEvents(now);
            long wall = WallMs();
            if (wall >= 0 && _bootWallMs < 0)
            {
                lock (_sync)
                {
                    ClockBecameKnown(wall, now);
                }
            }

            switch (_state)
            {
                case NodeState.WifiConnecting:
                    if (_wifi.Connect(_options.WifiSsid, _options.WifiPassword, _options.WifiTimeoutMs))
                    {
                        _log.Write(LogLevel.Info, "wifi: connected to " + _options.WifiSsid + ", address " + _wifi.IpAddress);
                        _state = NodeState.MqttConnecting;
                    }
                    else
                    {
                        EnterBackoff(now, "wifi: could not join " + _options.WifiSsid);
                    }

                    break;

                case NodeState.MqttConnecting:
                    if (Connect(now))
                    {
                        Drain(now);
                        PublishInfoWhenDue(now);
                    }

                    break;

                case NodeState.Online:
                    if (!_link.IsConnected)
                    {
                        ConnectionLost(now);
                        break;
                    }

                    Drain(now);
                    PublishInfoWhenDue(now);
                    break;

                case NodeState.Backoff:
                    if (now >= _retryAtMs)
                    {
                        _state = _wifi != null && !_wifi.IsConnected ? NodeState.WifiConnecting : NodeState.MqttConnecting;
                    }

                    break;
            }

            lock (_sync)
            {
                _journal.Tick(_outbox, now);
            }
        }

        /// <summary>
        /// Age of the oldest reading still queued, in milliseconds, or -1 when the outbox is empty. Caller holds
        /// <see cref="SyncRoot"/>.
        /// </summary>
        public long OldestQueuedAgeMs()
        {
            for (int i = 0; i < _outbox.Span; i++)
            {
                int slot = _outbox.SlotAt(i);
                if (_outbox.IsLive(slot))
                {
                    long time = _outbox.TimeOf(slot);
                    long wall = WallMs();
                    return _outbox.IsUptimeAt(slot) ? _clock.UptimeMs - time : (wall < 0 ? 0 : wall - time);
                }
            }

            return -1;
        }

        /// <summary>
        /// Publishes <c>{"test":true,"uptime_s":N}</c> on <see cref="TestTopic"/> at QoS 1, beside the outbox (the
        /// console's <c>publish test</c>). True when the link took it.
        /// </summary>
        public bool PublishTest()
        {
            byte[] payload = Encoding.UTF8.GetBytes("{\"test\":true,\"uptime_s\":" + (_clock.UptimeMs / 1000).ToString() + "}");
            return _state == NodeState.Online && _link.Publish(TestTopic, payload, 0, payload.Length, 1, false) >= 0;
        }

        /// <summary>Clean stop: writes the journal, says <c>offline</c> (retained) and disconnects.</summary>
        public void Stop()
        {
            lock (_sync)
            {
                _journal.Close(_outbox, _clock.UptimeMs);
            }

            if (_state == NodeState.Online && _link.IsConnected)
            {
                _link.Publish(StatusTopic, _statusOffline, 0, _statusOffline.Length, 1, true);
                _link.Disconnect();
            }
        }

        /// <inheritdoc />
        public void OnPublished(int messageId, bool acknowledged)
        {
            _events.Published(messageId, acknowledged);
            _activity.Set();
        }

        /// <inheritdoc />
        public void OnConnectionLost()
        {
            _events.Lost();
            _activity.Set();
        }

        private bool Connect(long now)
        {
            if (_wifi != null && !_wifi.IsConnected)
            {
                _state = NodeState.WifiConnecting;
                return false;
            }

            MqttConnectOptions connect = new MqttConnectOptions();
            connect.Host = _options.Hosts[_hostIndex];
            connect.Port = _options.Ports[_hostIndex];
            connect.Tls = _options.Tls;
            connect.ClientId = _options.ClientId;
            connect.User = _options.User;
            connect.Password = _options.Password;
            connect.KeepAliveS = _options.KeepAliveS;
            connect.CleanSession = true;
            connect.WillTopic = StatusTopic;
            connect.WillMessage = MqttTopics.Offline;
            connect.WillRetain = true;
            connect.WillQos = 1;
            string where = connect.Host + ":" + connect.Port.ToString();
            int code = _link.Connect(connect);
            if (code != 0)
            {
                _hostIndex = (_hostIndex + 1) % _options.Hosts.Length;
                string why = _link.LastError.Length > 0 ? " (" + _link.LastError + ")" : "";
                EnterBackoff(now, (code < 0 ? "mqtt: " + where + " unreachable" : "mqtt: " + where + " refused the connection, code " + code.ToString()) + why);
                return false;
            }

            _events.TakeLost();
            _state = NodeState.Online;
            Connections++;
            _backoff.Reset();
            _refusals = 0;
            _drainPausedUntilMs = 0;
            _lastAnswerMs = now;
            _nextInfoMs = now;
            _link.Publish(StatusTopic, _statusOnline, 0, _statusOnline.Length, 1, true);
            if (_options.HomeAssistant)
            {
                AnnounceToHomeAssistant();
            }

            _log.Write(LogLevel.Info, "mqtt: online at " + where + " as " + _options.ClientId);
            return true;
        }

        // Retained, so Home Assistant finds the sensors whenever it (re)starts; sent on each connection since a broker
        // without persistence forgets retained messages.
        private void AnnounceToHomeAssistant()
        {
            for (int i = 0; i < _sensors.Length; i++)
            {
                byte[] unit = _sensors[i].UnitUtf8;
                string unitText = Encoding.UTF8.GetString(unit, 0, unit.Length);
                byte[] payload = Encoding.UTF8.GetBytes(HomeAssistantDiscovery.ConfigPayload(_options.BaseTopic, _sensors[i].Name, unitText, _options.Json, _options.Version));
                _link.Publish(HomeAssistantDiscovery.ConfigTopic(_options.BaseTopic, _sensors[i].Name, unitText), payload, 0, payload.Length, 1, true);
            }
        }

        private void ConnectionLost(long now)
        {
            lock (_sync)
            {
                _outbox.ConnectionLost();
            }

            EnterBackoff(now, "mqtt: connection lost");
        }

        // Publishes wait for acknowledgements and none at all came for the ack timeout: the broker is hung or the path is
        // dead without TCP noticing (a publishing client sends no PINGREQ, so keepalive cannot tell). Drop the connection;
        // the readings go back to pending and the usual reconnect, down the broker list, takes over.
        private void DropSilentLink(long now)
        {
            _log.Write(LogLevel.Warning, "mqtt: " + _options.Hosts[_hostIndex] + ":" + _options.Ports[_hostIndex].ToString()
                + " acknowledged nothing for " + ((now - _lastAnswerMs) / 1000).ToString() + " s; dropping the connection");
            _link.Disconnect();
            ConnectionLost(now);
        }

        private void EnterBackoff(long now, string why)
        {
            int delay = _backoff.NextDelayMs();
            _retryAtMs = now + delay;
            _state = NodeState.Backoff;
            _log.Write(LogLevel.Warning, why + "; retry in " + delay.ToString() + " ms");
        }

        private void HandleLinkEvents(long now)
        {
            int messageId;
            bool acknowledged;
            while (_events.TryTake(out messageId, out acknowledged))
            {
                lock (_sync)
                {
                    if (acknowledged)
                    {
                        long seq = _outbox.Acknowledge(messageId);
                        if (seq >= 0)
                        {
                            // only a reading's PUBACK counts as an answer (M2Mqtt also reports the status, the info and QoS 0 publishes)
                            _journal.Acknowledged(seq, now);
                            _refusals = 0;
                            _lastAnswerMs = now;
                        }
                    }
                    else if (_outbox.Fail(messageId) && now >= _drainPausedUntilMs)
                    {
                        // the other publishes of a window given up at the same moment join this pause: one refusal,
                        // not one per publish (M2Mqtt gives up on a whole window at once)
                        _refusals++;
                        long pause = (long)_options.BackoffMinMs << (_refusals > 7 ? 7 : _refusals - 1);
                        _drainPausedUntilMs = now + (pause > _options.BackoffMaxMs ? _options.BackoffMaxMs : pause);
                        _log.Write(LogLevel.Warning, "mqtt: a publish was not acknowledged; sending again in " + (_drainPausedUntilMs - now).ToString() + " ms");
                    }
                }
            }

            if (_events.TakeLost() && _state == NodeState.Online)
            {
                ConnectionLost(now);
            }
            else if (_refusals > 0 && _state == NodeState.Online && now - _lastAnswerMs >= AckTimeoutMs)
            {
                // M2Mqtt reports a publish it retried without a PUBACK as not published
                DropSilentLink(now);
            }
        }

        private void Drain(long now)
        {
            if (now < _drainPausedUntilMs)
            {
                return;
            }

            int expired;
            lock (_sync)
            {
                expired = _outbox.ExpireInFlight(now, AckTimeoutMs);
            }

            if (expired > 0)
            {
                if (now - _lastAnswerMs >= AckTimeoutMs)
                {
                    DropSilentLink(now);
                    return;
                }

                _log.Write(LogLevel.Warning, "mqtt: " + expired.ToString() + " acknowledgements never came; sending again");
            }

            while (true)
            {
                long seq;
                int sensor;
                int scaled;
                int decimals;
                long time;
                lock (_sync)
                {
                    int slot = _outbox.NextToSend();
                    if (slot < 0)
                    {
                        return;
                    }

                    seq = _outbox.SeqOf(slot);
                    sensor = _outbox.SensorOf(slot);
                    scaled = _outbox.ScaledValueOf(slot);
                    decimals = _outbox.DecimalsOf(slot);
                    time = _outbox.TimeOf(slot);
                    _outbox.BeginSend(slot, now);
                    _journal.BeforePublish(seq);
                }

                double value = (double)scaled / PowersOfTen[decimals];
                int length = _options.Json
                    ? PayloadFormatter.WriteJson(_payload, 0, value, decimals, SensorUnit(sensor), seq, time)
                    : PayloadFormatter.WritePlain(_payload, 0, value, decimals);
                int messageId = _link.Publish(SensorTopic(sensor), _payload, 0, length, 1, _options.Retain);
                lock (_sync)
                {
                    _outbox.CompleteSend(seq, messageId);
                }

                if (messageId < 0)
                {
                    // the link could not take it: it is probably down, which the next step sees
                    return;
                }
            }
        }

        private string SensorTopic(int sensor)
        {
            return sensor < _readingTopics.Length ? _readingTopics[sensor] : MqttTopics.Reading(_options.BaseTopic, "sensor" + sensor.ToString());
        }

        private byte[] SensorUnit(int sensor)
        {
            return sensor < _sensors.Length ? _sensors[sensor].UnitUtf8 : new byte[0];
        }

        private void PublishInfoWhenDue(long now)
        {
            if (_options.InfoIntervalS <= 0 || now < _nextInfoMs)
            {
                return;
            }

            _nextInfoMs = now + _options.InfoIntervalS * 1000L;
            byte[] info = Encoding.UTF8.GetBytes(InfoJson(now));
            // QoS 1: the info sent on each connection carries the backlog, and a persistent subscriber that is back after the
            // node (both held by a restarting broker, say) still gets it. Not kept in the outbox: a lost connection loses it.
            _link.Publish(InfoTopic, info, 0, info.Length, 1, false);
        }

        /// <summary>The info message: version, uptime, RSSI, free memory, outbox depth, dropped, resent, state.</summary>
        public string InfoJson(long nowMs)
        {
            int depth;
            long dropped;
            long resent;
            lock (_sync)
            {
                depth = _outbox.Count;
                dropped = _outbox.Dropped;
                resent = _outbox.Resent;
            }

            JsonWriter json = new JsonWriter();
            json.BeginObject()
                .Property("version", _options.Version)
                .Property("uptime_s", nowMs / 1000)
                .Property("rssi", (long)(_wifi != null ? _wifi.Rssi : 0))
                .Property("free_bytes", _system != null ? _system.FreeMemoryBytes : 0)
                .Property("outbox", (long)depth)
                .Property("dropped", dropped)
                .Property("resent", resent)
                .Property("state", NodeStateNames.Of(_state))
                .EndObject();
            return json.ToString();
        }

        private long WallMs()
        {
            long ms = (_clock.UtcNow.Ticks - EpochTicks) / TimeSpan.TicksPerMillisecond;
            return ms >= ClockValidFromMs ? ms : -1;
        }

        private void ClockBecameKnown(long wallMs, long uptimeMs)
        {
            _bootWallMs = wallMs - uptimeMs;
            int stamped = _outbox.Restamp(_bootWallMs);
            if (stamped > 0)
            {
                // the journal holds them with boot-relative times: write their real times before anything else
                _journal.Rewrite(_outbox);
                _log.Write(LogLevel.Info, "clock set: " + stamped.ToString() + " readings taken before it got their time");
            }
        }
    }
}
