using Capteur.Desktop.Tests.ConsoleTools;
using Capteur.Desktop.Tests.Infrastructure;
using Capteur.Desktop.Tests.Recorder.Support;
using Capteur.Recorder;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Capteur.Desktop.Tests.Recorder;

/// <summary>`capteur broker`, `capteur record` and `capteur export` as child processes, readings published over MQTT.</summary>
[TestClass]
public class RecordEndToEndTests
{
    private const int Readings = 300;
    private const long LateSeq = 150;
    private static readonly TimeSpan Startup = TimeSpan.FromSeconds(60);
    private string _folder = "";

    [TestInitialize]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("capteur-record-").FullName;

    [TestCleanup]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [TestMethod]
    public async Task A_recorder_killed_and_restarted_while_readings_keep_coming_loses_none_and_export_gives_them_back()
    {
        int port = FreePort.Next();
        using CapteurProcess broker = CapteurProcess.StartBroker(port, Path.Combine(_folder, "broker"));
        string db = Path.Combine(_folder, "readings.db");
        string[] record = ["record", "--broker", $"127.0.0.1:{port}", "--db", db, "--session", "e2e-recorder", "--topic", "e2e/#"];
        string startLine = $"capteur record: recording 127.0.0.1:{port} e2e/# into {db} (session e2e-recorder, retention 30d); Ctrl+C to stop";
        CapteurProcess recorder = CapteurProcess.Start(record);
        try
        {
            recorder.WaitForLine(l => l == startLine, Startup, "the recorder's start line");
            var published = new Dictionary<long, (string Sensor, double Value, DateTimeOffset Ts)>();
            await using (ReadingPublisher node = await ReadingPublisher.ConnectAsync(port))
            {
                for (long seq = 1; seq <= Readings; seq++)
                {
                    DateTimeOffset now = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
                    // seq LateSeq waited 10 minutes in the node's outbox
                    (string Sensor, double Value, DateTimeOffset Ts) reading = (seq % 3 == 0 ? "door" : "temperature", seq / 7.0 - 20, seq == LateSeq ? now.AddMinutes(-10) : now);
                    published[seq] = reading;
                    await node.ReadingAsync("e2e/node 1", reading.Sensor, reading.Value, "°C", seq, reading.Ts);
                    if (seq == 40)
                    {
                        await node.ReadingAsync("e2e/node 1", reading.Sensor, reading.Value, "°C", seq, reading.Ts);
                    }

                    if (seq == 100)
                    {
                        recorder.Kill9();
                    }

                    if (seq == 160)
                    {
                        recorder.Dispose();
                        recorder = CapteurProcess.Start(record);
                    }

                    await Task.Delay(10);
                }
            }

            recorder.WaitForLine(l => l == startLine, Startup, "the restarted recorder's start line");
            using (ReadingStore reader = ReadingStore.OpenForReading(db))
            {
                await Poll.UntilAsync(() => reader.Count() >= Readings, TimeSpan.FromSeconds(30), () => $"{reader.Count()} readings in {db}");
            }

            Assert.AreEqual(0, recorder.Terminate(TimeSpan.FromSeconds(30)));
            recorder.WaitForLine(l => l.StartsWith("capteur record: stopped: ", StringComparison.Ordinal), TimeSpan.FromSeconds(5), "the final count");

            using ToolRun export = ToolRun.Complete(Startup, "export", "--db", db, "--json");
            Assert.AreEqual(0, export.ExitCode, export.Stderr);
            List<RecordedReading> exported = ExportedReadings.FromJson(export.Stdout);
            long[] missing = [.. Enumerable.Range(1, Readings).Select(i => (long)i).Except(exported.Select(r => r.Seq!.Value))];
            Assert.AreEqual(0, missing.Length, $"seqs missing from the database: {string.Join(", ", missing)}");
            Assert.AreEqual(Readings, exported.Count, "each seq once: the resent reading and the redelivered ones dropped");
            foreach (RecordedReading r in exported)
            {
                (string sensor, double value, DateTimeOffset ts) = published[r.Seq!.Value];
                Assert.AreEqual(("e2e/node 1", sensor, value, "°C", ts), (r.Node, r.Sensor, r.Value, r.Unit, r.Time), $"seq {r.Seq}");
            }

            Assert.AreEqual(LateSeq, exported[0].Seq, "the late reading comes first: it is stored at its own time");
            Assert.IsTrue(exported[0].Late);
            Assert.IsFalse(exported.Where(r => r.Seq < 100).Any(r => r.Late), "readings recorded as they came are on time");
            CollectionAssert.AreEqual(exported.OrderBy(r => r.Time).ThenBy(r => r.Seq).ToList(), exported, "ordered by time");
        }
        finally
        {
            recorder.Dispose();
        }
    }
}
