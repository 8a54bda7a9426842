using Capteur.Watch;

namespace Capteur.Recorder;

/// <summary>One reading as the recorder keeps it.</summary>
/// <param name="Node">The node's base topic (e.g. <c>maison/salon</c>).</param>
/// <param name="Sensor">The sensor (the topic's last level).</param>
/// <param name="Seq">The node's sequence number, or null for a plain payload (no seq).</param>
/// <param name="Time">The node's own time of the reading (<c>ts</c>), or the arrival time for a plain payload.</param>
/// <param name="ReceivedAt">When the recorder received it.</param>
/// <param name="Value">The value.</param>
/// <param name="Unit">The unit, empty when none.</param>
/// <param name="Late">True when it arrived more than <see cref="FleetView.LateAfter"/> after its own time.</param>
public sealed record RecordedReading(string Node, string Sensor, long? Seq, DateTimeOffset Time, DateTimeOffset ReceivedAt, double Value, string Unit, bool Late)
{
    /// <summary>
    /// The reading a message carries, received at <paramref name="receivedAt"/> (times kept to the millisecond, in UTC); null
    /// for a status or info message, another application's message, or a value that is not a finite number.
    /// </summary>
    public static RecordedReading? FromMessage(NodeMessage message, DateTimeOffset receivedAt)
    {
        if (message.Kind != NodeMessageKind.Reading || !double.IsFinite(message.Value))
        {
            return null;
        }

        DateTimeOffset received = ToMilliseconds(receivedAt);
        DateTimeOffset time = message.Timestamp is DateTimeOffset ts ? ToMilliseconds(ts) : received;
        return new RecordedReading(message.Node, message.Sensor, message.Seq, time, received, message.Value, message.Unit, received - time > FleetView.LateAfter);
    }

    private static DateTimeOffset ToMilliseconds(DateTimeOffset time) => DateTimeOffset.FromUnixTimeMilliseconds(time.ToUnixTimeMilliseconds());
}
