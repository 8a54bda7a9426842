using System.Buffers;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Capteur.Watch;

/// <summary>
/// A subscriber that stays subscribed: it reconnects by itself (every second) and, with a session name, keeps a
/// persistent session at the broker (clean session off, QoS 1) so that readings published while it was away are
/// delivered when it is back. Works with any MQTT 3.1.1 broker. Given several brokers (the members of a cluster, say),
/// it stays on the one it is connected to and moves to the next of the list, in order, when a connection attempt fails,
/// as a node does; a session lives on its broker, so on the next one it starts a new one (and subscribes again).
/// </summary>
public sealed class WatchClient : IAsyncDisposable
{
    private readonly MqttClientFactory _factory = new();
    private readonly IMqttClient _client;
    private readonly BrokerAddress[] _brokers;
    private readonly string _filter;
    private readonly string? _session;
    private readonly CancellationTokenSource _stop = new();
    private Task? _keeper;
    private int _connection;
    private int _current;

    /// <summary>A watcher of a topic filter on a broker.</summary>
    /// <param name="host">Broker host.</param>
    /// <param name="port">Broker port.</param>
    /// <param name="filter">Topic filter, e.g. <c>#</c> or <c>maison/+/temperature</c>.</param>
    /// <param name="session">Client id of a persistent session, or null for a clean one.</param>
    public WatchClient(string host, int port, string filter, string? session)
        : this([new BrokerAddress(host, port)], filter, session)
    {
    }

    /// <summary>A watcher of a topic filter on the first broker of <paramref name="brokers"/> that answers.</summary>
    /// <param name="brokers">The brokers, tried in order (at least one).</param>
    /// <param name="filter">Topic filter, e.g. <c>#</c> or <c>maison/+/temperature</c>.</param>
    /// <param name="session">Client id of a persistent session, or null for a clean one.</param>
    public WatchClient(IReadOnlyList<BrokerAddress> brokers, string filter, string? session)
    {
        if (brokers.Count == 0)
        {
            throw new ArgumentException("no broker given", nameof(brokers));
        }

        _brokers = [.. brokers];
        _filter = filter;
        _session = session;
        _client = _factory.CreateMqttClient();
        _client.ApplicationMessageReceivedAsync += args =>
        {
            byte[] payload = args.ApplicationMessage.Payload.ToArray();
            if (DeferredReceiver is { } receiver)
            {
                args.AutoAcknowledge = false;
                int connection = Volatile.Read(ref _connection);
                receiver(args.ApplicationMessage.Topic, payload, () => AcknowledgeAsync(args, connection));
            }

            MessageReceived?.Invoke(args.ApplicationMessage.Topic, payload);
            return Task.CompletedTask;
        };
    }

    /// <summary>
    /// When set (before <see cref="StartAsync"/>), called for every message with a function that acknowledges it: the
    /// message is acknowledged (PUBACK) only when the subscriber calls it, e.g. once the message is committed to disk, so
    /// a subscriber killed before that gets it again from its persistent session. An acknowledgement for a connection
    /// that has since been replaced is not sent (the broker delivers that message again on the new one).
    /// </summary>
    public Action<string, byte[], Func<Task>>? DeferredReceiver { get; set; }

    /// <summary>User name and password, or null for an anonymous client (set before <see cref="StartAsync"/>).</summary>
    public MqttLogin? Login { get; set; }

    /// <summary>Called for every message (on MQTTnet's thread): topic and payload.</summary>
    public event Action<string, byte[]>? MessageReceived;

    /// <summary>Called with a line when the connection comes or goes.</summary>
    public event Action<string>? ConnectionChanged;

    /// <summary>True while connected and subscribed.</summary>
    public bool IsConnected => _client.IsConnected;

    /// <summary>The broker it is connected to, or will try next.</summary>
    public BrokerAddress Broker => _brokers[Volatile.Read(ref _current)];

    /// <summary>Connects (waiting at most <paramref name="firstTimeout"/> for the first connection) and keeps connected.</summary>
    public async Task StartAsync(TimeSpan firstTimeout)
    {
        DateTime deadline = DateTime.UtcNow + firstTimeout;
        while (!await TryConnectAsync())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"no MQTT broker answered at {string.Join(", ", _brokers)} within {firstTimeout.TotalSeconds:F0} s");
            }

            await Task.Delay(250);
        }

        _keeper = Task.Run(KeepConnectedAsync);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        if (_keeper is not null)
        {
            await _keeper;
        }

        if (_client.IsConnected)
        {
            await _client.DisconnectAsync(new MqttClientDisconnectOptions(), CancellationToken.None);
        }

        _client.Dispose();
    }

    private async Task KeepConnectedAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(1000, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (!_client.IsConnected && await TryConnectAsync())
            {
                ConnectionChanged?.Invoke($"reconnected to {Broker}");
            }
        }
    }

    private async Task AcknowledgeAsync(MqttApplicationMessageReceivedEventArgs message, int connection)
    {
        // A packet id belongs to its connection: acknowledging it on the next one could acknowledge another message.
        if (connection != Volatile.Read(ref _connection) || !_client.IsConnected)
        {
            return;
        }

        try
        {
            await message.AcknowledgeAsync(CancellationToken.None);
        }
        catch (Exception)
        {
            // The connection went away meanwhile: the broker delivers the message again.
        }
    }

    private async Task<bool> TryConnectAsync()
    {
        BrokerAddress broker = Broker;
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(broker.Host, broker.Port)
            .WithClientId(_session ?? "capteur-watch-" + Guid.NewGuid().ToString("N")[..8])
            .WithCleanSession(_session is null)
            // MQTT 3.1.1: clean session off keeps the session after a disconnect; MQTTnet 5 would speak MQTT 5, where a session
            // without an expiry interval ends at the disconnect
            .WithProtocolVersion(MqttProtocolVersion.V311)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(15))
            .WithTimeout(TimeSpan.FromSeconds(5));
        if (Login is { } login)
        {
            builder.WithCredentials(login.UserName, login.Password);
        }

        MqttClientOptions options = builder.Build();
        // close gracefully: MQTTnet's default linger (on, 0 s) resets the connection and the kernel drops what it had not sent yet
        ((MqttClientTcpOptions)options.ChannelOptions).LingerState = new System.Net.Sockets.LingerOption(false, 0);
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            // before connecting: a session's queued messages may arrive before ConnectAsync returns
            Interlocked.Increment(ref _connection);
            MqttClientConnectResult result = await _client.ConnectAsync(options, timeout.Token);
            if (!result.IsSessionPresent || _session is null)
            {
                await _client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
                    .WithTopicFilter(_filter, MqttQualityOfServiceLevel.AtLeastOnce).Build(), timeout.Token);
            }

            return true;
        }
        catch (Exception)
        {
            // the next attempt goes to the next broker of the list (the same one when there is only one)
            Volatile.Write(ref _current, (Volatile.Read(ref _current) + 1) % _brokers.Length);
            return false;
        }
    }
}
