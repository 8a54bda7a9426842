using Capteur.Broker.Expiry;
using Microsoft.Extensions.Time.Testing;

namespace Capteur.Broker.Tests;

/// <summary>The arithmetic of MQTT 5 message expiry on a fake clock: what interval goes out after how long a wait (MQTT 5.0 §3.3.2.3.3).</summary>
[TestClass]
public sealed class MessageExpiryClockTests
{
    static readonly DateTimeOffset Arrival = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [TestMethod]
    [DataRow(0, 3600u)]
    [DataRow(999, 3600u)]
    [DataRow(1000, 3599u)]
    [DataRow(2400, 3598u)]
    [DataRow(3_599_001, 1u)]
    [DataRow(3_599_999, 1u)]
    public void Forwarded_interval_is_the_received_one_minus_the_whole_seconds_waited(int waitedMs, uint expected)
    {
        var time = new FakeTimeProvider(Arrival);
        var clock = new MessageExpiryClock(time);
        var deadline = clock.DeadlineFor(3600);
        time.Advance(TimeSpan.FromMilliseconds(waitedMs));
        Assert.AreEqual(expected, clock.RemainingSeconds(deadline));
    }

    [TestMethod]
    [DataRow(1000)]
    [DataRow(1001)]
    [DataRow(86_400_000)]
    public void Message_is_expired_from_the_moment_its_interval_has_passed(int waitedMs)
    {
        var time = new FakeTimeProvider(Arrival);
        var clock = new MessageExpiryClock(time);
        var deadline = clock.DeadlineFor(1);
        time.Advance(TimeSpan.FromMilliseconds(waitedMs));
        Assert.AreEqual(0u, clock.RemainingSeconds(deadline));
    }

    [TestMethod]
    public void Deadline_is_the_arrival_on_the_wall_clock_plus_the_interval()
    {
        var clock = new MessageExpiryClock(new FakeTimeProvider(Arrival));
        Assert.AreEqual(Arrival.AddSeconds(uint.MaxValue).ToUnixTimeMilliseconds(), clock.DeadlineFor(uint.MaxValue));
    }
}
