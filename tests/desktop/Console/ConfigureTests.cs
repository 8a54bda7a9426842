using System.Collections.Concurrent;
using Capteur.Desktop.Tests.Infrastructure;
using Capteur.Node.Config;
using Capteur.Watch;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Capteur.Desktop.Tests.ConsoleTools;

/// <summary>
/// `capteur configure` on one end of a real pty pair, a virtual node (`capteur node --console`) on the other, both
/// real processes. (The namespace is not ...Tests.Console: that would hide System.Console from every test namespace.)
/// </summary>
[TestClass]
public class ConfigureTests
{
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(60);

    [TestMethod]
    [Timeout(120000)]
    public async Task Configure_moves_a_running_node_to_the_new_broker_and_topic()
    {
        using Mosquitto first = Mosquitto.Start();
        using Mosquitto second = Mosquitto.Start();
        var atFirst = new ConcurrentQueue<string>();
        var atSecond = new ConcurrentQueue<string>();
        await using WatchClient firstWatch = await Subscribe(first.Port, atFirst);
        await using WatchClient secondWatch = await Subscribe(second.Port, atSecond);
        using PtyPair pty = PtyPair.Start();
        string data = Directory.CreateTempSubdirectory("capteur-node-").FullName;
        using CapteurProcess node = ConsoleNode.Start(pty, data, first.Port, "maison/avant");
        WaitFor(() => atFirst.Any(t => t.StartsWith("maison/avant/", StringComparison.Ordinal)), "a reading under maison/avant at the first broker");

        using ToolRun configure = ToolRun.Complete(ToolTimeout, "configure", pty.ToolEnd,
            "--set", $"mqtt.host=127.0.0.1:{second.Port}", "--set", "node.topic=maison/apres");

        Assert.AreEqual(0, configure.ExitCode, configure.Stderr);
        StringAssert.Contains(configure.Stdout, $"mqtt.host=127.0.0.1:{second.Port}\n");
        StringAssert.Contains(configure.Stdout, "node.topic=maison/apres\n");
        StringAssert.Contains(configure.Stdout, "saved (changed: mqtt.host, node.topic); the node restarts on the new config");
        WaitFor(() => atSecond.Any(t => t.StartsWith("maison/apres/", StringComparison.Ordinal)), "a reading under maison/apres at the second broker");
        Assert.IsFalse(atSecond.Any(t => t.StartsWith("maison/avant/", StringComparison.Ordinal)), "the old topic is not used at the new broker");
        NodeConfig saved = Parse(data);
        Assert.AreEqual($"127.0.0.1:{second.Port}", saved.Get("mqtt.host"));
        Assert.AreEqual("maison/apres", saved.Get("node.topic"));
    }

    [TestMethod]
    [Timeout(120000)]
    public void A_refused_value_leaves_the_saved_config_byte_for_byte_unchanged_and_its_error_reaches_stderr()
    {
        using Mosquitto broker = Mosquitto.Start();
        using PtyPair pty = PtyPair.Start();
        string data = Directory.CreateTempSubdirectory("capteur-node-").FullName;
        using CapteurProcess node = ConsoleNode.Start(pty, data, broker.Port, "maison/salon");
        byte[] before = File.ReadAllBytes(ConsoleNode.ConfigPath(data));

        using ToolRun configure = ToolRun.Complete(ToolTimeout, "configure", pty.ToolEnd,
            "--set", "node.topic=maison/cuisine", "--set", "mqtt.port=70000", "--set", "wifi.ssid=Maison");

        Assert.AreEqual(1, configure.ExitCode);
        Assert.AreEqual(
            "capteur configure: mqtt.port: 70000 is out of range (1..65535)\n"
            + "capteur configure: nothing was saved (the node's saved config is unchanged)\n",
            configure.Stderr);
        Assert.AreEqual("", configure.Stdout);
        CollectionAssert.AreEqual(before, File.ReadAllBytes(ConsoleNode.ConfigPath(data)));

        // the accepted set before the refusal was discarded too: a later save cannot write it by accident
        using ToolRun next = ToolRun.Complete(ToolTimeout, "configure", pty.ToolEnd, "--set", "wifi.ssid=Maison");
        Assert.AreEqual(0, next.ExitCode, next.Stderr);
        Assert.AreEqual("", next.Stderr);
        Assert.AreEqual("maison/salon", Parse(data).Get("node.topic"));
        Assert.AreEqual("Maison", Parse(data).Get("wifi.ssid"));
    }

    [TestMethod]
    [Timeout(120000)]
    public void A_save_the_node_refuses_prints_its_problems_and_changes_nothing()
    {
        using Mosquitto broker = Mosquitto.Start();
        using PtyPair pty = PtyPair.Start();
        string data = Directory.CreateTempSubdirectory("capteur-node-").FullName;
        using CapteurProcess node = ConsoleNode.Start(pty, data, broker.Port, "maison/salon");
        byte[] before = File.ReadAllBytes(ConsoleNode.ConfigPath(data));

        // the virtual node's sensor1 (temperature) is on GPIO 34: a second sensor on the same pin cannot be saved
        using ToolRun configure = ToolRun.Complete(ToolTimeout, "configure", pty.ToolEnd, "--set", "sensor2.pin=34");

        Assert.AreEqual(1, configure.ExitCode);
        string[] lines = configure.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.AreEqual(4, lines.Length, configure.Stderr);
        Assert.AreEqual("capteur configure: not saved (the flash is unchanged): 2 problems to fix first", lines[0]);
        // the node's own words (ConfigCrossChecker, BoardPinChecker), indented under the refusal
        StringAssert.StartsWith(lines[1], "  sensor2.pin: GPIO 34 is input-only");
        Assert.AreEqual("  sensor1.pin and sensor2.pin: both are GPIO 34 (give each sensor its own pin)", lines[2]);
        Assert.AreEqual("capteur configure: nothing was saved (the node's saved config is unchanged)", lines[3]);
        CollectionAssert.AreEqual(before, File.ReadAllBytes(ConsoleNode.ConfigPath(data)));
    }

    [TestMethod]
    [Timeout(120000)]
    public void A_password_with_semicolons_spaces_quotes_and_backslashes_round_trips_and_is_never_printed()
    {
        const string wifiPassword = " a;b \"c\" 'd' e\\f; ";
        const string mqttPassword = "x\\\"y;z";
        using Mosquitto broker = Mosquitto.Start();
        using PtyPair pty = PtyPair.Start();
        string data = Directory.CreateTempSubdirectory("capteur-node-").FullName;
        using CapteurProcess node = ConsoleNode.Start(pty, data, broker.Port, "maison/salon");

        using ToolRun configure = ToolRun.Complete(ToolTimeout, "configure", pty.ToolEnd,
            "--set", "wifi.ssid=Chez nous", "--set", $"wifi.password={wifiPassword}", "--set", $"mqtt.password={mqttPassword}");

        Assert.AreEqual(0, configure.ExitCode, configure.Stderr);
        Assert.AreEqual(
            "wifi.ssid=Chez nous\n"
            + "wifi.password=**** (secret: set, not shown)\n"
            + "mqtt.password=**** (secret: set, not shown)\n"
            + "saved (changed: wifi.ssid, wifi.password, mqtt.password); the node restarts on the new config\n",
            configure.Stdout);
        Assert.AreEqual("", configure.Stderr);
        string file = File.ReadAllText(ConsoleNode.ConfigPath(data));
        // the file's escapes: \s for a space at either end, \\ for a backslash; ; and quotes as they are
        StringAssert.Contains(file, "wifi.password=\\sa;b \"c\" 'd' e\\\\f;\\s\n");
        StringAssert.Contains(file, "mqtt.password=x\\\\\"y;z\n");
        NodeConfig saved = Parse(data);
        Assert.AreEqual(wifiPassword, saved.Get("wifi.password"));
        Assert.AreEqual(mqttPassword, saved.Get("mqtt.password"));
        Assert.AreEqual("Chez nous", saved.Get("wifi.ssid"));
        foreach (string output in new[] { configure.Stdout, configure.Stderr })
        {
            Assert.IsFalse(output.Contains("a;b", StringComparison.Ordinal) || output.Contains("y;z", StringComparison.Ordinal), output);
        }
    }

    [TestMethod]
    [Timeout(60000)]
    public void No_answer_on_the_port_fails_with_a_message_naming_the_port()
    {
        using PtyPair pty = PtyPair.Start();

        using ToolRun configure = ToolRun.Complete(ToolTimeout, "configure", pty.ToolEnd, "--timeout", "1", "--set", "wifi.ssid=Maison");

        Assert.AreEqual(3, configure.ExitCode);
        Assert.AreEqual($"capteur configure: no answer from the console on {pty.ToolEnd} within 1 s: is a node running there, with its console on this port?\n", configure.Stderr);
    }

    [TestMethod]
    [Timeout(60000)]
    public void A_value_a_console_line_cannot_carry_is_refused_before_the_port_is_opened()
    {
        using PtyPair pty = PtyPair.Start();

        using ToolRun configure = ToolRun.Complete(ToolTimeout, "configure", pty.ToolEnd, "--set", "wifi.password=ab\tcdefgh");

        Assert.AreEqual(2, configure.ExitCode);
        Assert.AreEqual("capteur configure: --set wifi.password: the value holds a control character (tab, line end, ...), which a console line cannot carry; set it in the config file instead\n", configure.Stderr);
    }

    [TestMethod]
    [Timeout(60000)]
    public void A_path_system_io_ports_cannot_open_is_opened_as_a_file_and_the_reason_is_said()
    {
        // a FIFO is no tty: System.IO.Ports refuses it (its serial settings fail), the file fallback opens it
        string folder = Directory.CreateTempSubdirectory("capteur-fifo-").FullName;
        string fifo = Path.Combine(folder, "console");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [fifo]))
        {
            mkfifo.WaitForExit();
        }

        using ToolRun configure = ToolRun.Complete(ToolTimeout, "configure", fifo, "--timeout", "1", "--set", "wifi.ssid=Maison");

        Assert.AreEqual(3, configure.ExitCode, configure.Stderr);
        string[] lines = configure.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.AreEqual(2, lines.Length, configure.Stderr);
        StringAssert.StartsWith(lines[0], $"capteur configure: System.IO.Ports could not open {fifo} (");
        StringAssert.EndsWith(lines[0], "); opened it as a plain file, without setting its baud rate");
        // what it wrote came back through the FIFO: none of it is an answer
        Assert.AreEqual($"capteur configure: no answer from the console on {fifo} within 1 s: is a node running there, with its console on this port?", lines[1]);
        Directory.Delete(folder, recursive: true);
    }

    internal static NodeConfig Parse(string data)
    {
        ConfigLoadResult loaded = ConfigFile.Parse(File.ReadAllBytes(ConsoleNode.ConfigPath(data)));
        Assert.AreEqual(0, loaded.Errors.Length, string.Join("; ", loaded.Errors.Select(e => e.ToString())));
        return loaded.Config;
    }

    internal static void WaitFor(Func<bool> condition, string what)
    {
        DateTime deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"no {what} within 30 s");
            }

            Thread.Sleep(50);
        }
    }

    private static async Task<WatchClient> Subscribe(int port, ConcurrentQueue<string> topics)
    {
        var watch = new WatchClient("127.0.0.1", port, "maison/#", null);
        watch.MessageReceived += (topic, _) => topics.Enqueue(topic);
        await watch.StartAsync(TimeSpan.FromSeconds(30));
        return watch;
    }
}
