using System.Collections.Concurrent;
using Capteur.Desktop.Tests.ConsoleTools;
using Capteur.Desktop.Tests.Infrastructure;
using Capteur.Desktop.Tests.Recorder.Support;
using Capteur.Recorder;
using Capteur.Watch;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Capteur.Desktop.Tests.Watch;

/// <summary>
/// A watcher (and the recorder, which is one) given several brokers: it starts on the first that answers and moves down
/// the list when the one it is on is lost, as a node does. Real `capteur broker` processes, the first one SIGKILLed.
/// </summary>
[TestClass]
public class WatchFailoverTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private string _folder = "";

    [TestInitialize]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("capteur-watch-failover-").FullName;

    [TestCleanup]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [TestMethod]
    public async Task A_watcher_starts_on_the_first_broker_that_answers()
    {
        int nobody = FreePort.Next();
        int port = FreePort.Next();
        using CapteurProcess broker = CapteurProcess.StartBroker(port, Path.Combine(_folder, "b"));
        await using var watch = new WatchClient([new BrokerAddress("127.0.0.1", nobody), new BrokerAddress("127.0.0.1", port)], "maison/#", session: null);
        await watch.StartAsync(Timeout);
        Assert.AreEqual(new BrokerAddress("127.0.0.1", port), watch.Broker);
    }

    [TestMethod]
    public async Task A_watcher_whose_broker_is_killed_moves_to_the_next_and_gets_what_is_published_there()
    {
        int portA = FreePort.Next();
        int portB = FreePort.Next();
        using CapteurProcess a = CapteurProcess.StartBroker(portA, Path.Combine(_folder, "a"));
        using CapteurProcess b = CapteurProcess.StartBroker(portB, Path.Combine(_folder, "b"));
        await using var watch = new WatchClient([new BrokerAddress("127.0.0.1", portA), new BrokerAddress("127.0.0.1", portB)], "maison/#", "watch-failover");
        var seen = new ConcurrentQueue<string>();
        var changes = new ConcurrentQueue<string>();
        watch.MessageReceived += (topic, payload) => seen.Enqueue(topic + "=" + System.Text.Encoding.UTF8.GetString(payload));
        watch.ConnectionChanged += changes.Enqueue;
        await watch.StartAsync(Timeout);
        await using (ReadingPublisher node = await ReadingPublisher.ConnectAsync(portA))
        {
            await node.PublishAsync("maison/salon/status", "via A");
        }

        await Poll.UntilAsync(() => seen.Contains("maison/salon/status=via A"), Timeout, () => string.Join(", ", seen));
        a.Kill9();
        // said once connected and subscribed again
        await Poll.UntilAsync(() => changes.Contains($"reconnected to 127.0.0.1:{portB}"), Timeout, () => $"on {watch.Broker}, connected {watch.IsConnected}: {string.Join(", ", changes)}");
        await using (ReadingPublisher node = await ReadingPublisher.ConnectAsync(portB))
        {
            await node.PublishAsync("maison/salon/status", "via B");
        }

        await Poll.UntilAsync(() => seen.Contains("maison/salon/status=via B"), Timeout, () => string.Join(", ", seen));
        Assert.AreEqual(new BrokerAddress("127.0.0.1", portB), watch.Broker);
    }

    [TestMethod]
    public async Task Capteur_watch_and_capteur_record_take_a_broker_list_and_follow_it_when_the_first_is_killed()
    {
        int portA = FreePort.Next();
        int portB = FreePort.Next();
        using CapteurProcess a = CapteurProcess.StartBroker(portA, Path.Combine(_folder, "a"));
        using CapteurProcess b = CapteurProcess.StartBroker(portB, Path.Combine(_folder, "b"));
        string db = Path.Combine(_folder, "readings.db");
        using CapteurProcess watch = CapteurProcess.Start("watch", "--json", "--broker", $"127.0.0.1:{portA},127.0.0.1:{portB}", "maison/#");
        using CapteurProcess record = CapteurProcess.Start("record", "--db", db, "--broker", $"127.0.0.1:{portA}", "--broker", $"127.0.0.1:{portB}");
        record.WaitForLine(l => l.StartsWith($"capteur record: recording 127.0.0.1:{portA},127.0.0.1:{portB} # into ", StringComparison.Ordinal), Timeout, "the recorder's start line");
        DateTimeOffset now = DateTimeOffset.UtcNow;
        await using (ReadingPublisher node = await ReadingPublisher.ConnectAsync(portA))
        {
            // retained: the watch process has no line that says it has subscribed, so it gets this one whenever it does
            await node.PublishAsync("maison/salon/temperature", ReadingPublisher.Json(20.5, "°C", 1, now), retain: true);
        }

        watch.WaitForLine(l => l.Contains("\"seq\":1,", StringComparison.Ordinal), Timeout, "reading 1 (via A)");
        a.Kill9();
        watch.WaitForLine(l => l == $"capteur watch: reconnected to 127.0.0.1:{portB}", Timeout, "the watcher on B");
        record.WaitForLine(l => l == $"capteur record: reconnected to 127.0.0.1:{portB}", Timeout, "the recorder on B");
        await using (ReadingPublisher node = await ReadingPublisher.ConnectAsync(portB))
        {
            await node.ReadingAsync("maison/salon", "temperature", 21.5, "°C", 2, now.AddSeconds(1));
        }

        watch.WaitForLine(l => l.Contains("\"seq\":2,", StringComparison.Ordinal), Timeout, "reading 2 (via B)");
        using ReadingStore reader = ReadingStore.OpenForReading(db);
        await Poll.UntilAsync(() => reader.Count() == 2, Timeout, () => $"{reader.Count()} readings in {db}");
        CollectionAssert.AreEqual(new long?[] { 1, 2 }, reader.Query(DateTimeOffset.MinValue).Select(r => r.Seq).ToArray());
        Assert.AreEqual(0, record.Terminate(Timeout));
        watch.Terminate(Timeout);
    }

    [TestMethod]
    [DataRow("watch")]
    [DataRow("record")]
    public void A_broker_list_with_an_entry_that_is_not_host_port_exits_2_naming_it(string command)
    {
        using ToolRun run = ToolRun.Complete(Timeout, command, "--broker", "127.0.0.1:1883,localhost:99999");
        Assert.AreEqual(2, run.ExitCode);
        Assert.AreEqual($"capteur {command}: --broker: \"localhost:99999\" is not HOST:PORT with a port 1..65535 (e.g. localhost:1883)\n", run.Stderr);
    }
}
