using System.Net;
using System.Net.Sockets;

namespace Capteur.Desktop.Tests.Infrastructure;

/// <summary>Loopback ports nobody listens on, for brokers started by tests.</summary>
internal static class FreePort
{
    /// <summary>A port the system just handed out and released.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Waits until something accepts TCP connections on <paramref name="port"/>; false after <paramref name="timeout"/>.</summary>
    public static bool WaitListening(int port, TimeSpan timeout)
    {
        DateTime deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (IsListening(port))
            {
                return true;
            }

            Thread.Sleep(50);
        }

        return false;
    }

    /// <summary>True when something accepts a TCP connection on 127.0.0.1:<paramref name="port"/> now.</summary>
    public static bool IsListening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
