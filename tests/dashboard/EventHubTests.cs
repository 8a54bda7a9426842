namespace Capteur.Dashboard.Tests;

/// <summary>The fan-out of events to browsers: nobody waits for a slow one.</summary>
[TestClass]
public sealed class EventHubTests
{
    [TestMethod]
    public void A_browser_that_falls_behind_is_cut_off_while_the_others_get_every_event()
    {
        var hub = new EventHub(capacity: 4);
        using EventSubscription slow = hub.Subscribe();
        using EventSubscription reader = hub.Subscribe();
        var received = new List<string>();

        for (int i = 0; i < 10; i++)
        {
            hub.Publish("reading", $"{{\"seq\":{i}}}");
            while (reader.Queue.Reader.TryRead(out string? frame))
            {
                received.Add(frame);
            }
        }

        Assert.IsTrue(slow.Dropped.IsCancellationRequested);
        Assert.IsFalse(reader.Dropped.IsCancellationRequested);
        Assert.HasCount(10, received);
        Assert.AreEqual("event: reading\ndata: {\"seq\":9}\n\n", received[^1]);
        Assert.AreEqual(1, hub.SlowDisconnects);
        Assert.IsFalse(slow.Queue.Writer.TryWrite("more"), "the slow browser's queue is closed: its stream ends, EventSource reconnects and fetches the history again");
    }

    [TestMethod]
    public void A_browser_that_leaves_gets_no_more_events()
    {
        var hub = new EventHub(capacity: 4);
        EventSubscription gone = hub.Subscribe();

        gone.Dispose();
        hub.Publish("status", "{}");

        Assert.AreEqual(0, hub.Count);
        Assert.IsFalse(gone.Queue.Reader.TryRead(out _));
    }
}
