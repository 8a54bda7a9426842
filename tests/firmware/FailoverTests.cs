using System.Diagnostics;
using Capteur.Desktop.Tests.Infrastructure;
using Capteur.Firmware.Tests.Support;
using Capteur.Watch;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Capteur.Firmware.Tests;

/// <summary>
/// The broker list on the board itself (<c>mqtt.host=127.0.0.1:A,127.0.0.1:B</c> in its stored config): the firmware on
/// the virtual ESP32 publishes to `capteur broker` A; A is killed with SIGKILL (its connections close) or frozen with
/// SIGSTOP (a hung broker: connections stay open, nothing answers); the M2Mqtt adapter must take the board to B with
/// the engine's backoff, the outbox keeping every reading taken meanwhile. Two independent brokers, a subscriber with a
/// persistent session on each; the audit by seq over the union of both must show every reading.
/// </summary>
[TestClass]
public class FailoverTests
{
    [TestMethod]
    [Timeout(300000)]
    public Task The_board_moves_to_the_next_broker_of_its_list_when_the_first_is_killed_and_loses_no_reading()
        => FailOver("SIGKILL", "e2e/failover-kill");

    [TestMethod]
    [Timeout(300000)]
    public Task The_board_leaves_a_hung_broker_for_the_next_of_its_list_without_loss()
        => FailOver("SIGSTOP", "e2e/failover-hung");

    private static async Task FailOver(string how, string topic)
    {
        // A is a process of this test (not a TestBroker): a hung broker needs its process id
        string dataA = Directory.CreateTempSubdirectory("capteur-fw-broker-a-").FullName;
        int portA = FreePort.Next();
        CapteurProcess brokerA = CapteurProcess.StartBroker(portA, dataA);
        try
        {
            using TestBroker b = TestBroker.Capteur();
            await using AuditSubscriber onA = await AuditSubscriber.Start(portA, topic + "/#");
            await using AuditSubscriber onB = await AuditSubscriber.Start(b.Port, topic + "/#");
            using VirtualEsp32 board = VirtualEsp32.Create("failover");
            board.SetAdc(FirmwareConfig.Tmp36Channel, FirmwareConfig.CountsFor(750));
            board.SetGpio(FirmwareConfig.ContactPin, 1);
            string config = FirmwareConfig.Node(portA, topic, 100).Replace($"mqtt.host=127.0.0.1:{portA}", $"mqtt.host=127.0.0.1:{portA},127.0.0.1:{b.Port}", StringComparison.Ordinal);
            StringAssert.Contains(config, $"mqtt.host=127.0.0.1:{portA},127.0.0.1:{b.Port}");
            board.WriteConfig(config);
            board.Start();
            board.WaitForLine(l => l.Contains($"mqtt: online at 127.0.0.1:{portA} ", StringComparison.Ordinal), TimeSpan.FromSeconds(120), "the board online at A, the first of its list");
            Wait.Until(() => onA.Audit(topic).Distinct >= 20, TimeSpan.FromSeconds(60), "20 readings through A");

            int linesBefore = board.Lines.Length;
            DateTimeOffset killedAt = DateTimeOffset.UtcNow;
            if (how == "SIGKILL")
            {
                brokerA.Kill9();
            }
            else
            {
                Signal("STOP", brokerA.Pid);
            }

            board.WaitForLine(l => l.Contains($"mqtt: online at 127.0.0.1:{b.Port} ", StringComparison.Ordinal), TimeSpan.FromSeconds(150), "the board online at B, the next of its list");
            DateTimeOffset onlineAtB = DateTimeOffset.UtcNow;
            Wait.Until(() => onB.Readings(topic, "temperature").Count(m => m.Timestamp > onlineAtB) >= 20, TimeSpan.FromSeconds(60), "20 readings taken after the move, through B");

            if (how == "SIGKILL")
            {
                // A committed each reading before its PUBACK: what it acknowledged but had not passed to its subscriber when
                // it was killed comes when A is back on its data (the board stays on B: it never falls back while B answers)
                brokerA.Dispose();
                brokerA = CapteurProcess.StartBroker(portA, dataA);
            }
            else
            {
                // A thaws and handles what its sockets held: readings B also got arrive twice (counted)
                Signal("CONT", brokerA.Pid);
            }

            long produced = Math.Max(onA.Audit(topic).Last, onB.Audit(topic).Last);
            SeqAudit union = Union(topic, produced, onA, onB);
            int takenInGap = onB.Readings(topic, "temperature").Count(m => m.Timestamp >= killedAt && m.Timestamp <= onlineAtB);
            string[] failover = [.. board.Lines.Skip(linesBefore).Where(l => l.Contains("mqtt: ", StringComparison.Ordinal))];
            Console.WriteLine($"audit (firmware, capteur broker A {(how == "SIGKILL" ? "killed -9" : "hung (SIGSTOP)")}, list A,B) {topic}: produced {produced}, distinct {union.Distinct}, duplicates {union.Duplicates}, "
                + $"gaps {union.Gaps}, reused {union.Conflicts}, {onA.Audit(topic).Distinct} via A, {onB.Audit(topic).Distinct} via B; online at B {(onlineAtB - killedAt).TotalSeconds:F1} s after the {how}, "
                + $"{takenInGap} readings taken in that gap sent from the outbox to B");
            foreach (string line in failover)
            {
                Console.WriteLine("    " + line);
            }

            Assert.AreEqual(1L, union.First, "a fresh board starts at seq 1");
            Assert.AreEqual(0L, union.Gaps, "gaps over both brokers");
            Assert.AreEqual(0L, union.Conflicts, "a sequence number was reused for another reading");
            Assert.IsTrue(takenInGap > 0, "readings taken while no broker answered waited in the outbox and went to B");
            Assert.IsTrue(failover.Any(l => l.Contains($"127.0.0.1:{portA} unreachable", StringComparison.Ordinal)), "the board tried A again before moving on");
            if (how == "SIGSTOP")
            {
                // M2Mqtt gives up on the publishes in flight within seconds, the drain pauses, and its keepalive (10 s
                // here) then finds no PINGRESP; the engine would drop a link that acknowledges nothing for 30 s anyway
                Assert.IsTrue(failover.Any(l => l.Contains("mqtt: connection lost", StringComparison.Ordinal)
                    || l.Contains($"127.0.0.1:{portA} acknowledged nothing for 30 s", StringComparison.Ordinal)), "the board noticed the hung broker");
                Assert.IsTrue(failover.Any(l => l.Contains($"127.0.0.1:{portA} unreachable (mqtt: 127.0.0.1:{portA} closed the connection during CONNECT or never answered it", StringComparison.Ordinal)),
                    "a CONNECT to the hung broker gets no CONNACK and the board moves on");
            }
        }
        finally
        {
            brokerA.Dispose();
            try
            {
                Directory.Delete(dataA, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static void Signal(string signal, int pid)
    {
        using Process kill = Process.Start("kill", [$"-{signal}", pid.ToString()])!;
        kill.WaitForExit();
    }

    // The readings 1..produced seen by either subscriber (later ones may still be on their way); repeats counted.
    private static SeqAudit Union(string topic, long produced, params AuditSubscriber[] subscribers)
    {
        SeqAudit union = new();
        Wait.Until(() =>
        {
            union = new SeqAudit();
            foreach (NodeMessage m in subscribers.SelectMany(s => s.Messages).Where(m => m.Kind == NodeMessageKind.Reading && m.Node == topic && m.Seq <= produced))
            {
                union.Record(m.Seq!.Value, $"{m.Sensor} {m.Value} {m.Timestamp:O}");
            }

            return union.HasAllUpTo(produced);
        }, TimeSpan.FromSeconds(60), () => $"every reading 1..{produced} through A or B (distinct {union.Distinct}, missing {string.Join(",", union.MissingNumbers(30))})");
        return union;
    }
}
