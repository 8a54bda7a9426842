using System.Collections.Concurrent;
using Capteur.Desktop.Tests.Infrastructure;
using Capteur.Desktop.Tests.Recorder.Support;
using Capteur.Recorder;
using Microsoft.Extensions.Time.Testing;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using RecorderClient = Capteur.Recorder.Recorder;

namespace Capteur.Desktop.Tests.Recorder;

/// <summary>The recorder in this process against a real `capteur broker` child process.</summary>
[TestClass]
public class RecorderTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);
    private string _folder = "";

    [TestInitialize]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("capteur-recorder-").FullName;

    [TestCleanup]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [TestMethod]
    public async Task The_recorder_stores_readings_drops_duplicates_counts_seq_conflicts_and_skips_status_and_info()
    {
        int port = FreePort.Next();
        using CapteurProcess broker = CapteurProcess.StartBroker(port, Path.Combine(_folder, "broker"));
        using ReadingStore store = ReadingStore.Open(Path.Combine(_folder, "readings.db"));
        var options = new RecorderOptions { SessionId = "test-recorder", TopicFilter = "maison/#" };
        await using RecorderClient recorder = await RecorderClient.StartAsync("127.0.0.1", port, store, options, CancellationToken.None);
        var stored = new ConcurrentQueue<RecordedReading>();
        recorder.Stored += stored.Enqueue;

        DateTimeOffset now = DateTimeOffset.UtcNow;
        await using ReadingPublisher node = await ReadingPublisher.ConnectAsync(port);
        await node.PublishAsync("maison/salon/status", "online", retain: true);
        await node.PublishAsync("maison/salon/info", "{\"version\":\"0.1.0\",\"uptime_s\":3}");
        await node.ReadingAsync("maison/salon", "temperature", 21.5, "°C", 1, now);
        await node.ReadingAsync("maison/salon", "temperature", 21.5, "°C", 1, now);
        await node.ReadingAsync("maison/salon", "temperature", 19.0, "°C", 1, now.AddSeconds(1));
        await node.PublishAsync("maison/cave/humidite", "55.5");
        await node.PublishAsync("jardin/arrosage/debit", ReadingPublisher.Json(3, "l/min", 1, now));
        await node.ReadingAsync("maison/salon", "door", 1, "", 2, now);

        await Poll.UntilAsync(() => recorder.StoredCount == 4 && recorder.Duplicates == 1, Deadline,
            () => $"{recorder.StoredCount} stored, {recorder.Duplicates} duplicates");
        Assert.AreEqual(1L, recorder.SeqConflicts);
        Assert.AreEqual(4, stored.Count);
        IReadOnlyList<RecordedReading> rows = store.Query(DateTimeOffset.MinValue);
        CollectionAssert.AreEquivalent(
            new[] { "maison/salon/temperature 1 21.5", "maison/salon/temperature 1 19", "maison/cave/humidite  55.5", "maison/salon/door 2 1" },
            rows.Select(r => $"{r.Node}/{r.Sensor} {r.Seq} {r.Value}").ToArray());
        Assert.AreEqual(1, store.Series().Count(s => s.Node == "maison/salon" && s.Sensor == "door"));
        Assert.IsFalse(store.Series().Any(s => s.Sensor is "status" or "info"));
    }

    [TestMethod]
    [DataRow("capteur broker")]
    [DataRow("mosquitto")]
    public async Task A_reading_is_acknowledged_only_once_committed_so_an_uncommitted_one_is_delivered_again(string brokerName)
    {
        using Mosquitto? mosquitto = brokerName == "mosquitto" ? Mosquitto.Start() : null;
        int port = mosquitto?.Port ?? FreePort.Next();
        using CapteurProcess? capteur = mosquitto is null ? CapteurProcess.StartBroker(port, Path.Combine(_folder, "broker")) : null;
        // the first recorder: through a proxy that can vanish, and with a stopped clock so that its batch never commits
        var proxy = new CuttingProxy(port);
        using ReadingStore stuck = ReadingStore.Open(Path.Combine(_folder, "stuck.db"), new RecorderOptions { TimeProvider = new FakeTimeProvider(DateTimeOffset.UtcNow) });
        var options = new RecorderOptions { SessionId = "test-redelivery" };
        RecorderClient first = await RecorderClient.StartAsync("127.0.0.1", proxy.Port, stuck, options, CancellationToken.None);
        await using (ReadingPublisher node = await ReadingPublisher.ConnectAsync(port))
        {
            await node.ReadingAsync("maison/salon", "temperature", 21.5, "°C", 1, DateTimeOffset.UtcNow);
            await node.ReadingAsync("maison/salon", "temperature", 21.6, "°C", 2, DateTimeOffset.UtcNow);
        }

        // MQTTnet hands messages over one after the other: an acknowledgement sent at once for the first would be on its way now
        await Poll.UntilAsync(() => first.StoredCount == 2, Deadline, () => $"{first.StoredCount} stored by the first recorder");

        // the first recorder dies before its commit (its connection gone for good); the session comes back from elsewhere
        proxy.Dispose();
        using ReadingStore store = ReadingStore.Open(Path.Combine(_folder, "readings.db"));
        await using RecorderClient second = await RecorderClient.StartAsync("127.0.0.1", port, store, options, CancellationToken.None);
        await Poll.UntilAsync(() => second.StoredCount == 2, Deadline, () => $"{second.StoredCount} stored by the second recorder, {brokerName}");
        Assert.AreEqual(2L, store.Count());
        await first.DisposeAsync();
    }
}
