using System.Net.Sockets;
using System.Text;

namespace Capteur.Broker.Tests.Support;

/// <summary>Hand-built MQTT 3.1.1 packets (OASIS MQTT 3.1.1 §3) and a raw TCP connection to send them.</summary>
internal static class RawPackets
{
    public static byte[] Connect(string clientId, byte level = 4, int keepAliveSeconds = 60)
    {
        var body = new List<byte>();
        body.AddRange(Str("MQTT"));
        body.Add(level);
        body.Add(0x02); // clean session
        body.Add((byte)(keepAliveSeconds >> 8));
        body.Add((byte)keepAliveSeconds);
        if (level == 5)
        {
            body.Add(0); // no properties
        }

        body.AddRange(Str(clientId));
        return Packet(0x10, body);
    }

    public static byte[] Publish(string topic, byte[] payload)
    {
        var body = new List<byte>(Str(topic));
        body.AddRange(payload);
        return Packet(0x30, body);
    }

    public static byte[] Subscribe(ushort packetId, string filter, byte qos)
    {
        var body = new List<byte> { (byte)(packetId >> 8), (byte)packetId };
        body.AddRange(Str(filter));
        body.Add(qos);
        return Packet(0x82, body);
    }

    public static byte[] PingRequest() => [0xC0, 0x00];

    public static byte[] Packet(byte header, List<byte> body)
    {
        var bytes = new List<byte> { header };
        var length = body.Count;
        do
        {
            var digit = (byte)(length % 128);
            length /= 128;
            bytes.Add(length > 0 ? (byte)(digit | 0x80) : digit);
        }
        while (length > 0);
        bytes.AddRange(body);
        return bytes.ToArray();
    }

    static byte[] Str(string s)
    {
        var utf8 = Encoding.UTF8.GetBytes(s);
        return [(byte)(utf8.Length >> 8), (byte)utf8.Length, .. utf8];
    }

    public static async Task<Socket> OpenAsync(int port, int receiveBufferBytes = 0)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        if (receiveBufferBytes > 0)
        {
            socket.ReceiveBufferSize = receiveBufferBytes;
        }

        await socket.ConnectAsync("127.0.0.1", port);
        return socket;
    }

    /// <summary>True once the server has closed the connection (read returns 0 or fails), false if still open at the deadline.</summary>
    public static async Task<bool> WaitForServerCloseAsync(Socket socket, TimeSpan timeout)
    {
        var buffer = new byte[65536];
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                if (await socket.ReceiveAsync(buffer, SocketFlags.None, cts.Token) == 0)
                {
                    return true;
                }
            }
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        catch (SocketException)
        {
            return true;
        }
    }
}
