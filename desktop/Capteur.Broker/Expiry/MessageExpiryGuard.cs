using Capteur.Broker.Logging;
using Capteur.Broker.Persistence;
using MQTTnet.Packets;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace Capteur.Broker.Expiry;

/// <summary>
/// MQTT 5 message expiry (MQTT 5.0 §3.3.2.3.3), which MQTTnet 5.2 does not implement: a message with a Message Expiry Interval is stamped
/// with its deadline when the broker accepts it (<see cref="ExpiryStamp"/>); each PUBLISH carrying such a message is checked when it
/// leaves the client's queue for the socket, so one rule covers live and queued, online and offline, QoS 0/1/2, retained and restored
/// messages: past the deadline it is not sent [MQTT-3.3.2-5], otherwise it goes out with the interval that remains [MQTT-3.3.2-6].
/// </summary>
internal sealed class MessageExpiryGuard(MqttServer server, SessionPersistence persistence, RetainedExpirySweeper retained, MessageExpiryClock clock, BrokerLog log)
{
    int _outboundAttached;

    /// <summary>
    /// Hooks the stamping onto the server; attach it after the security checks so that a refused PUBLISH is left alone.
    /// <paramref name="loadedRetained"/> and <paramref name="loadedSessions"/>: what the store gave back at start-up.
    /// </summary>
    public void Attach(IReadOnlyList<StoredMessage> loadedRetained, IReadOnlyList<StoredSession> loadedSessions)
    {
        server.InterceptingPublishAsync += OnPublishAsync;
        server.RetainedMessagesClearedAsync += _ =>
        {
            retained.Clear();
            return Task.CompletedTask;
        };
        retained.Track(loadedRetained);
        if (loadedRetained.Any(m => m.ExpiresAtUnixMs != null) || loadedSessions.Any(s => s.Queued.Any(m => m.ExpiresAtUnixMs != null)))
        {
            AttachOutboundCheck();
        }
    }

    async Task OnPublishAsync(InterceptingPublishEventArgs e)
    {
        var m = e.ApplicationMessage;
        if (!e.ProcessPublish || m == null)
        {
            return;
        }

        if (m.MessageExpiryInterval > 0)
        {
            m.UserProperties = ExpiryStamp.With(m.UserProperties, clock.DeadlineFor(m.MessageExpiryInterval));
            AttachOutboundCheck();
        }

        if (m.Retain)
        {
            await retained.OnRetainedPublishAsync(m, persistence.PersistRetainedAsync).ConfigureAwait(false);
        }
    }

    // Each handler of MQTTnet's outbound event costs an allocation per packet sent to any client, so it is attached only once a message
    // with an expiry exists. It is attached before that message is queued anywhere: the send loops see it when they dequeue the message.
    void AttachOutboundCheck()
    {
        if (Interlocked.Exchange(ref _outboundAttached, 1) == 0)
        {
            server.InterceptingOutboundPacketAsync += OnOutboundAsync;
        }
    }

    Task OnOutboundAsync(InterceptingPacketEventArgs e)
    {
        if (e.Packet is not MqttPublishPacket { MessageExpiryInterval: > 0 } packet || ExpiryStamp.Read(packet.UserProperties) is not { } deadline)
        {
            return Task.CompletedTask;
        }

        var remaining = clock.RemainingSeconds(deadline);
        if (remaining > 0)
        {
            // A copy goes on the wire: the queued packet keeps the stamp and the received interval, for a resend after a reconnect.
            e.Packet = ForWire(packet, remaining);
            return Task.CompletedTask;
        }

        e.ProcessPacket = false;
        return packet.QualityOfServiceLevel == MqttQualityOfServiceLevel.AtMostOnce ? Task.CompletedTask : ForgetAsync(e.ClientId, packet, deadline);
    }

    async Task ForgetAsync(string clientId, MqttPublishPacket packet, long deadline)
    {
        try
        {
            var session = await server.GetSessionAsync(clientId).ConfigureAwait(false);
            if (SessionQueueAccess.ForgetUnsent(session, packet))
            {
                persistence.OnExpiredUnsent(clientId, packet.Topic, deadline);
            }
        }
        catch (Exception e) when (e is InvalidOperationException or MissingFieldException)
        {
            log.Warning($"client '{clientId}': expired message on '{packet.Topic}' not sent, but its packet id {packet.PacketIdentifier} could not be released ({e.Message})");
        }
    }

    static MqttPublishPacket ForWire(MqttPublishPacket p, uint remainingSeconds) => new()
    {
        PacketIdentifier = p.PacketIdentifier,
        Topic = p.Topic,
        Payload = p.Payload,
        QualityOfServiceLevel = p.QualityOfServiceLevel,
        Retain = p.Retain,
        Dup = p.Dup,
        ContentType = p.ContentType,
        CorrelationData = p.CorrelationData,
        MessageExpiryInterval = remainingSeconds,
        PayloadFormatIndicator = p.PayloadFormatIndicator,
        ResponseTopic = p.ResponseTopic,
        TopicAlias = p.TopicAlias,
        SubscriptionIdentifiers = p.SubscriptionIdentifiers,
        UserProperties = ExpiryStamp.Without(p.UserProperties),
    };
}
