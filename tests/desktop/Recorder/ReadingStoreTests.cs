using System.Text;
using Capteur.Recorder;
using Capteur.Watch;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Capteur.Desktop.Tests.Recorder;

[TestClass]
public class ReadingStoreTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private string _folder = "";

    private string Db => Path.Combine(_folder, "readings.db");

    [TestInitialize]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("capteur-recorder-").FullName;

    [TestCleanup]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [TestMethod]
    public void A_resent_reading_is_dropped_and_counted_as_a_duplicate()
    {
        using ReadingStore store = ReadingStore.Open(Db, Options());
        RecordedReading reading = Received("maison/salon/temperature", Json(21.5, seq: 7, Now), Now)!;
        Assert.AreEqual(StoreOutcome.Stored, store.Add(reading));
        Assert.AreEqual(StoreOutcome.Duplicate, store.Add(Received("maison/salon/temperature", Json(21.5, seq: 7, Now), Now.AddSeconds(30))!));
        Assert.AreEqual(1L, store.Count());
        Assert.AreEqual(reading, store.Query(DateTimeOffset.MinValue).Single());
    }

    [TestMethod]
    public void A_node_that_counts_again_from_1_keeps_its_new_readings_as_seq_conflicts()
    {
        using ReadingStore store = ReadingStore.Open(Db, Options());
        for (int seq = 1; seq <= 3; seq++)
        {
            Assert.AreEqual(StoreOutcome.Stored, store.Add(Reading("maison/salon", seq, Now.AddMinutes(-60 + seq))));
        }

        // data folder wiped: seq 1 and 2 again, at new times
        Assert.AreEqual(StoreOutcome.SeqConflict, store.Add(Reading("maison/salon", 1, Now.AddMinutes(1))));
        Assert.AreEqual(StoreOutcome.SeqConflict, store.Add(Reading("maison/salon", 2, Now.AddMinutes(2))));
        Assert.AreEqual(StoreOutcome.Duplicate, store.Add(Reading("maison/salon", 2, Now.AddMinutes(2))), "the new seq 2 resent");
        Assert.AreEqual(StoreOutcome.Stored, store.Add(Reading("maison/cuisine", 1, Now.AddMinutes(1))), "seq is per node");
        Assert.AreEqual(6L, store.Count());
        CollectionAssert.AreEqual(
            new long?[] { 1, 2, 3, 1, 2 },
            store.Query(DateTimeOffset.MinValue, "maison/salon/#").Select(r => r.Seq).ToArray());
    }

    [TestMethod]
    public void A_late_reading_is_stored_at_its_own_time_among_the_on_time_ones()
    {
        using ReadingStore store = ReadingStore.Open(Db, Options());
        store.Add(Received("maison/salon/temperature", Json(20.0, 1, Now.AddMinutes(-20)), Now.AddMinutes(-20))!);
        store.Add(Received("maison/salon/temperature", Json(20.5, 2, Now.AddMinutes(-15)), Now.AddMinutes(-15))!);
        store.Add(Received("maison/salon/temperature", Json(21.5, 4, Now.AddMinutes(-1)), Now.AddMinutes(-1))!);
        // seq 3 waited 10 minutes in the node's outbox
        RecordedReading late = Received("maison/salon/temperature", Json(21.0, 3, Now.AddMinutes(-10)), Now)!;
        Assert.IsTrue(late.Late);
        Assert.AreEqual(StoreOutcome.Stored, store.Add(late));

        IReadOnlyList<RecordedReading> all = store.Query(DateTimeOffset.MinValue);
        CollectionAssert.AreEqual(new long?[] { 1, 2, 3, 4 }, all.Select(r => r.Seq).ToArray());
        CollectionAssert.AreEqual(new[] { false, false, true, false }, all.Select(r => r.Late).ToArray());
        Assert.AreEqual(Now.AddMinutes(-10), all[2].Time);
        Assert.AreEqual(Now, all[2].ReceivedAt);
        CollectionAssert.AreEqual(new long?[] { 3, 4 }, store.Query(Now.AddMinutes(-10)).Select(r => r.Seq).ToArray(), "since is on the reading's own time");
        CollectionAssert.AreEqual(new long?[] { 4 }, store.Query(Now.AddMinutes(-9)).Select(r => r.Seq).ToArray());
    }

    [TestMethod]
    public void A_plain_payload_is_stored_at_its_arrival_time_without_seq_and_never_deduplicated()
    {
        using ReadingStore store = ReadingStore.Open(Db, Options());
        RecordedReading first = Received("maison/cave/humidite", "55.5"u8.ToArray(), Now)!;
        Assert.AreEqual(StoreOutcome.Stored, store.Add(first));
        Assert.AreEqual(StoreOutcome.Stored, store.Add(Received("maison/cave/humidite", "55.5"u8.ToArray(), Now)!), "no seq: nothing tells a resend apart");
        IReadOnlyList<RecordedReading> all = store.Query(DateTimeOffset.MinValue);
        Assert.AreEqual(2, all.Count);
        Assert.AreEqual(new RecordedReading("maison/cave", "humidite", null, Now, Now, 55.5, "", false), all[0]);
    }

    [TestMethod]
    public void Status_info_and_foreign_messages_are_not_readings()
    {
        Assert.IsNull(Received("maison/salon/status", "online"u8.ToArray(), Now));
        Assert.IsNull(Received("maison/salon/info", "{\"version\":\"0.1.0\"}"u8.ToArray(), Now));
        Assert.IsNull(Received("zigbee2mqtt/lampe", "{\"state\":\"ON\"}"u8.ToArray(), Now));
        Assert.IsNull(Received("maison/salon/temperature", "NaN"u8.ToArray(), Now), "NaN cannot be exported");
    }

    [TestMethod]
    public void Times_are_kept_to_the_millisecond()
    {
        using ReadingStore store = ReadingStore.Open(Db, Options());
        var time = new DateTimeOffset(2026, 11, 23, 11, 0, 0, 123, TimeSpan.FromHours(1)).AddTicks(4567);
        store.Add(new RecordedReading("n", "s", 1, time, time.AddTicks(9), 1, "", false));
        RecordedReading stored = store.Query(DateTimeOffset.MinValue).Single();
        Assert.AreEqual(new DateTimeOffset(2026, 11, 23, 10, 0, 0, 123, TimeSpan.Zero), stored.Time);
        Assert.AreEqual(TimeSpan.Zero, stored.Time.Offset);
    }

    [TestMethod]
    public void Retention_deletes_readings_older_than_the_period_at_open_and_every_hour()
    {
        var clock = new FakeTimeProvider(Now);
        using (ReadingStore store = ReadingStore.Open(Db, Options(clock, TimeSpan.FromDays(1))))
        {
            store.Add(Reading("maison/salon", 1, Now.AddHours(-30)));
            store.Add(Reading("maison/salon", 2, Now.AddHours(-23)));
            store.Add(Reading("maison/salon", 3, Now.AddHours(-1)));
            Assert.AreEqual(3L, store.Count(), "kept until the next sweep");
            clock.Advance(TimeSpan.FromMinutes(59));
            Assert.AreEqual(3L, store.Count());
            clock.Advance(TimeSpan.FromMinutes(1));
            CollectionAssert.AreEqual(new long?[] { 2, 3 }, store.Query(DateTimeOffset.MinValue).Select(r => r.Seq).ToArray(), "after an hour: older than a day");
        }

        clock.Advance(TimeSpan.FromHours(22));
        using (ReadingStore store = ReadingStore.Open(Db, Options(clock, TimeSpan.FromDays(1))))
        {
            CollectionAssert.AreEqual(new long?[] { 3 }, store.Query(DateTimeOffset.MinValue).Select(r => r.Seq).ToArray(), "at open");
        }
    }

    [TestMethod]
    public void A_batch_is_committed_at_500_rows_or_after_200_ms_and_readers_never_wait_for_it()
    {
        var clock = new FakeTimeProvider(Now);
        using ReadingStore writer = ReadingStore.Open(Db, Options(clock));
        using ReadingStore reader = ReadingStore.OpenForReading(Db);
        for (int seq = 1; seq < ReadingStore.BatchRows; seq++)
        {
            writer.Add(Reading("maison/salon", seq, Now.AddSeconds(seq)));
        }

        Assert.AreEqual(0L, reader.Count(), "499 rows: the batch is still open (and the reader is not blocked by it)");
        writer.Add(Reading("maison/salon", 500, Now.AddSeconds(500)));
        Assert.AreEqual(500L, reader.Count());
        writer.Add(Reading("maison/salon", 501, Now.AddSeconds(501)));
        Assert.AreEqual(500L, reader.Count());
        clock.Advance(ReadingStore.BatchDelay);
        Assert.AreEqual(501L, reader.Count(), "committed by the timer");
        writer.Add(Reading("maison/salon", 502, Now.AddSeconds(502)));
        Assert.AreEqual(502, writer.Query(DateTimeOffset.MinValue).Count, "the writer's own queries include the open batch");
    }

    [TestMethod]
    public void Query_and_series_filter_by_MQTT_topic_filter_on_node_and_sensor()
    {
        using ReadingStore store = ReadingStore.Open(Db, Options());
        store.Add(Reading("maison/salon", 1, Now.AddSeconds(1)));
        store.Add(Reading("maison/salon", 2, Now.AddSeconds(2), sensor: "door"));
        store.Add(Reading("maison/cuisine", 1, Now.AddSeconds(3)));
        store.Add(Reading("garage", 1, Now.AddSeconds(4)));

        string[] Topics(string? filter, int limit = 100) => [.. store.Query(DateTimeOffset.MinValue, filter, limit).Select(r => $"{r.Node}/{r.Sensor}")];
        CollectionAssert.AreEqual(new[] { "maison/salon/temperature", "maison/cuisine/temperature" }, Topics("maison/+/temperature"));
        CollectionAssert.AreEqual(new[] { "maison/salon/temperature", "maison/salon/door" }, Topics("maison/salon/#"));
        CollectionAssert.AreEqual(new[] { "garage/temperature" }, Topics("+/temperature"));
        Assert.AreEqual(4, Topics("#").Length);
        Assert.AreEqual(4, Topics(null).Length);
        Assert.AreEqual(2, Topics("#", limit: 2).Length);
        Assert.AreEqual(0, Topics("maison/cuisine/door").Length);
        CollectionAssert.AreEqual(
            new[] { ("garage", "temperature"), ("maison/cuisine", "temperature"), ("maison/salon", "door"), ("maison/salon", "temperature") },
            store.Series().ToArray());

        var e = Assert.ThrowsExactly<ArgumentException>(() => store.Query(DateTimeOffset.MinValue, "maison/#/temperature"));
        StringAssert.StartsWith(e.Message, "\"maison/#/temperature\" is not an MQTT topic filter (+ and # stand for whole levels, # only as the last; e.g. maison/+/temperature or maison/#)");
    }

    [TestMethod]
    public void A_file_that_is_not_a_database_is_refused_naming_the_file_and_the_fix()
    {
        string text = string.Concat(Enumerable.Repeat("node,sensor,seq\r\nmaison/salon,temperature,1\r\n", 100));
        File.WriteAllText(Db, text);
        var e = Assert.ThrowsExactly<ReadingStoreException>(() => ReadingStore.Open(Db));
        Assert.AreEqual($"{Db} is not a Capteur readings database (not an SQLite file, or a damaged one); give another file, or move this one away to start a new one", e.Message);
        Assert.AreEqual(text, File.ReadAllText(Db), "the file is left as it was");
    }

    [TestMethod]
    public void Another_applications_SQLite_file_is_refused()
    {
        using (var other = new SqliteConnection($"Data Source={Db};Pooling=false"))
        {
            other.Open();
            using SqliteCommand create = other.CreateCommand();
            create.CommandText = "CREATE TABLE retained(topic TEXT PRIMARY KEY)";
            create.ExecuteNonQuery();
        }

        var e = Assert.ThrowsExactly<ReadingStoreException>(() => ReadingStore.Open(Db));
        Assert.AreEqual($"{Db} is not a Capteur readings database (an SQLite file of another application); give another file, or move this one away to start a new one", e.Message);
        Assert.AreEqual(Db, e.Path);
    }

    [TestMethod]
    public void A_database_of_a_newer_schema_is_refused_with_the_update_hint()
    {
        ReadingStore.Open(Db).Dispose();
        using (var newer = new SqliteConnection($"Data Source={Db};Pooling=false"))
        {
            newer.Open();
            using SqliteCommand bump = newer.CreateCommand();
            bump.CommandText = "PRAGMA user_version = 2";
            bump.ExecuteNonQuery();
        }

        var e = Assert.ThrowsExactly<ReadingStoreException>(() => ReadingStore.OpenForReading(Db));
        Assert.AreEqual($"{Db} is a readings database of schema version 2, newer than this capteur reads (version 1); update capteur (dotnet tool update -g Capteur.Cli) or give another file", e.Message);
    }

    [TestMethod]
    public void Reading_a_missing_file_says_to_record_first_and_creates_nothing()
    {
        var e = Assert.ThrowsExactly<ReadingStoreException>(() => ReadingStore.OpenForReading(Db));
        Assert.AreEqual($"{Db} does not exist; record into it first (capteur record --db FILE) or give the file readings were recorded in", e.Message);
        Assert.IsFalse(File.Exists(Db));
    }

    [TestMethod]
    public void Readings_survive_closing_and_reopening()
    {
        using (ReadingStore store = ReadingStore.Open(Path.Combine(_folder, "sub", "dir", "r.db"), Options()))
        {
            store.Add(Reading("maison/salon", 1, Now));
        }

        using ReadingStore again = ReadingStore.Open(Path.Combine(_folder, "sub", "dir", "r.db"), Options());
        Assert.AreEqual(StoreOutcome.Duplicate, again.Add(Reading("maison/salon", 1, Now)));
        Assert.AreEqual(1L, again.Count());
    }

    private static RecorderOptions Options(TimeProvider? clock = null, TimeSpan? retention = null)
        => new() { TimeProvider = clock ?? new FakeTimeProvider(Now), Retention = retention ?? TimeSpan.FromDays(3650) };

    private static RecordedReading Reading(string node, long seq, DateTimeOffset time, string sensor = "temperature")
        => new(node, sensor, seq, time, time, 21.5, "°C", false);

    private static byte[] Json(double value, long seq, DateTimeOffset ts)
        => Encoding.UTF8.GetBytes($"{{\"value\":{value:R},\"unit\":\"°C\",\"seq\":{seq},\"ts\":\"{ts.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fff}Z\"}}");

    private static RecordedReading? Received(string topic, byte[] payload, DateTimeOffset at)
        => RecordedReading.FromMessage(NodeMessage.Parse(topic, payload), at);
}
