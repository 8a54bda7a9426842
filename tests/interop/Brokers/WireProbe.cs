using System.Net.Sockets;
using System.Text;

namespace Capteur.Interop.Tests.Brokers;

/// <summary>
/// What a broker sends back, byte for byte, where MQTTnet only reports a timeout or a closed connection: a CONNECT at
/// protocol level 5, or a QoS 2 PUBLISH, written by hand on a raw socket (MQTT 3.1.1 §3.1, §3.3, §3.4; MQTT 5 §3.1)
/// and the first packet that comes back named. Used to state exactly how a peer refuses or downgrades.
/// </summary>
internal static class WireProbe
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    /// <summary>A CONNECT at protocol level 5 (no properties) and the answer, e.g. <c>CONNACK return code 1 (unacceptable protocol version)</c>.</summary>
    public static async Task<string> ConnectV5Async(int port)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port);
        NetworkStream stream = client.GetStream();
        await stream.WriteAsync(Connect(level: 5));
        (int Type, byte[] Body)? answer = await ReadAsync(stream);
        return answer switch
        {
            null => $"no answer within {Wait.TotalSeconds:F0} s",
            (-1, _) => "connection closed without CONNACK",
            // MQTT 3.1.1 §3.2: two bytes, flags and return code; MQTT 5 adds properties after its reason code
            (2, byte[] body) when body.Length == 2 => $"CONNACK return code {body[1]} ({ReturnCode(body[1])}, an MQTT 3.1.1 CONNACK)",
            (2, byte[] body) when body.Length > 2 => $"CONNACK reason code 0x{body[1]:X2}",
            ((int type, _)) => $"answered {Name(type)}",
        };
    }

    /// <summary>A CONNECT at 3.1.1, then a QoS 2 PUBLISH on <paramref name="topic"/> and the handshake that follows, e.g. <c>PUBACK (QoS 1's acknowledgement)</c>.</summary>
    public static async Task<string> PublishQos2Async(int port, string topic)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port);
        NetworkStream stream = client.GetStream();
        await stream.WriteAsync(Connect(level: 4));
        if (await ReadAsync(stream) is not (2, byte[] connack) || connack[1] != 0)
        {
            return "CONNECT at 3.1.1 not accepted";
        }

        byte[] topicBytes = Encoding.UTF8.GetBytes(topic);
        var publish = new List<byte> { 0x34 };  // PUBLISH, QoS 2
        byte[] rest = [.. Str(topicBytes), 0x00, 0x01, .. "wire"u8.ToArray()];
        publish.AddRange(Length(rest.Length));
        publish.AddRange(rest);
        await stream.WriteAsync(publish.ToArray());
        (int Type, byte[] Body)? answer = await ReadAsync(stream);
        switch (answer)
        {
            case null:
                return $"no PUBREC within {Wait.TotalSeconds:F0} s";
            case (-1, _):
                return "connection closed, no PUBREC";
            case (5, _):
                await stream.WriteAsync(new byte[] { 0x62, 0x02, 0x00, 0x01 });  // PUBREL
                return await ReadAsync(stream) is (7, _) ? "PUBREC, PUBREL, PUBCOMP" : "PUBREC, then no PUBCOMP";
            case (4, _):
                return "answered PUBACK (QoS 1's acknowledgement), not PUBREC";
            default:
                return $"answered {Name(answer.Value.Type)}";
        }
    }

    private static byte[] Connect(int level)
    {
        byte[] id = Encoding.UTF8.GetBytes("capteur-wire-" + Guid.NewGuid().ToString("N")[..6]);
        List<byte> body = [.. Str("MQTT"u8.ToArray()), (byte)level, 0x02, 0x00, 0x3C];
        if (level == 5)
        {
            body.Add(0x00);  // no properties
        }

        body.AddRange(Str(id));
        return [0x10, .. Length(body.Count), .. body];
    }

    private static byte[] Str(byte[] value) => [(byte)(value.Length >> 8), (byte)value.Length, .. value];

    private static byte[] Length(int length)
    {
        var bytes = new List<byte>();
        do
        {
            byte b = (byte)(length % 128);
            length /= 128;
            bytes.Add(length > 0 ? (byte)(b | 0x80) : b);
        }
        while (length > 0);
        return [.. bytes];
    }

    /// <summary>The next packet: its type and body; (-1, []) when the broker closed the connection; null after <see cref="Wait"/>.</summary>
    private static async Task<(int Type, byte[] Body)?> ReadAsync(NetworkStream stream)
    {
        using var timeout = new CancellationTokenSource(Wait);
        try
        {
            byte[] first = new byte[1];
            if (await stream.ReadAsync(first, timeout.Token) == 0)
            {
                return (-1, []);
            }

            int length = 0, shift = 0;
            byte[] one = new byte[1];
            do
            {
                if (await stream.ReadAsync(one, timeout.Token) == 0)
                {
                    return (-1, []);
                }

                length |= (one[0] & 0x7F) << shift;
                shift += 7;
            }
            while ((one[0] & 0x80) != 0);
            byte[] body = new byte[length];
            await stream.ReadExactlyAsync(body, timeout.Token);
            return (first[0] >> 4, body);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
        catch (Exception e) when (e is IOException or EndOfStreamException or SocketException)
        {
            return (-1, []);
        }
    }

    private static string ReturnCode(byte code) => code switch
    {
        1 => "unacceptable protocol version",
        2 => "identifier rejected",
        3 => "server unavailable",
        4 => "bad user name or password",
        5 => "not authorized",
        _ => "unknown",
    };

    private static string Name(int type) => type switch
    {
        2 => "CONNACK",
        3 => "PUBLISH",
        4 => "PUBACK",
        5 => "PUBREC",
        7 => "PUBCOMP",
        9 => "SUBACK",
        13 => "PINGRESP",
        14 => "DISCONNECT",
        _ => $"packet type {type}",
    };
}
