using System.Text.Json;
using System.Text.RegularExpressions;
using Capteur.Desktop.Tests.ConsoleTools;
using Capteur.Firmware.Tests.Support;
using Capteur.Node.Config;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Capteur.Firmware.Tests;

/// <summary>
/// (d) The serial console of the firmware on COM2, a pty on the virtual ESP32, driven as a tool drives it (echo off,
/// json on, one command per line, every answer checked): the new broker and topic are saved to I:, the node restarts
/// on them in place and publishes under the new topic on the new broker; a bad value is refused with the config's own
/// message and the saved file stays byte for byte the same.
/// </summary>
[TestClass]
public class ConsoleTests
{
    private static readonly TimeSpan Answer = TimeSpan.FromSeconds(10);

    [TestMethod]
    [Timeout(240000)]
    public async Task D_the_console_sets_broker_and_topic_the_firmware_saves_reconnects_and_publishes_on_the_new_topic()
    {
        using TestBroker first = TestBroker.Capteur();
        using TestBroker second = TestBroker.Capteur();
        await using AuditSubscriber before = await AuditSubscriber.Start(first.Port, "e2e/#");
        await using AuditSubscriber after = await AuditSubscriber.Start(second.Port, "e2e/#");
        using VirtualEsp32 board = VirtualEsp32.Create("d");
        board.SetAdc(FirmwareConfig.Tmp36Channel, FirmwareConfig.CountsFor(750));
        board.SetGpio(FirmwareConfig.ContactPin, 1);
        board.WriteConfig(FirmwareConfig.Node(first.Port, "e2e/d1", 200));
        using ConsolePty console = ConsolePty.Open(Path.Combine(board.Folder, "com2"));
        board.Start(console.DevicePath);
        board.WaitForLine(l => l.Contains("console: COM2"), TimeSpan.FromSeconds(60), "console line");
        Wait.Until(() => before.Audit("e2e/d1").Distinct >= 3, TimeSpan.FromSeconds(60), "readings on the first broker");

        Ok(console.Json("json on", Answer));
        Ok(console.Json("echo off", Answer));
        Ok(console.Json($"set mqtt.host 127.0.0.1:{second.Port}", Answer));
        Ok(console.Json("set node.topic e2e/d2", Answer));
        JsonElement saved = Ok(console.Json("save", Answer));
        CollectionAssert.AreEquivalent(new[] { "mqtt.host", "node.topic" }, saved.GetProperty("changed").EnumerateArray().Select(e => e.GetString()).ToArray());

        board.WaitForLine(l => l.Contains("node e2e/d2:"), TimeSpan.FromSeconds(30), "the node restarted on the saved config");
        Wait.Until(() => after.Audit("e2e/d2").Distinct >= 5, TimeSpan.FromSeconds(60), "readings under e2e/d2 on the second broker");
        NodeConfig stored = ConfigFile.Parse(File.ReadAllBytes(board.ConfigFile)).Config;
        Assert.AreEqual($"127.0.0.1:{second.Port}", stored.Get("mqtt.host"));
        Assert.AreEqual("e2e/d2", stored.Get("node.topic"));
        Assert.AreEqual(0L, after.Audit("e2e/d2").Conflicts);
        // the numbering goes on across the restart: the outbox and its journal are the same
        Assert.IsTrue(after.Audit("e2e/d2").First > before.Audit("e2e/d1").First);
        before.Line("firmware, before the console's save", "e2e/d1", before.Audit("e2e/d1").Last);
        after.Line("firmware, after the console's save", "e2e/d2", after.Audit("e2e/d2").Last - after.Audit("e2e/d2").First + 1);
        // nothing lost at the switch: the old node's readings (seq 1 up to its stop line's "next seq") went out on the first
        // broker or, unacknowledged at the stop, on the second under the new topic; the new node numbers from its start
        // line's "next seq" (the journal's reserve above the old numbers: skipped, never reused)
        long stoppedNext = long.Parse(Regex.Match(board.WaitForLine(l => l.Contains("stopped: next seq "), Answer, "the stop line"), @"next seq (\d+)").Groups[1].Value);
        long restartNext = long.Parse(Regex.Match(board.WaitForLine(l => l.Contains("node e2e/d2:"), Answer, "the restart line"), @"next seq (\d+)").Groups[1].Value);
        long last = after.Audit("e2e/d2").Last;
        long[] expected = [.. LongRange(1, stoppedNext - 1), .. LongRange(restartNext, last)];
        Wait.Until(() => expected.All(n => SeqsOf(before, "e2e/d1").Contains(n) || SeqsOf(after, "e2e/d2").Contains(n)), TimeSpan.FromSeconds(30),
            () => $"seq 1..{stoppedNext - 1} and {restartNext}..{last} over both brokers (missing {string.Join(",", expected.Where(n => !SeqsOf(before, "e2e/d1").Concat(SeqsOf(after, "e2e/d2")).Contains(n)).Take(20))})");
        Console.WriteLine($"restart in place: the old node stopped at next seq {stoppedNext}, the new one started at {restartNext}; every reading of both arrived");

        byte[] file = File.ReadAllBytes(board.ConfigFile);
        JsonElement refused = JsonDocument.Parse(console.Json("set mqtt.port 70000; save", Answer)).RootElement;
        Assert.IsFalse(refused.GetProperty("ok").GetBoolean());
        Assert.AreEqual("mqtt.port: 70000 is out of range (1..65535)", refused.GetProperty("error").GetString());
        CollectionAssert.AreEqual(new[] { "save" }, refused.GetProperty("not_run").EnumerateArray().Select(e => e.GetString()).ToArray());
        Thread.Sleep(500);
        CollectionAssert.AreEqual(file, File.ReadAllBytes(board.ConfigFile), "the saved config is unchanged");
        Assert.AreEqual(1, board.Lines.Count(l => l.Contains("restarting: ")), "one restart, for the one save");
    }

    [TestMethod]
    [Timeout(240000)]
    public async Task D_capteur_configure_over_a_pty_pair_moves_the_firmware_to_a_new_broker_and_topic_and_a_refusal_changes_nothing()
    {
        using TestBroker first = TestBroker.Capteur();
        using TestBroker second = TestBroker.Capteur();
        await using AuditSubscriber before = await AuditSubscriber.Start(first.Port, "e2e/#");
        await using AuditSubscriber after = await AuditSubscriber.Start(second.Port, "e2e/#");
        using VirtualEsp32 board = VirtualEsp32.Create("g");
        board.SetAdc(FirmwareConfig.Tmp36Channel, FirmwareConfig.CountsFor(750));
        board.SetGpio(FirmwareConfig.ContactPin, 1);
        board.WriteConfig(FirmwareConfig.Node(first.Port, "e2e/g1", 200));
        using PtyPair pty = PtyPair.Start();
        board.Start(pty.NodeEnd);
        board.WaitForLine(l => l.Contains("console: COM2"), TimeSpan.FromSeconds(60), "console line");
        Wait.Until(() => before.Audit("e2e/g1").Distinct >= 3, TimeSpan.FromSeconds(60), "readings on the first broker");

        (int code, string output) = Configure(pty.ToolEnd, "--set", $"mqtt.host=127.0.0.1:{second.Port}", "--set", "node.topic=e2e/g2");
        Assert.AreEqual(0, code, output);
        StringAssert.Contains(output, "node.topic=e2e/g2");
        Wait.Until(() => after.Audit("e2e/g2").Distinct >= 5, TimeSpan.FromSeconds(60), "readings under e2e/g2 on the second broker");
        Assert.AreEqual("e2e/g2", ConfigFile.Parse(File.ReadAllBytes(board.ConfigFile)).Config.Get("node.topic"));
        // produced: what arrived; below the restart the numbers are the old node's (one may arrive late under the new
        // topic), and the journal's reserve between them is skipped
        after.Line("firmware, after capteur configure", "e2e/g2", after.Audit("e2e/g2").Distinct);

        byte[] file = File.ReadAllBytes(board.ConfigFile);
        (int refusedCode, string refused) = Configure(pty.ToolEnd, "--set", "mqtt.port=70000");
        Assert.AreEqual(1, refusedCode, refused);
        StringAssert.Contains(refused, "mqtt.port: 70000 is out of range (1..65535)");
        CollectionAssert.AreEqual(file, File.ReadAllBytes(board.ConfigFile), "the saved config is unchanged");
        Assert.AreEqual(1, board.Lines.Count(l => l.Contains("restarting: ")), "one restart, for the one save");
    }

    // `capteur configure PORT ARGS` as a child process: its exit code and its stdout and stderr
    private static (int Code, string Output) Configure(string port, params string[] args)
    {
        var info = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "capteur.dll"));
        info.ArgumentList.Add("configure");
        info.ArgumentList.Add(port);
        foreach (string arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = System.Diagnostics.Process.Start(info)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("capteur configure did not end within 60 s");
        }

        process.WaitForExit();
        string output = stdout.Result + stderr.Result;
        Console.WriteLine($"capteur configure {string.Join(" ", args)} -> exit {process.ExitCode}\n{output.TrimEnd()}");
        return (process.ExitCode, output);
    }

    private static IEnumerable<long> LongRange(long from, long to)
    {
        for (long n = from; n <= to; n++)
        {
            yield return n;
        }
    }

    private static IEnumerable<long> SeqsOf(AuditSubscriber audit, string node)
        => audit.Messages.Where(m => m.Node == node && m.Seq is not null).Select(m => m.Seq!.Value);

    private static JsonElement Ok(string json)
    {
        JsonElement root = JsonDocument.Parse(json).RootElement;
        Assert.IsTrue(root.GetProperty("ok").GetBoolean(), json);
        return root;
    }
}
