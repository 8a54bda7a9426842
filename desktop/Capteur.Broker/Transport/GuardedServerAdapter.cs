using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Capteur.Broker.Logging;
using Capteur.Broker.Statistics;
using MQTTnet.Adapter;
using MQTTnet.Channel;
using MQTTnet.Diagnostics.Logger;
using MQTTnet.Formatter;
using MQTTnet.Implementations;
using MQTTnet.Server;

namespace Capteur.Broker.Transport;

/// <summary>
/// Capteur's listeners (plain TCP, TLS, WebSocket) in place of MQTTnet's TCP adapter, so that every connection passes through the
/// broker's guards before MQTTnet sees a byte: max-connections at accept, a deadline on the TLS / WebSocket handshake, the packet size
/// limit on the incoming byte stream and the write timeout for clients that stop reading. Each forced close is logged with its reason.
/// </summary>
internal sealed class GuardedServerAdapter(BrokerOptions options, X509Certificate2? certificate, ConnectionRegistry registry, BrokerStatistics statistics, BrokerLog log) : IMqttServerAdapter
{
    readonly List<Socket> _listeners = [];
    readonly List<BoundListener> _bound = [];
    CancellationTokenSource? _stopping;
    IMqttNetLogger? _mqttLogger;
    MqttServerOptions? _serverOptions;
    long _refusedConnections;

    public Func<IMqttChannelAdapter, Task>? ClientHandler { get; set; }

    /// <summary>Listeners opened by <see cref="StartAsync"/>.</summary>
    public IReadOnlyList<BoundListener> Bound => _bound;

    /// <summary>Connections closed at once because max-connections was reached.</summary>
    public long RefusedConnections => Interlocked.Read(ref _refusedConnections);

    public Task StartAsync(MqttServerOptions serverOptions, IMqttNetLogger logger)
    {
        _serverOptions = serverOptions;
        _mqttLogger = logger;
        _stopping = new CancellationTokenSource();
        var address = options.Bind == "localhost" ? IPAddress.Loopback : IPAddress.Parse(options.Bind);
        Open(ListenerKind.Mqtt, address, options.Port);
        if (options.TlsPort != 0)
        {
            Open(ListenerKind.MqttTls, address, options.TlsPort);
        }

        if (options.WebSocketPort != 0)
        {
            Open(ListenerKind.WebSocket, address, options.WebSocketPort);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync()
    {
        _stopping?.Cancel();
        foreach (var listener in _listeners)
        {
            listener.Dispose();
        }

        _listeners.Clear();
        return Task.CompletedTask;
    }

    public void Dispose() => StopAsync().GetAwaiter().GetResult();

    void Open(ListenerKind kind, IPAddress address, int port)
    {
        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            if (!OperatingSystem.IsWindows())
            {
                // Lets the broker restart at once on the same port after a crash (TIME_WAIT sockets).
                socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            }

            socket.Bind(new IPEndPoint(address, port));
            socket.Listen(4096);
        }
        catch (SocketException e)
        {
            socket.Dispose();
            throw new BrokerConfigException($"{Flag(kind)}: cannot listen on {address}:{port}: {e.Message} (is another broker running? pick another port with {Flag(kind)})");
        }

        _listeners.Add(socket);
        _bound.Add(new BoundListener(kind, (IPEndPoint)socket.LocalEndPoint!));
        _ = Task.Run(() => AcceptLoopAsync(socket, kind, _stopping!.Token));
    }

    static string Flag(ListenerKind kind) => kind switch
    {
        ListenerKind.Mqtt => "--port",
        ListenerKind.MqttTls => "--tls-port",
        _ => "--websocket-port",
    };

    async Task AcceptLoopAsync(Socket listener, ListenerKind kind, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptAsync(stopping).ConfigureAwait(false);
            }
            catch (Exception) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException e)
            {
                // Out of file descriptors and the like: the listener stays up and tries again.
                log.Warning($"accept on {listener.LocalEndPoint} failed: {e.Message}");
                await Task.Delay(100, CancellationToken.None).ConfigureAwait(false);
                continue;
            }

            _ = Task.Run(() => HandleConnectionAsync(client, kind, stopping), CancellationToken.None);
        }
    }

    async Task HandleConnectionAsync(Socket socket, ListenerKind kind, CancellationToken stopping)
    {
        var remote = socket.RemoteEndPoint;
        if (!registry.TryReserve())
        {
            Interlocked.Increment(ref _refusedConnections);
            log.Warning($"{remote}: connection refused: max-connections {options.MaxConnections} reached");
            socket.Dispose();
            return;
        }

        GuardedChannel? guarded = null;
        ServerChannelAdapter? server = null;
        var stage = kind == ListenerKind.MqttTls ? "TLS handshake" : kind == ListenerKind.WebSocket ? "WebSocket handshake" : "connection";
        try
        {
            socket.NoDelay = true;
            Stream stream = new NetworkStream(socket, ownsSocket: true);
            IMqttChannel channel;
            using (var handshake = CancellationTokenSource.CreateLinkedTokenSource(stopping))
            {
                handshake.CancelAfter(options.ConnectTimeoutMs);
                if (kind == ListenerKind.MqttTls)
                {
                    var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
                    await ssl.AuthenticateAsServerAsync(
                        new SslServerAuthenticationOptions
                        {
                            ServerCertificate = certificate,
                            EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
                            ClientCertificateRequired = false,
                        },
                        handshake.Token).ConfigureAwait(false);
                    stream = ssl;
                }

                if (kind == ListenerKind.WebSocket)
                {
                    var subProtocol = await WebSocketHandshake.AcceptAsync(stream, options.WebSocketPath, handshake.Token).ConfigureAwait(false);
                    var webSocket = WebSocket.CreateFromStream(stream, new WebSocketCreationOptions
                    {
                        IsServer = true,
                        SubProtocol = subProtocol.Length == 0 ? null : subProtocol,
                        KeepAliveInterval = TimeSpan.Zero,
                    });
                    channel = new MqttWebSocketChannel(webSocket, remote, false, null);
                }
                else
                {
                    channel = new MqttTcpChannel(stream, socket.LocalEndPoint, remote, null);
                }
            }

            stage = "connection";
            guarded = new GuardedChannel(channel, new PacketSizeGuard(options.MaxPacketBytes), statistics, socket.Dispose);
            registry.Add(guarded);
            var formatter = new MqttPacketFormatterAdapter(new MqttBufferWriter(_serverOptions!.WriterBufferSize, _serverOptions.WriterBufferSizeMax));
            using var adapter = new MqttChannelAdapter(guarded, formatter, _mqttLogger!) { AllowPacketFragmentation = true };
            var handler = ClientHandler;
            if (handler != null)
            {
                server = new ServerChannelAdapter(adapter);
                await handler(server).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            if (!stopping.IsCancellationRequested)
            {
                var reason = e is OperationCanceledException ? $"no answer within connect-timeout-ms {options.ConnectTimeoutMs}" : e.Message;
                log.Warning($"{remote}: {stage} closed: {reason}");
            }
        }
        finally
        {
            if (guarded != null)
            {
                registry.Remove(guarded);
                var reason = guarded.CloseReason ?? server?.Violation;
                if (reason != null)
                {
                    var who = server?.ClientId is { Length: > 0 } id ? $" (client '{id}')" : "";
                    log.Warning($"{remote}{who}: connection closed: {reason}");
                }

                guarded.Dispose();
            }

            socket.Dispose();
            registry.Release();
        }
    }
}
