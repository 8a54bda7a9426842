using Capteur.Watch;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Microsoft.Extensions.Time.Testing;
using System.Text;

namespace Capteur.Desktop.Tests.Watch;

[TestClass]
public class FleetViewTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 30, TimeSpan.Zero);

    private static NodeMessage Reading(string node, long seq, int second, double value = 21.5)
        => NodeMessage.Parse(node + "/temperature", Encoding.UTF8.GetBytes(
            $"{{\"value\":{value:F2},\"unit\":\"°C\",\"seq\":{seq},\"ts\":\"2026-11-22T10:00:{second:D2}.000Z\"}}"));

    [TestMethod]
    public void Duplicates_are_dropped_and_counted_and_gaps_found()
    {
        var fleet = new FleetView(new FakeTimeProvider(Now));
        Assert.AreEqual(Outcome.Reading, fleet.Apply(Reading("maison/salon", 1, 29)));
        Assert.AreEqual(Outcome.Duplicate, fleet.Apply(Reading("maison/salon", 1, 29)));
        fleet.Apply(Reading("maison/salon", 2, 29));
        fleet.Apply(Reading("maison/salon", 5, 29));
        SeqAudit audit = fleet.Node("maison/salon")!.Audit;
        Assert.AreEqual(1L, audit.Duplicates);
        Assert.AreEqual(2L, audit.Gaps);
        CollectionAssert.AreEqual(new long[] { 3, 4 }, audit.MissingNumbers().ToArray());
        Assert.AreEqual(3L, fleet.Readings);
        Assert.AreEqual(1L, fleet.Duplicates);
    }

    [TestMethod]
    public void A_reading_from_an_outbox_is_marked_late_and_does_not_hide_a_newer_value()
    {
        var fleet = new FleetView(new FakeTimeProvider(Now));
        fleet.Apply(Reading("maison/salon", 10, 29, 22.0));
        Assert.AreEqual(Outcome.LateReading, fleet.Apply(Reading("maison/salon", 3, 5, 19.0)));
        NodeView node = fleet.Node("maison/salon")!;
        Assert.AreEqual(22.0, node.Sensors["temperature"].Value);
        Assert.AreEqual(1L, node.LateReadings);
        Assert.AreEqual(1L, node.Audit.Late);
        CollectionAssert.AreEqual(new[] { 22.0, 19.0 }, node.Sensors["temperature"].Recent());
    }

    [TestMethod]
    public void Status_tracks_online_and_offline_per_node()
    {
        var fleet = new FleetView(new FakeTimeProvider(Now));
        fleet.Apply(NodeMessage.Parse("maison/cuisine/status", "online"u8));
        Assert.IsTrue(fleet.Node("maison/cuisine")!.Online);
        fleet.Apply(NodeMessage.Parse("maison/cuisine/status", "offline"u8));
        Assert.IsFalse(fleet.Node("maison/cuisine")!.Online);
    }
}
