using System.Buffers;
using Capteur.Broker.Expiry;
using MQTTnet;
using MQTTnet.Protocol;

namespace Capteur.Broker.Persistence;

/// <summary>Converts between MQTTnet's application messages and the stored form.</summary>
internal static class MessageConversion
{
    /// <summary>The stored form of <paramref name="m"/>, delivered with <paramref name="qos"/>; its expiry stamp becomes <see cref="StoredMessage.ExpiresAtUnixMs"/>.</summary>
    public static StoredMessage ToStored(MqttApplicationMessage m, int qos, bool retain) => new(
        m.Topic,
        m.Payload.ToArray(),
        qos,
        retain,
        m.ContentType,
        m.ResponseTopic,
        m.CorrelationData,
        m.MessageExpiryInterval,
        m.PayloadFormatIndicator == MqttPayloadFormatIndicator.CharacterData,
        (m.MessageExpiryInterval > 0 ? ExpiryStamp.Without(m.UserProperties) : m.UserProperties)?.Select(p => new KeyValuePair<string, string>(p.Name, System.Text.Encoding.UTF8.GetString(p.ValueBuffer.Span))).ToList(),
        m.MessageExpiryInterval > 0 ? ExpiryStamp.Read(m.UserProperties) : null);

    /// <summary>An MQTTnet message from the stored form, stamped with its expiry deadline if it has one.</summary>
    public static MqttApplicationMessage ToApplicationMessage(StoredMessage s)
    {
        var builder = new MqttApplicationMessageBuilder()
            .WithTopic(s.Topic)
            .WithPayload(s.Payload)
            .WithQualityOfServiceLevel((MqttQualityOfServiceLevel)s.QualityOfService)
            .WithRetainFlag(s.Retain);
        if (s.ContentType != null)
        {
            builder.WithContentType(s.ContentType);
        }

        if (s.ResponseTopic != null)
        {
            builder.WithResponseTopic(s.ResponseTopic);
        }

        if (s.CorrelationData != null)
        {
            builder.WithCorrelationData(s.CorrelationData);
        }

        if (s.MessageExpirySeconds != 0)
        {
            builder.WithMessageExpiryInterval(s.MessageExpirySeconds);
        }

        if (s.PayloadIsUtf8)
        {
            builder.WithPayloadFormatIndicator(MqttPayloadFormatIndicator.CharacterData);
        }

        foreach (var (name, value) in s.UserProperties ?? [])
        {
            builder.WithUserProperty(name, System.Text.Encoding.UTF8.GetBytes(value).AsMemory());
        }

        var message = builder.Build();
        if (s.MessageExpirySeconds != 0 && s.ExpiresAtUnixMs is { } deadline)
        {
            message.UserProperties = ExpiryStamp.With(message.UserProperties, deadline);
        }

        return message;
    }
}
