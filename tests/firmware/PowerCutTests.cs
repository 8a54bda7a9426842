using Capteur.Firmware.Tests.Support;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Capteur.Firmware.Tests;

/// <summary>
/// (c) The firmware process killed with SIGKILL (a power cut: nothing flushed, no offline message) and booted again on
/// the same I: folder. No sequence number is ever handed out twice; with <c>outbox.checkpoint_s=0</c> nothing is lost
/// either, and with the default 60 s checkpoint at most the readings since the last checkpoint are.
/// </summary>
[TestClass]
public class PowerCutTests
{
    [TestMethod]
    [Timeout(300000)]
    public async Task C_power_cut_with_checkpoint_0_loses_nothing_and_reuses_no_seq()
    {
        using TestBroker broker = TestBroker.Capteur();
        const string topic = "e2e/c0";
        await using AuditSubscriber audit = await AuditSubscriber.Start(broker.Port, topic + "/#");
        PowerCutAndReboot(broker, audit, topic, (lastBefore, restartSeq) =>
        {
            // checked while the rebooted board still runs: everything up to the last number seen has arrived
            long produced = audit.Audit(topic).Last;
            audit.AssertComplete("firmware, power cut, checkpoint 0", topic, produced, TimeSpan.FromSeconds(60));
            Assert.IsTrue(audit.Audit(topic).HasAllUpTo(restartSeq - 1), "every reading numbered before the cut arrived");
            Console.WriteLine($"power cut after seq {lastBefore} seen; numbering resumed at {restartSeq}");
        }, "outbox.checkpoint_s=0");
    }

    [TestMethod]
    [Timeout(300000)]
    public async Task C_power_cut_with_the_default_60_s_checkpoint_reuses_no_seq()
    {
        using TestBroker broker = TestBroker.Capteur();
        const string topic = "e2e/c60";
        await using AuditSubscriber audit = await AuditSubscriber.Start(broker.Port, topic + "/#");
        PowerCutAndReboot(broker, audit, topic, (lastBefore, restartSeq) =>
        {
            audit.Line("firmware, power cut, checkpoint 60 s", topic, audit.Audit(topic).Last);
            Assert.AreEqual(0L, audit.Audit(topic).Conflicts, "a sequence number was reused for another reading");
            Console.WriteLine($"power cut after seq {lastBefore} seen; numbering resumed at {restartSeq} (the gap: the numbers the journal "
                + "reserved and never used, and readings taken since the last checkpoint)");
        });
    }

    // Boots a fresh board, waits for 30 readings, cuts the power, boots it again on the same flash, waits for 30 more,
    // then runs check(highest seq seen before the cut, first seq after it) while the board still runs.
    private static void PowerCutAndReboot(TestBroker broker, AuditSubscriber audit, string topic, Action<long, long> check, params string[] extra)
    {
        using VirtualEsp32 board = VirtualEsp32.Create("c");
        board.SetAdc(FirmwareConfig.Tmp36Channel, FirmwareConfig.CountsFor(750));
        board.SetGpio(FirmwareConfig.ContactPin, 1);
        board.WriteConfig(FirmwareConfig.Node(broker.Port, topic, 100, extra));
        board.Start();
        Assert.AreEqual(1L, board.StartSeq(), "a fresh board starts at seq 1");
        Wait.Until(() => audit.Audit(topic).Distinct >= 30, TimeSpan.FromSeconds(60), "30 readings before the power cut");
        board.PowerCut();
        // what was on the wire at the cut still arrives
        Thread.Sleep(1000);
        long lastBefore = audit.Audit(topic).Last;

        board.Start();
        long restartSeq = board.StartSeq();
        Assert.IsTrue(restartSeq > lastBefore, $"numbering resumed at {restartSeq}, above every number published before the cut ({lastBefore})");
        Wait.Until(() => audit.Audit(topic).Last >= restartSeq + 30, TimeSpan.FromSeconds(90), "30 readings after the reboot");
        check(lastBefore, restartSeq);
    }
}
