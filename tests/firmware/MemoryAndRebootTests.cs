using System.Text.Json;
using System.Text.RegularExpressions;
using Capteur.Firmware.Tests.Support;
using Capteur.Desktop.Tests.Infrastructure;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Capteur.Firmware.Tests;

/// <summary>
/// The managed heap as the firmware reports it (boot banner, node start line, <c>free_bytes</c> of the info message,
/// all from GC.Run(false)) at start, in steady state and with more than 1,000 readings queued; and the reboot
/// supervisor (<c>node.reboot_timeout_s</c>), whose Power.RebootDevice() ends the virtual ESP32's process.
/// </summary>
[TestClass]
public class MemoryAndRebootTests
{
    [TestMethod]
    [Timeout(300000)]
    public async Task Heap_is_reported_at_start_in_steady_state_and_with_1000_readings_queued()
    {
        using TestBroker broker = TestBroker.Capteur();
        const string topic = "e2e/heap";
        await using AuditSubscriber audit = await AuditSubscriber.Start(broker.Port, topic + "/#");
        using VirtualEsp32 board = VirtualEsp32.Create("heap");
        // four TMP36 on ADC1 channels 4..7 (GPIO 32, 33, 34, 35), 10 readings a second each
        int[] pins = [32, 33, 34, 35];
        string config = $"wifi.ssid=virtual-esp32\nmqtt.host=127.0.0.1:{broker.Port}\nmqtt.client_id=fw-heap\nnode.topic={topic}\nnode.info_s=10\noutbox.capacity=4000\n";
        for (int i = 0; i < pins.Length; i++)
        {
            board.SetAdc(4 + i, FirmwareConfig.CountsFor(750));
            config += $"sensor{i + 1}.kind=tmp36\nsensor{i + 1}.name=t{i + 1}\nsensor{i + 1}.pin={pins[i]}\nsensor{i + 1}.interval_ms=100\nsensor{i + 1}.oversample=1\n";
        }

        board.WriteConfig(config);
        board.Start();
        long boot = board.BootFreeBytes();
        long started = long.Parse(Regex.Match(board.WaitForLine(l => l.StartsWith("[inf] node ", StringComparison.Ordinal), TimeSpan.FromSeconds(60), "node start line"),
            @"free memory (\d+) bytes").Groups[1].Value);
        Wait.Until(() => audit.Infos(topic).Length >= 3, TimeSpan.FromSeconds(60), "three info messages (20 s online)");
        JsonElement first = audit.Infos(topic)[0];
        JsonElement steady = audit.Infos(topic)[^1];

        long stopUptimeS = Uptime(audit.Infos(topic)[^1]);
        broker.Stop();
        Thread.Sleep(TimeSpan.FromSeconds(30));
        broker.Start();
        // the node's first info after it reconnected: by its own uptime, since a broker restarted on its store may
        // deliver an info from before the outage late
        Wait.Until(() => audit.Infos(topic).Any(i => Uptime(i) >= stopUptimeS + 30), TimeSpan.FromSeconds(120),
            () => $"the first info message after the outage (infos' uptime_s: {string.Join(",", audit.Infos(topic).Select(Uptime))}; the firmware's last lines:\n{string.Join("\n", board.Lines.TakeLast(30))})");
        JsonElement queued = audit.Infos(topic).First(i => Uptime(i) >= stopUptimeS + 30);
        int depth = queued.GetProperty("outbox").GetInt32();
        string line = $"heap (virtual ESP32, GC.Run(false) free bytes): boot {boot}, node started {started}, first info {Free(first)} (outbox {first.GetProperty("outbox").GetInt32()}), "
            + $"steady {Free(steady)} (outbox {steady.GetProperty("outbox").GetInt32()}), with {depth} readings queued {Free(queued)}; "
            + $"used since boot: steady {boot - Free(steady)}, queued {boot - Free(queued)}";
        Console.WriteLine(line);
        Assert.IsTrue(depth >= 1000, $"the info after a 30 s outage reports {depth} readings queued");
        // 40 readings a second for the outage plus the reconnect backoff (up to about 30 s more): within the capacity
        Assert.AreEqual(0L, queued.GetProperty("dropped").GetInt64(), "nothing dropped below the capacity (4000)");

        // the backlog drains: everything queued at the reconnection (and more) reaches the subscriber
        long queuedThrough = audit.Audit(topic).Last + depth;
        Wait.Until(() => audit.Audit(topic).Last >= queuedThrough, TimeSpan.FromSeconds(120), () => $"the backlog drained (last seq {audit.Audit(topic).Last}, waiting for {queuedThrough})");
        long produced = audit.Audit(topic).Last;
        audit.AssertComplete("firmware, 30 s outage, 4 sensors", topic, produced, TimeSpan.FromSeconds(90));
    }

    [TestMethod]
    [Timeout(180000)]
    public void Without_a_broker_for_node_reboot_timeout_s_the_firmware_reboots()
    {
        using VirtualEsp32 board = VirtualEsp32.Create("reboot");
        board.SetAdc(FirmwareConfig.Tmp36Channel, FirmwareConfig.CountsFor(750));
        // a port nobody listens on
        board.WriteConfig(FirmwareConfig.Node(FreePort.Next(), "e2e/reboot", 1000, "node.reboot_timeout_s=60"));
        board.Start();
        string line = board.WaitForLine(l => l.Contains("(node.reboot_timeout_s=60): rebooting"), TimeSpan.FromSeconds(120), "the supervisor's reboot line");
        StringAssert.Matches(line, new Regex(@"^\[wrn\] no MQTT connection for 6[0-9] s \(node\.reboot_timeout_s=60\): rebooting$"));
        // Power.RebootDevice() ends the host process on the virtual ESP32 (a board would boot again)
        board.WaitForExit(TimeSpan.FromSeconds(20));
        Assert.IsTrue(board.Lines.Any(l => l.StartsWith("[inf] stopped: next seq ", StringComparison.Ordinal)), "the outbox was written before the reboot");
    }

    private static long Free(JsonElement info) => info.GetProperty("free_bytes").GetInt64();

    private static long Uptime(JsonElement info) => info.GetProperty("uptime_s").GetInt64();
}
