using System.Net;
using System.Security.Cryptography.X509Certificates;
using MQTTnet.Adapter;
using MQTTnet.Exceptions;
using MQTTnet.Formatter;
using MQTTnet.Packets;

namespace Capteur.Broker.Transport;

/// <summary>
/// The broker's view of one client's packet stream, between the decoder and MQTTnet's session logic. It records why a connection was
/// broken by bad input (any decoding error: malformed or invalid packets), for the close log line, since MQTTnet closes such connections
/// without always saying so. And it gives an MQTT 3.1.1 client that connects with an empty client id and clean session on a unique id ("auto-" + a GUID, as
/// mosquitto does), which MQTT 3.1.1 §3.1.3.1 allows and mosquitto_pub / mosquitto_sub rely on. MQTTnet assigns ids only to MQTT 5
/// clients; an empty id with clean session off is still refused with "identifier rejected" as the spec requires.
/// </summary>
internal sealed class ServerChannelAdapter(IMqttChannelAdapter inner) : IMqttChannelAdapter
{
    bool _first = true;

    /// <summary>Why the client's input was rejected (malformed packet), or null.</summary>
    public string? Violation { get; private set; }

    /// <summary>Client id from the CONNECT packet, once received.</summary>
    public string? ClientId { get; private set; }

    public long BytesReceived => inner.BytesReceived;

    public long BytesSent => inner.BytesSent;

    public X509Certificate2 ClientCertificate => inner.ClientCertificate;

    public EndPoint RemoteEndPoint => inner.RemoteEndPoint;

    public EndPoint LocalEndPoint => inner.LocalEndPoint;

    public bool IsSecureConnection => inner.IsSecureConnection;

    public MqttPacketFormatterAdapter PacketFormatterAdapter => inner.PacketFormatterAdapter;

    public Task ConnectAsync(CancellationToken cancellationToken) => inner.ConnectAsync(cancellationToken);

    public Task DisconnectAsync(CancellationToken cancellationToken) => inner.DisconnectAsync(cancellationToken);

    public async Task<MqttPacket> ReceivePacketAsync(CancellationToken cancellationToken)
    {
        MqttPacket packet;
        try
        {
            packet = await inner.ReceivePacketAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not (OperationCanceledException or ObjectDisposedException or IOException or System.Net.Sockets.SocketException
            or MqttCommunicationException))
        {
            // Network failures are MqttCommunicationException / IOException; anything else came out of the decoder.
            Violation ??= $"malformed packet: {e.Message}";
            throw;
        }

        if (_first)
        {
            _first = false;
            ClientId = (packet as MqttConnectPacket)?.ClientId;
            if (packet != null && packet is not MqttConnectPacket)
            {
                Violation = $"first packet was {packet.GetType().Name.Replace("Mqtt", "").Replace("Packet", "").ToUpperInvariant()}, not CONNECT (MQTT 3.1.1 §3.1)";
            }

            if (packet is MqttConnectPacket { ClientId: null or "", CleanSession: true } connect && PacketFormatterAdapter.ProtocolVersion != MqttProtocolVersion.V500)
            {
                connect.ClientId = "auto-" + Guid.NewGuid().ToString("D").ToUpperInvariant();
            }
        }

        return packet!;
    }

    public void ResetStatistics() => inner.ResetStatistics();

    public Task SendPacketAsync(MqttPacket packet, CancellationToken cancellationToken) => inner.SendPacketAsync(packet, cancellationToken);

    public void Dispose() => inner.Dispose();
}
