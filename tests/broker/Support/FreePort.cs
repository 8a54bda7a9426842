using System.Net;
using System.Net.Sockets;

namespace Capteur.Broker.Tests.Support;

/// <summary>Loopback ports for tests that must know a listener's port before it opens.</summary>
internal static class FreePort
{
    /// <summary>A port the system just handed out and released.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Tries a TCP connection every few milliseconds until one is accepted; returns when it was.</summary>
    public static async Task<DateTime> WaitAcceptingAsync(int port, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return DateTime.UtcNow;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(5);
            }
        }
    }
}
