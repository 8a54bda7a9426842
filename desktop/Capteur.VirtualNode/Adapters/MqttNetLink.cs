using Capteur.Node.Ports;
using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Protocol;

namespace Capteur.VirtualNode.Adapters;

/// <summary>
/// <see cref="IMqttLink"/> over MQTTnet's client (MQTT 3.1.1). QoS 1 publishes are pipelined: each is sent at once
/// and its PUBACK reported to the listener when it comes, under an id of this link's own (MQTTnet keeps its packet
/// identifiers to itself). A fresh client per connection, so nothing of a dead session leaks into the next.
/// </summary>
public sealed class MqttNetLink : IMqttLink, IDisposable
{
    private readonly MqttClientFactory _factory = new();
    private readonly TimeSpan _connectTimeout;
    private IMqttLinkListener? _listener;
    private IMqttClient? _client;
    private int _nextId;

    /// <summary>A link whose connection attempts give up after <paramref name="connectTimeout"/> (default 10 s).</summary>
    public MqttNetLink(TimeSpan? connectTimeout = null)
    {
        _connectTimeout = connectTimeout ?? TimeSpan.FromSeconds(10);
    }

    /// <summary>Why the last connection attempt failed, for the log.</summary>
    public string LastError { get; private set; } = "";

    /// <inheritdoc />
    public void SetListener(IMqttLinkListener listener) => _listener = listener;

    /// <inheritdoc />
    public int Connect(MqttConnectOptions options)
    {
        Drop(sendDisconnect: false);
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(options.Host, options.Port)
            .WithClientId(options.ClientId)
            .WithCleanSession(options.CleanSession)
            // MQTT 3.1.1, as the board's M2Mqtt: MQTTnet 5 would speak MQTT 5, which RabbitMQ 3.x and other 3.1.1
            // brokers cannot parse
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V311)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(options.KeepAliveS))
            .WithTimeout(_connectTimeout);
        if (options.User.Length > 0)
        {
            builder.WithCredentials(options.User, options.Password);
        }

        if (options.Tls)
        {
            builder.WithTlsOptions(tls => tls.UseTls());
        }

        if (options.WillTopic.Length > 0)
        {
            builder.WithWillTopic(options.WillTopic)
                .WithWillPayload(options.WillMessage)
                .WithWillRetain(options.WillRetain)
                .WithWillQualityOfServiceLevel((MqttQualityOfServiceLevel)options.WillQos);
        }

        MqttClientOptions built = builder.Build();
        // close gracefully, as a board's socket does: MQTTnet's default linger (on, 0 s) resets the connection and the
        // kernel drops what it had not sent yet (the retained offline status, the DISCONNECT)
        ((MqttClientTcpOptions)built.ChannelOptions).LingerState = new System.Net.Sockets.LingerOption(false, 0);
        IMqttClient client = _factory.CreateMqttClient();
        try
        {
            using var timeout = new CancellationTokenSource(_connectTimeout);
            MqttClientConnectResult result = client.ConnectAsync(built, timeout.Token).GetAwaiter().GetResult();
            if (result.ResultCode != MqttClientConnectResultCode.Success)
            {
                LastError = $"refused: {result.ResultCode}";
                client.Dispose();
                return (int)result.ResultCode;
            }
        }
        catch (Exception e) when (e is MqttCommunicationException or OperationCanceledException or System.Net.Sockets.SocketException)
        {
            // MQTTnet throws for a refusing CONNACK too (MqttConnectingFailedException); its text names the reason
            LastError = e.Message;
            client.Dispose();
            return -1;
        }

        client.DisconnectedAsync += args =>
        {
            if (ReferenceEquals(client, _client))
            {
                _listener?.OnConnectionLost();
            }

            return Task.CompletedTask;
        };
        _client = client;
        LastError = "";
        return 0;
    }

    /// <inheritdoc />
    public bool IsConnected => _client?.IsConnected == true;

    /// <inheritdoc />
    public void Disconnect() => Drop(sendDisconnect: true);

    /// <inheritdoc />
    public int Publish(string topic, byte[] buffer, int offset, int count, int qos, bool retain)
    {
        IMqttClient? client = _client;
        if (client is null || !client.IsConnected)
        {
            return -1;
        }

        MqttApplicationMessage message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(buffer.AsSpan(offset, count).ToArray())
            .WithQualityOfServiceLevel((MqttQualityOfServiceLevel)qos)
            .WithRetainFlag(retain)
            .Build();
        int id = qos == 0 ? 0 : NextId();
        Task<MqttClientPublishResult> sending;
        try
        {
            sending = client.PublishAsync(message, CancellationToken.None);
        }
        catch (Exception)
        {
            return -1;
        }

        if (qos > 0)
        {
            sending.ContinueWith(done =>
            {
                if (done.IsCompletedSuccessfully)
                {
                    _listener?.OnPublished(id, done.Result.IsSuccess);
                }
                else if (ReferenceEquals(client, _client) && client.IsConnected)
                {
                    // failed while the session lives on (a timeout): send it again; a dead session is reported as a loss
                    _listener?.OnPublished(id, false);
                }
            }, TaskScheduler.Default);
        }
        else
        {
            _ = sending.ContinueWith(done => _ = done.Exception, TaskContinuationOptions.OnlyOnFaulted);
        }

        return id;
    }

    /// <inheritdoc />
    public void Dispose() => Drop(sendDisconnect: true);

    private int NextId()
    {
        int id = Interlocked.Increment(ref _nextId) & 0xFFFF;
        return id == 0 ? Interlocked.Increment(ref _nextId) & 0xFFFF : id;
    }

    private void Drop(bool sendDisconnect)
    {
        IMqttClient? client = Interlocked.Exchange(ref _client, null);
        if (client is null)
        {
            return;
        }

        try
        {
            if (sendDisconnect && client.IsConnected)
            {
                client.DisconnectAsync(new MqttClientDisconnectOptions(), CancellationToken.None).Wait(TimeSpan.FromSeconds(2));
            }
        }
        catch (Exception)
        {
            // already gone
        }

        client.Dispose();
    }
}
