using Capteur.Desktop.Tests.ConsoleTools;
using Capteur.Desktop.Tests.Infrastructure;
using Capteur.Desktop.Tests.Recorder.Support;
using Capteur.Recorder;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Capteur.Desktop.Tests.Recorder;

/// <summary>`capteur record`'s errors, `capteur broker --record` and the demo's recording, as child processes.</summary>
[TestClass]
public class RecordCommandTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private string _folder = "";

    [TestInitialize]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("capteur-record-").FullName;

    [TestCleanup]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [TestMethod]
    [DataRow(new[] { "--retention", "30" }, "capteur record: --retention: \"30\" is not a duration (a whole number with s, m, h or d, e.g. 24h or 30d)")]
    [DataRow(new[] { "--retention", "1w" }, "capteur record: --retention: \"1w\" is not a duration (a whole number with s, m, h or d, e.g. 24h or 30d)")]
    [DataRow(new[] { "--topic", "maison/sal+" }, "capteur record: --topic: \"maison/sal+\" is not an MQTT topic filter (+ and # stand for whole levels, # only as the last; e.g. maison/+/temperature or maison/#)")]
    [DataRow(new[] { "--broker", "localhost:99999" }, "capteur record: --broker: \"localhost:99999\" is not HOST:PORT with a port 1..65535 (e.g. localhost:1883)")]
    [DataRow(new[] { "--session", "" }, "capteur record: --session: empty; give a client id (e.g. capteur-recorder)")]
    public void Argument_errors_name_the_flag_and_exit_2(string[] args, string error)
    {
        using ToolRun record = ToolRun.Complete(Timeout, ["record", "--db", Path.Combine(_folder, "r.db"), .. args]);
        Assert.AreEqual(2, record.ExitCode);
        Assert.AreEqual(error + "\n", record.Stderr);
        Assert.IsFalse(File.Exists(Path.Combine(_folder, "r.db")), "nothing created");
    }

    [TestMethod]
    public void A_database_that_is_not_a_readings_database_is_refused_before_connecting()
    {
        string db = Path.Combine(_folder, "broker.db");
        File.WriteAllText(db, string.Concat(Enumerable.Repeat("retained messages\n", 200)));
        using ToolRun record = ToolRun.Complete(Timeout, "record", "--db", db, "--broker", $"127.0.0.1:{FreePort.Next()}");
        Assert.AreEqual(2, record.ExitCode);
        Assert.AreEqual($"capteur record: --db: {db} is not a Capteur readings database (not an SQLite file, or a damaged one); give another file, or move this one away to start a new one\n", record.Stderr);
    }

    [TestMethod]
    public async Task Broker_with_record_keeps_every_reading_in_its_data_folder_from_its_first_start()
    {
        int port = FreePort.Next();
        string data = Path.Combine(_folder, "broker");
        using CapteurProcess broker = CapteurProcess.Start("broker", "--bind", "127.0.0.1", "--port", port.ToString(), "--data", data, "--sys-interval", "0", "--record");
        string db = Path.Combine(data, "readings.db");
        // a node that publishes the moment the port opens, on the broker's very first start (no recorder session yet):
        // its connection waits until the recorder has subscribed, so the reading is recorded
        Assert.IsTrue(FreePort.WaitListening(port, Timeout), "the broker's port opened");
        await using (ReadingPublisher node = await ReadingPublisher.ConnectAsync(port))
        {
            await node.ReadingAsync("maison/salon", "temperature", 21.46, "°C", 1, DateTimeOffset.UtcNow);
            await node.PublishAsync("maison/salon/status", "online", retain: true);
        }

        using ReadingStore reader = ReadingStore.OpenForReading(db);
        await Poll.UntilAsync(() => reader.Count() == 1, TimeSpan.FromSeconds(15), () => $"{reader.Count()} readings in {db}");
        Assert.AreEqual(21.46, reader.Query(DateTimeOffset.MinValue).Single().Value);
        int recording = broker.Lines.ToList().FindIndex(l => l.EndsWith($" recording every reading into {db} (session capteur-broker-recorder, retention 30d; capteur export --db FILE reads it)", StringComparison.Ordinal));
        int ready = broker.Lines.ToList().FindIndex(l => l.EndsWith(" ready", StringComparison.Ordinal));
        Assert.IsTrue(recording >= 0 && ready > recording, "the recording line, then ready:\n" + string.Join("\n", broker.Lines));
        Assert.AreEqual(0, broker.Terminate(TimeSpan.FromSeconds(30)));
    }

    [TestMethod]
    public void Broker_record_retention_deletes_older_readings_and_says_its_period()
    {
        string db = Path.Combine(_folder, "readings.db");
        DateTimeOffset now = DateTimeOffset.UtcNow;
        using (ReadingStore store = ReadingStore.Open(db))
        {
            store.Add(new RecordedReading("maison/salon", "temperature", 1, now.AddDays(-8), now.AddDays(-8), 19.5, "°C", false));
            store.Add(new RecordedReading("maison/salon", "temperature", 2, now.AddDays(-6), now.AddDays(-6), 20.5, "°C", false));
        }

        int port = FreePort.Next();
        using CapteurProcess broker = CapteurProcess.Start("broker", "--bind", "127.0.0.1", "--port", port.ToString(), "--data", Path.Combine(_folder, "broker"),
            "--sys-interval", "0", "--record-db", db, "--record-retention", "7d");
        broker.WaitForLine(l => l.EndsWith($" recording every reading into {db} (session capteur-broker-recorder, retention 7d; capteur export --db FILE reads it)", StringComparison.Ordinal),
            Timeout, "the recording line with its retention");
        broker.WaitForLine(l => l.EndsWith(" ready", StringComparison.Ordinal), Timeout, "ready");
        using ReadingStore reader = ReadingStore.OpenForReading(db);
        CollectionAssert.AreEqual(new long?[] { 2 }, reader.Query(DateTimeOffset.MinValue).Select(r => r.Seq).ToArray(), "the reading of 8 days ago is deleted, the one of 6 days kept");
        Assert.AreEqual(0, broker.Terminate(TimeSpan.FromSeconds(30)));
    }

    [TestMethod]
    public void Broker_record_retention_that_is_not_a_duration_exits_2_before_starting()
    {
        string data = Path.Combine(_folder, "broker");
        using ToolRun run = ToolRun.Complete(Timeout, "broker", "--bind", "127.0.0.1", "--port", "0", "--data", data, "--record-retention", "1w");
        Assert.AreEqual(2, run.ExitCode);
        Assert.AreEqual("capteur broker: --record-retention: \"1w\" is not a duration (a whole number with s, m, h or d, e.g. 24h or 30d)\n", run.Stderr);
        Assert.AreEqual("", run.Stdout, "the broker did not start");
    }

    [TestMethod]
    public async Task Broker_with_record_records_on_a_secured_network_broker_whose_acl_lets_nobody_read()
    {
        // every interface, no anonymous clients, a password file, and an ACL that lets the node write and nobody read:
        // the in-process recorder uses the broker's own login, not an exception in the rules for everyone else
        int port = FreePort.Next();
        string data = Path.Combine(_folder, "broker");
        string passwd = Path.Combine(_folder, "passwd");
        string acl = Path.Combine(_folder, "acl");
        Capteur.Broker.Security.PasswordFile.SetPassword(passwd, "salon", "s3cret", iterations: 1000);
        File.WriteAllText(acl, "user salon\ntopic write maison/salon/#\n");
        using CapteurProcess broker = CapteurProcess.Start("broker", "--bind", "0.0.0.0", "--port", port.ToString(), "--data", data, "--sys-interval", "0",
            "--passwd", passwd, "--acl", acl, "--record");
        string db = Path.Combine(data, "readings.db");
        broker.WaitForLine(l => l.Contains(" recording every reading into ", StringComparison.Ordinal), Timeout, "the recording line");
        await using (ReadingPublisher node = await ReadingPublisher.ConnectAsync(port, "salon", "s3cret"))
        {
            await node.ReadingAsync("maison/salon", "temperature", 19.5, "°C", 1, DateTimeOffset.UtcNow);
        }

        using ReadingStore reader = ReadingStore.OpenForReading(db);
        await Poll.UntilAsync(() => reader.Count() == 1, TimeSpan.FromSeconds(15), () => $"{reader.Count()} readings in {db}");

        // the broker's own user name is no way in for anyone else
        using MQTTnet.IMqttClient outsider = new MQTTnet.MqttClientFactory().CreateMqttClient();
        string outcome;
        try
        {
            MQTTnet.MqttClientConnectResult result = await outsider.ConnectAsync(new MQTTnet.MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port)
                .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V311).WithCredentials("$capteur-internal", "guess").Build());
            outcome = result.ResultCode.ToString();
        }
        catch (MQTTnet.Adapter.MqttConnectingFailedException e)
        {
            outcome = e.Message; // MQTTnet 5 keeps the CONNACK code in the text only
        }

        StringAssert.Contains(outcome, "BadUserNameOrPassword", string.Join("\n", broker.Lines.TakeLast(10)));
        broker.WaitForLine(l => l.Contains("refused: user name '$capteur-internal' is reserved for the broker's own clients", StringComparison.Ordinal), Timeout, "the refusal line");
        Assert.AreEqual(0, broker.Terminate(TimeSpan.FromSeconds(30)));
    }

    [TestMethod]
    public void The_demo_records_by_default_and_not_with_no_record()
    {
        string[] demo = ["demo", "--duration", "3", "--port", FreePort.Next().ToString(), "--no-dashboard", "--json", "--nodes", "1"];
        using ToolRun recording = ToolRun.Complete(Timeout, demo);
        Assert.AreEqual(0, recording.ExitCode, recording.Stderr);
        StringAssert.Matches(recording.Stderr, new System.Text.RegularExpressions.Regex(@"capteur demo: recording into /\S+/readings\.db \(deleted at exit\)"));
        StringAssert.Matches(recording.Stderr, new System.Text.RegularExpressions.Regex(@"capteur demo: recorder: [1-9]\d* readings stored, 0 duplicates dropped, 0 seq conflicts"));

        using ToolRun plain = ToolRun.Complete(Timeout, [.. demo, "--no-record"]);
        Assert.AreEqual(0, plain.ExitCode, plain.Stderr);
        Assert.IsFalse(plain.Stderr.Contains("recording into", StringComparison.Ordinal), plain.Stderr);
        Assert.IsFalse(plain.Stderr.Contains("recorder:", StringComparison.Ordinal), plain.Stderr);
    }
}
