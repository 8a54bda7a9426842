using System.Net;
using System.Net.Sockets;

namespace Capteur.Desktop.Tests.Infrastructure;

/// <summary>
/// A TCP proxy on loopback between clients and a broker that the test can cut: it can hold back everything the
/// broker sends (so PUBACKs stop while publishes keep going up), then drop every connection at once.
/// </summary>
internal sealed class CuttingProxy : IDisposable
{
    private readonly TcpListener _listener;
    private readonly int _targetPort;
    private readonly List<TcpClient> _open = [];
    private readonly CancellationTokenSource _stop = new();
    private volatile bool _holdDownstream;

    /// <summary>A proxy to 127.0.0.1:<paramref name="targetPort"/>, listening on a free port.</summary>
    public CuttingProxy(int targetPort)
    {
        _targetPort = targetPort;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _ = Task.Run(AcceptLoop);
    }

    /// <summary>The port clients connect to.</summary>
    public int Port { get; }

    /// <summary>Bytes held back from the clients since <see cref="HoldDownstream"/>.</summary>
    public long HeldBytes;

    /// <summary>Connections accepted so far.</summary>
    public int Accepted;

    /// <summary>From now on nothing the broker sends reaches the clients (their PUBACKs stop).</summary>
    public void HoldDownstream() => _holdDownstream = true;

    /// <summary>Drops every open connection (both sides) and lets new ones through normally again.</summary>
    public void CutAll()
    {
        lock (_open)
        {
            foreach (TcpClient client in _open)
            {
                try
                {
                    client.Client.LingerState = new LingerOption(true, 0);
                    client.Close();
                }
                catch (Exception)
                {
                }
            }

            _open.Clear();
        }

        _holdDownstream = false;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        CutAll();
    }

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient downstream;
            try
            {
                downstream = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception)
            {
                return;
            }

            var upstream = new TcpClient();
            try
            {
                await upstream.ConnectAsync(IPAddress.Loopback, _targetPort);
            }
            catch (SocketException)
            {
                downstream.Close();
                continue;
            }

            Interlocked.Increment(ref Accepted);
            lock (_open)
            {
                _open.Add(downstream);
                _open.Add(upstream);
            }

            _ = Pump(downstream.GetStream(), upstream.GetStream(), toClient: false);
            _ = Pump(upstream.GetStream(), downstream.GetStream(), toClient: true);
        }
    }

    private async Task Pump(NetworkStream from, NetworkStream to, bool toClient)
    {
        var buffer = new byte[16384];
        try
        {
            while (true)
            {
                int n = await from.ReadAsync(buffer, _stop.Token);
                if (n == 0)
                {
                    break;
                }

                if (toClient && _holdDownstream)
                {
                    Interlocked.Add(ref HeldBytes, n);
                    continue;
                }

                await to.WriteAsync(buffer.AsMemory(0, n), _stop.Token);
            }
        }
        catch (Exception)
        {
        }

        try
        {
            from.Close();
            to.Close();
        }
        catch (Exception)
        {
        }
    }
}
