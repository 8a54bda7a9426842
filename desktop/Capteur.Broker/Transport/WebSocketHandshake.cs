using System.Security.Cryptography;
using System.Text;

namespace Capteur.Broker.Transport;

/// <summary>
/// The server side of the RFC 6455 §4.2 opening handshake, enough for MQTT over WebSocket (MQTT 5.0 §6): one GET with
/// `Upgrade: websocket`, answered with 101 and the `mqtt` subprotocol when the client offers it.
/// </summary>
internal static class WebSocketHandshake
{
    const string Rfc6455Guid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    const int MaxRequestBytes = 8192;

    /// <summary>Reads the request and answers it; returns the chosen subprotocol ("" for none) or throws <see cref="IOException"/> with the reason.</summary>
    public static async Task<string> AcceptAsync(Stream stream, string path, CancellationToken cancellationToken)
    {
        var request = await ReadRequestAsync(stream, cancellationToken).ConfigureAwait(false);
        var lines = request.Split("\r\n");
        var requestLine = lines[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':');
            if (colon > 0)
            {
                headers[line.Substring(0, colon).Trim()] = line.Substring(colon + 1).Trim();
            }
        }

        if (requestLine.Length < 3 || requestLine[0] != "GET")
        {
            await RefuseAsync(stream, "405 Method Not Allowed", cancellationToken).ConfigureAwait(false);
            throw new IOException($"websocket: expected 'GET {path} HTTP/1.1', got '{lines[0]}'");
        }

        var requestPath = requestLine[1].Split('?')[0];
        if (requestPath != path)
        {
            await RefuseAsync(stream, "404 Not Found", cancellationToken).ConfigureAwait(false);
            throw new IOException($"websocket: path '{requestPath}' is not the MQTT endpoint '{path}'");
        }

        if (!headers.TryGetValue("Upgrade", out var upgrade) || !upgrade.Equals("websocket", StringComparison.OrdinalIgnoreCase)
            || !headers.TryGetValue("Sec-WebSocket-Key", out var key))
        {
            await RefuseAsync(stream, "426 Upgrade Required", cancellationToken).ConfigureAwait(false);
            throw new IOException("websocket: request without 'Upgrade: websocket' and 'Sec-WebSocket-Key'");
        }

        var offered = headers.TryGetValue("Sec-WebSocket-Protocol", out var p) ? p.Split(',').Select(s => s.Trim()).ToArray() : [];
        var subProtocol = offered.FirstOrDefault(s => s is "mqtt" or "mqttv3.1") ?? "";
        var accept = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + Rfc6455Guid)));
        var response = new StringBuilder()
            .Append("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n")
            .Append("Sec-WebSocket-Accept: ").Append(accept).Append("\r\n");
        if (subProtocol.Length > 0)
        {
            response.Append("Sec-WebSocket-Protocol: ").Append(subProtocol).Append("\r\n");
        }

        response.Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(response.ToString()), cancellationToken).ConfigureAwait(false);
        return subProtocol;
    }

    static async Task<string> ReadRequestAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxRequestBytes];
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                throw new IOException($"websocket: request headers longer than {MaxRequestBytes} bytes");
            }

            // One byte at a time so that no WebSocket frame byte after the headers is consumed here.
            var read = await stream.ReadAsync(buffer.AsMemory(length, 1), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw new IOException("websocket: connection closed during the HTTP handshake");
            }

            length++;
            if (length >= 4 && buffer[length - 4] == '\r' && buffer[length - 3] == '\n' && buffer[length - 2] == '\r' && buffer[length - 1] == '\n')
            {
                return Encoding.ASCII.GetString(buffer, 0, length - 4);
            }
        }
    }

    static Task RefuseAsync(Stream stream, string status, CancellationToken cancellationToken) =>
        stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 {status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"), cancellationToken).AsTask();
}
