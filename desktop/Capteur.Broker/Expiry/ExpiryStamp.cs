using System.Buffers.Text;
using System.Globalization;
using System.Text;
using MQTTnet.Packets;

namespace Capteur.Broker.Expiry;

/// <summary>
/// The deadline of an MQTT 5 message with a Message Expiry Interval (its arrival time plus the interval, Unix milliseconds), carried
/// inside the broker as a user property of the application message. MQTTnet copies a message's user properties into every PUBLISH packet
/// it makes from it (live deliveries, retained deliveries, session takeover resends), so the deadline travels with each copy without a
/// side table; <see cref="MessageExpiryGuard"/> takes it off before a packet goes on the wire, and the store keeps it in a column.
/// </summary>
internal static class ExpiryStamp
{
    /// <summary>
    /// Name of the internal user property; reserved: on a message with an expiry interval the broker replaces a client's property of this
    /// name with its own stamp and takes it off before delivery. On a message without an interval it is never read and passes unchanged.
    /// </summary>
    public const string PropertyName = "$capteur-expires-at-ms";

    /// <summary>The deadline in <paramref name="properties"/>, or null when the message carries none.</summary>
    public static long? Read(List<MqttUserProperty>? properties)
    {
        if (properties == null)
        {
            return null;
        }

        foreach (var p in properties)
        {
            if (p.Name == PropertyName && Utf8Parser.TryParse(p.ValueBuffer.Span, out long deadline, out _))
            {
                return deadline;
            }
        }

        return null;
    }

    /// <summary>
    /// <paramref name="properties"/> without the stamp: the same list when it has none, a new list otherwise (lists are shared between
    /// the copies of a message, so they are never changed in place), null when the stamp was the only property.
    /// </summary>
    public static List<MqttUserProperty>? Without(List<MqttUserProperty>? properties)
    {
        if (properties == null || !properties.Exists(p => p.Name == PropertyName))
        {
            return properties;
        }

        var others = properties.FindAll(p => p.Name != PropertyName);
        return others.Count == 0 ? null : others;
    }

    /// <summary>A new list: <paramref name="properties"/> without any previous stamp, then the stamp for <paramref name="deadlineUnixMs"/>.</summary>
    public static List<MqttUserProperty> With(List<MqttUserProperty>? properties, long deadlineUnixMs)
    {
        var result = properties == null ? new List<MqttUserProperty>(1) : properties.FindAll(p => p.Name != PropertyName);
        result.Add(new MqttUserProperty(PropertyName, Encoding.ASCII.GetBytes(deadlineUnixMs.ToString(CultureInfo.InvariantCulture)).AsMemory()));
        return result;
    }
}
