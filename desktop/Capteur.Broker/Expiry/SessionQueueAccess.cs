using System.Runtime.CompilerServices;
using MQTTnet.Packets;
using MQTTnet.Server;
using MQTTnet.Server.Internal;

namespace Capteur.Broker.Expiry;

/// <summary>
/// Lets the broker withdraw a QoS 1/2 PUBLISH that MQTTnet queued but that will not be sent. MQTTnet 5.2 gives such a packet its packet
/// identifier and puts it in the session's unacknowledged list when it is queued (MqttSession.EnqueueDataPacket), not when it is
/// sent; a packet the outbound interceptor drops stays in that list: it is queued again at every reconnect (MqttSession.Recover), and once
/// the 16-bit identifiers wrap, a client's PUBACK for a new packet with the same identifier acknowledges the dropped one instead
/// (MqttSession.AcknowledgePublishPacket takes the first match), so the new message is sent again and the wrong one is reported as
/// acknowledged. MQTTnet has no public way to reach the session from a <see cref="MqttSessionStatus"/>, hence the accessor below; it is
/// bound to MQTTnet 5.2's private field and fails with <see cref="MissingFieldException"/> (tested) if a new MQTTnet renames it.
/// </summary>
internal static class SessionQueueAccess
{
    /// <summary>
    /// Removes <paramref name="packet"/> from the unacknowledged list of the session behind <paramref name="status"/>, as a PUBACK / PUBCOMP
    /// from the client would; false when that session does not hold this very packet (the client started a new session meanwhile).
    /// </summary>
    public static bool ForgetUnsent(MqttSessionStatus status, MqttPublishPacket packet)
    {
        var session = SessionOf(status);
        if (!ReferenceEquals(session.PeekAcknowledgePublishPacket(packet.PacketIdentifier), packet))
        {
            return false;
        }

        return ReferenceEquals(session.AcknowledgePublishPacket(packet.PacketIdentifier), packet);
    }

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_session")]
    static extern ref MqttSession SessionOf(MqttSessionStatus status);
}
