namespace Capteur.Broker.Expiry;

/// <summary>
/// Time for MQTT 5 message expiry (MQTT 5.0 §3.3.2.3.3): a message's deadline is its arrival plus its Message Expiry Interval, on the
/// wall clock (Unix milliseconds) so that a deadline stored before a restart still holds after it.
/// </summary>
internal sealed class MessageExpiryClock(TimeProvider time)
{
    /// <summary>Now, Unix milliseconds.</summary>
    public long NowUnixMs => time.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>The deadline of a message arriving now with <paramref name="intervalSeconds"/>.</summary>
    public long DeadlineFor(uint intervalSeconds) => NowUnixMs + intervalSeconds * 1000L;

    /// <summary>
    /// The Message Expiry Interval to forward now for a message due at <paramref name="deadlineUnixMs"/>: the received interval minus the
    /// whole seconds it has waited in the broker [MQTT-3.3.2-6] (a message sent 3600 s with 2.4 s of waiting goes out as 3598), at least 1;
    /// 0 once the deadline has passed, when the message must no longer be delivered [MQTT-3.3.2-5].
    /// </summary>
    public uint RemainingSeconds(long deadlineUnixMs)
    {
        var left = deadlineUnixMs - NowUnixMs;
        return left <= 0 ? 0 : (uint)Math.Min(uint.MaxValue, (left + 999) / 1000);
    }
}
