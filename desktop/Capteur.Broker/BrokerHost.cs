using System.Net;
using System.Reflection;
using System.Security.Cryptography.X509Certificates;
using Capteur.Broker.Expiry;
using Capteur.Broker.Logging;
using Capteur.Broker.Persistence;
using Capteur.Broker.Security;
using Capteur.Broker.Statistics;
using Capteur.Broker.Transport;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace Capteur.Broker;

/// <summary>
/// A running Capteur broker: MQTTnet's server behind Capteur's listeners, with the SQLite store, authentication, ACL, limits and
/// $SYS statistics wired in. Start with <see cref="StartAsync"/>, stop with <see cref="DisposeAsync"/>.
/// </summary>
public sealed class BrokerHost : IAsyncDisposable
{
    readonly BrokerOptions _options;
    readonly BrokerLog _log;
    readonly MqttServer _server;
    readonly GuardedServerAdapter _adapter;
    readonly ConnectionRegistry _registry;
    readonly SqliteBrokerStore _store;
    readonly SessionPersistence _persistence;
    readonly SysTopicPublisher _sys;
    readonly List<string> _startupLines = [];
    readonly IdleMemoryTrimmer _trimmer;
    readonly SessionExpirySweeper _expiry;
    readonly RetainedExpirySweeper _retainedExpiry;
    readonly TaskCompletionSource _admitted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    ConnectionAuthenticator? _authenticator;
    AclFile? _acl;
    int _disposed;

    BrokerHost(BrokerOptions options, BrokerLog log, MqttServer server, GuardedServerAdapter adapter, ConnectionRegistry registry, SqliteBrokerStore store,
        SessionPersistence persistence, SysTopicPublisher sys, BrokerStatistics statistics, RetainedExpirySweeper retainedExpiry)
    {
        _options = options;
        _log = log;
        _server = server;
        _adapter = adapter;
        _registry = registry;
        _store = store;
        _persistence = persistence;
        _sys = sys;
        Statistics = statistics;
        _trimmer = new IdleMemoryTrimmer(statistics, log);
        _expiry = new SessionExpirySweeper(server, log);
        _retainedExpiry = retainedExpiry;
    }

    /// <summary>"capteur broker VERSION (MQTTnet VERSION)", also published on $SYS/broker/version.</summary>
    public static string Version { get; } =
        $"capteur broker {typeof(BrokerHost).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0"}" +
        $" (MQTTnet {typeof(MqttServer).Assembly.GetName().Version?.ToString(3)})";

    /// <summary>
    /// User name of the broker's own in-process subscribers (the recorder, the dashboard): accepted only with
    /// <see cref="InternalPassword"/>, and allowed to read every topic whatever the ACL says. Other clients cannot use it.
    /// </summary>
    public const string InternalUserName = "$capteur-internal";

    /// <summary>A random password made at start-up and known only to this process, for <see cref="InternalUserName"/>.</summary>
    public string InternalPassword { get; } = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));

    /// <summary>True when the broker has a password file (<c>--passwd</c>): its users are the ones who may log in.</summary>
    public bool HasPasswordFile => _options.PasswordFile != null;

    /// <summary>
    /// Checks a reader of the whole fleet (the web dashboard) against the broker's own rules: a user of the password file with its
    /// password (the same check as an MQTT CONNECT, remembered the same way), who, when there is an ACL, may read every topic
    /// (<c>topic read #</c>). Null when granted; else whether the password was right and why not.
    /// </summary>
    public async Task<(bool KnownUser, string Reason)?> CheckReaderAsync(string userName, string password, CancellationToken cancellationToken)
    {
        if (_authenticator is null || userName == InternalUserName || userName == SessionPersistence.RestoreUserName)
        {
            return (false, $"user '{userName}' refused: not a user of the password file");
        }

        if (await _authenticator.CheckAsync(userName, password, cancellationToken).ConfigureAwait(false) is string refusal)
        {
            Statistics.OnRefusedLogin();
            return (false, refusal);
        }

        return _acl is not null && !_acl.IsAllowed(userName, "capteur-dashboard", "#", AclAccess.Read)
            ? (true, $"user '{userName}' may not read every topic (the ACL file {_options.AclFile} gives it no 'topic read #'), and the dashboard shows the whole fleet")
            : null;
    }

    /// <summary>The open listeners with their actual ports.</summary>
    public IReadOnlyList<BoundListener> Listeners => _adapter.Bound;

    /// <summary>The live counters.</summary>
    public BrokerStatistics Statistics { get; }

    /// <summary>The lines written at start-up: what listens where with which security, the store and what was restored.</summary>
    public IReadOnlyList<string> StartupLines => _startupLines;

    /// <summary>Network connections open now.</summary>
    public int OpenConnections => _registry.Count;

    /// <summary>Persistent sessions known now.</summary>
    public int PersistentSessions => _persistence.SessionCount;

    /// <summary>
    /// Validates <paramref name="options"/>, opens the store and the listeners, restores sessions, and returns the running broker.
    /// With <paramref name="admitClients"/> false, client connections wait (their CONNACK held) until <see cref="AdmitClients"/>,
    /// while the broker's own clients (<see cref="InternalUserName"/>) are served: an in-process recorder subscribes before the
    /// first node can publish.
    /// </summary>
    /// <exception cref="BrokerConfigException">An option, file or port cannot be used; the message says which and how to fix it.</exception>
    public static async Task<BrokerHost> StartAsync(BrokerOptions options, BrokerLog log, bool admitClients = true)
    {
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new BrokerConfigException(string.Join(Environment.NewLine, errors));
        }

        var passwords = options.PasswordFile == null ? null : PasswordFile.Load(options.PasswordFile);
        var acl = options.AclFile == null ? null : AclFile.Load(options.AclFile);
        var certificate = options.TlsPort == 0 ? null : LoadCertificate(options);
        var statistics = new BrokerStatistics();
        var store = SqliteBrokerStore.Open(options.DataDirectory, options.Durability);
        var clock = new MessageExpiryClock(TimeProvider.System);
        var expiredWhileDown = store.DeleteExpired(clock.NowUnixMs);
        var retained = store.LoadRetained();
        var sessions = store.LoadSessions();
        store.StartWriter();

        var serverOptions = new MqttServerOptionsBuilder()
            .WithPersistentSessions(true)
            .WithMaxPendingMessagesPerClient(options.MaxQueuedMessagesPerClient == 0 ? int.MaxValue : options.MaxQueuedMessagesPerClient)
            .WithPendingMessagesOverflowStrategy(options.QueueOverflow == QueueOverflowPolicy.DropOldest
                ? MqttPendingMessagesOverflowStrategy.DropOldestQueuedMessage
                : MqttPendingMessagesOverflowStrategy.DropNewMessage)
            .WithDefaultCommunicationTimeout(TimeSpan.FromMilliseconds(options.ConnectTimeoutMs))
            .Build();

        // Sensor messages are small: a 1 KiB send buffer per connection instead of MQTTnet's 4 KiB saved ~3 KiB per idle client
        // (bench, 10,000 clients); it still grows for a large packet and shrinks back to at most 16 KiB (MQTTnet: 64 KiB) after it.
        serverOptions.WriterBufferSize = 1024;
        serverOptions.WriterBufferSizeMax = 16 * 1024;
        var registry = new ConnectionRegistry(options.MaxConnections, options.WriteTimeoutMs);
        var adapter = new GuardedServerAdapter(options, certificate, registry, statistics, log);
        var server = new MqttServerFactory().CreateMqttServer(serverOptions, [adapter], new MqttNetLogAdapter(log));
        var persistence = new SessionPersistence(store, options, statistics, log);
        var sys = new SysTopicPublisher(server, statistics, () => persistence.QueuedCount, Version);
        var retainedExpiry = new RetainedExpirySweeper(server, clock, log);
        var host = new BrokerHost(options, log, server, adapter, registry, store, persistence, sys, statistics, retainedExpiry);
        persistence.Attach(server, retained);
        host.AttachSecurity(new ConnectionAuthenticator(options, passwords), acl);
        new MessageExpiryGuard(server, persistence, retainedExpiry, clock, log).Attach(retained, sessions);
        try
        {
            await server.StartAsync().ConfigureAwait(false);
            var mqtt = adapter.Bound.First(b => b.Kind == ListenerKind.Mqtt).EndPoint;
            var restoreHost = IPAddress.Any.Equals(mqtt.Address) ? "127.0.0.1" : IPAddress.IPv6Any.Equals(mqtt.Address) ? "::1" : mqtt.Address.ToString();
            var (restoredSessions, restoredMessages) = await persistence.RestoreAsync(server, sessions, restoreHost, mqtt.Port).ConfigureAwait(false);
            if (options.SysIntervalSeconds > 0)
            {
                sys.Start(options.SysIntervalSeconds);
            }

            host._trimmer.Start();
            host._expiry.Start();
            host._retainedExpiry.Start();

            host.WriteStartupLines(store.DatabasePath, passwords, acl != null, certificate, retained.Count, restoredSessions, restoredMessages, expiredWhileDown);
            if (admitClients)
            {
                host.AdmitClients();
            }
        }
        catch
        {
            await host.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return host;
    }

    void AttachSecurity(ConnectionAuthenticator authenticator, AclFile? acl)
    {
        _authenticator = authenticator;
        _acl = acl;
        var userNames = new System.Collections.Concurrent.ConcurrentDictionary<string, string?>(StringComparer.Ordinal);
        _server.ValidatingConnectionAsync += async e =>
        {
            if (e.UserName == SessionPersistence.RestoreUserName)
            {
                if (!_persistence.IsRestoring(e.ClientId) || e.Password != _persistence.RestoreToken)
                {
                    e.ReasonCode = MqttConnectReasonCode.BadUserNameOrPassword;
                    _log.Warning($"{e.RemoteEndPoint}: client '{e.ClientId}' refused: user name '{e.UserName}' is reserved");
                }

                return;
            }

            // the broker's own clients wait for the restore only (their sessions are among the restored), the others also for AdmitClients
            await (e.UserName == InternalUserName ? _persistence.Restored : _admitted.Task).ConfigureAwait(false);
            var refusal = e.UserName != InternalUserName
                ? await authenticator.CheckAsync(e.UserName, e.Password, CancellationToken.None).ConfigureAwait(false)
                : IsInternalPassword(e.Password) ? null : $"user name '{e.UserName}' is reserved for the broker's own clients";
            if (refusal != null)
            {
                Statistics.OnRefusedLogin();
                e.ReasonCode = string.IsNullOrEmpty(e.UserName) || e.Password == null ? MqttConnectReasonCode.NotAuthorized : MqttConnectReasonCode.BadUserNameOrPassword;
                _log.Warning($"{e.RemoteEndPoint}: client '{e.ClientId}' refused: {refusal}");
                return;
            }

            var clientId = e.ClientId;
            if (string.IsNullOrEmpty(clientId))
            {
                if (e.ProtocolVersion != MQTTnet.Formatter.MqttProtocolVersion.V500)
                {
                    return;
                }

                // MQTT 5 §3.1.3.1: the server assigns an id and returns it in CONNACK; MQTTnet leaves the choice to us.
                clientId = e.AssignedClientIdentifier = "auto-" + Guid.NewGuid().ToString("D").ToUpperInvariant();
            }

            userNames[clientId] = string.IsNullOrEmpty(e.UserName) ? null : e.UserName;
            await _persistence.OnConnectAcceptedAsync(clientId, e.UserName, e.ProtocolVersion, e.CleanSession ?? true, e.SessionExpiryInterval).ConfigureAwait(false);
        };
        _server.ClientConnectedAsync += e =>
        {
            if (!_persistence.IsRestoring(e.ClientId))
            {
                Statistics.OnClientConnected();
            }

            return Task.CompletedTask;
        };
        _server.ClientDisconnectedAsync += e =>
        {
            if (!_persistence.IsRestoring(e.ClientId) && e.DisconnectType != MqttClientDisconnectType.Takeover)
            {
                Statistics.OnClientDisconnected();
            }

            return Task.CompletedTask;
        };
        _server.InterceptingPublishAsync += e =>
        {
            var topic = e.ApplicationMessage.Topic;
            if (e.ClientId == "$SYS")
            {
                return Task.CompletedTask;
            }

            // mosquitto: clients never publish into $SYS (and '$' topics are the broker's, MQTT 3.1.1 §4.7.2).
            var denied = topic.StartsWith('$')
                ? "refused: topics starting with '$' are reserved for the broker"
                : acl != null && !acl.IsAllowed(userNames.GetValueOrDefault(e.ClientId), e.ClientId, topic, AclAccess.Write)
                    ? "denied by the ACL file"
                    : null;
            if (denied != null)
            {
                e.ProcessPublish = false;
                e.Response.ReasonCode = MqttPubAckReasonCode.NotAuthorized;
                _log.Warning($"client '{e.ClientId}': publish to '{topic}' {denied}");
            }

            return Task.CompletedTask;
        };
        if (acl != null)
        {
            // Read access is checked per delivered message (as mosquitto does), so '#' subscriptions receive only what the user may read.
            _server.InterceptingClientEnqueueAsync += e =>
            {
                var reader = userNames.GetValueOrDefault(e.ReceiverClientId);
                if (reader != InternalUserName && !acl.IsAllowed(reader, e.ReceiverClientId, e.ApplicationMessage.Topic, AclAccess.Read))
                {
                    e.AcceptEnqueue = false;
                }

                return Task.CompletedTask;
            };
        }
    }

    bool IsInternalPassword(string? password) =>
        System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(password ?? ""), System.Text.Encoding.UTF8.GetBytes(InternalPassword));

    static X509Certificate2 LoadCertificate(BrokerOptions options)
    {
        try
        {
            using var pem = X509Certificate2.CreateFromPemFile(options.CertificateFile!, options.KeyFile!);
            // SslStream wants a certificate whose key is not ephemeral on some platforms; a PKCS#12 round trip gives it one.
            return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or IOException)
        {
            throw new BrokerConfigException($"cert/key: cannot load '{options.CertificateFile}' with '{options.KeyFile}': {e.Message} (both must be PEM; the key unencrypted)");
        }
    }

    void WriteStartupLines(string databasePath, PasswordFile? passwords, bool hasAcl, X509Certificate2? certificate, int retained, int sessions, int queued, int expired)
    {
        var auth = _options.AnonymousAllowed
            ? (_options.Anonymous ? "anonymous clients ALLOWED (--anonymous)" : "anonymous clients allowed (loopback only)")
            : $"anonymous clients REFUSED (non-loopback bind {_options.Bind}; add --anonymous to allow them)";
        var users = passwords == null ? "no password file" : $"{passwords.Users.Count} users from {_options.PasswordFile}";
        var topics = hasAcl ? $"ACL {_options.AclFile}" : "no ACL (every client may use every topic)";
        _startupLines.Add(Version);
        foreach (var listener in _adapter.Bound)
        {
            _startupLines.Add(listener.Kind switch
            {
                ListenerKind.Mqtt => $"listening mqtt://{listener.EndPoint} (plain TCP, MQTT 3.1.1 and 5): {auth}; {users}; {topics}",
                ListenerKind.MqttTls => $"listening mqtts://{listener.EndPoint} (TLS 1.2/1.3, certificate {certificate?.Subject}): same authentication",
                _ => $"listening ws://{listener.EndPoint}{_options.WebSocketPath} (MQTT over WebSocket, no TLS): same authentication",
            });
        }

        var queue = _options.MaxQueuedMessagesPerClient == 0
            ? "per-client queue unlimited (QoS 1/2 never dropped)"
            : $"per-client queue {_options.MaxQueuedMessagesPerClient} messages, then {(_options.QueueOverflow == QueueOverflowPolicy.DropNew ? "drop-new" : "drop-oldest")} (counted in $SYS/broker/publish/messages/dropped)";
        var durability = _options.Durability == DurabilityPolicy.Full ? "durability full (fsync before acknowledging)" : "durability process (survives kill -9, not power loss)";
        _startupLines.Add($"store {databasePath}: {durability}; {queue}");
        _startupLines.Add($"restored {retained} retained messages, {sessions} persistent sessions, {queued} queued messages"
            + (expired > 0 ? $"; discarded {expired} messages whose MQTT 5 message expiry passed while the broker was down" : ""));
        _startupLines.Add($"limits: max-packet-bytes {_options.MaxPacketBytes}, max-connections {_options.MaxConnections}, connect-timeout-ms {_options.ConnectTimeoutMs}, write-timeout-ms {_options.WriteTimeoutMs}; $SYS every {_options.SysIntervalSeconds} s");
        foreach (var line in _startupLines)
        {
            _log.Info(line);
        }
    }

    /// <summary>Lets client connections in (once; <see cref="StartAsync"/> does it unless told not to) and writes the <c>ready</c> line.</summary>
    public void AdmitClients()
    {
        lock (_startupLines)
        {
            if (_admitted.Task.IsCompleted)
            {
                return;
            }

            _startupLines.Add("ready");
            _log.Info("ready");
            _admitted.TrySetResult();
        }
    }

    /// <summary>Publishes the $SYS topics now (tests; the timer does it every sys-interval seconds).</summary>
    public Task PublishSysTopicsAsync() => _sys.PublishAsync();

    /// <summary>Stops the listeners, disconnects clients, flushes the store.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _sys.DisposeAsync().ConfigureAwait(false);
        await _trimmer.DisposeAsync().ConfigureAwait(false);
        await _expiry.DisposeAsync().ConfigureAwait(false);
        await _retainedExpiry.DisposeAsync().ConfigureAwait(false);
        // connections still held for AdmitClients end here (stopping waits for every connection's task)
        _admitted.TrySetCanceled();
        try
        {
            await _server.StopAsync().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            _log.Warning($"stopping: {e.Message}");
        }

        _server.Dispose();
        _registry.Dispose();
        await _store.DisposeAsync().ConfigureAwait(false);
        _log.Info("stopped");
    }
}
