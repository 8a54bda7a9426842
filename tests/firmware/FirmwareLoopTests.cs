using System.Globalization;
using System.Text.Json;
using Capteur.Firmware.Tests.Support;
using Capteur.Watch;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Capteur.Firmware.Tests;

/// <summary>
/// The firmware, unchanged, on the virtual ESP32 (nf-run): a TMP36 and a contact driven through the host's ADC and
/// GPIO files, readings published over TCP to a real broker, every sequence number audited by an independent
/// subscriber; then a 10 s broker outage that the outbox must absorb without losing a reading.
/// </summary>
[TestClass]
public class FirmwareLoopTests
{
    [TestMethod]
    [Timeout(240000)]
    public async Task A_tmp36_readings_and_contact_changes_reach_capteur_broker_and_every_seq_is_audited()
    {
        using TestBroker broker = TestBroker.Capteur();
        await PublishesReadings(broker, "e2e/a");
    }

    [TestMethod]
    [Timeout(240000)]
    public async Task E_tmp36_readings_and_contact_changes_reach_mosquitto_and_every_seq_is_audited()
    {
        using TestBroker broker = TestBroker.MosquittoBroker();
        await PublishesReadings(broker, "e2e/ea");
    }

    [TestMethod]
    [Timeout(300000)]
    public async Task B_capteur_broker_killed_for_10_s_the_outbox_holds_and_drains_with_zero_loss()
    {
        using TestBroker broker = TestBroker.Capteur();
        await SurvivesOutage(broker, "e2e/b");
    }

    [TestMethod]
    [Timeout(300000)]
    public async Task E_mosquitto_stopped_for_10_s_the_outbox_holds_and_drains_with_zero_loss()
    {
        using TestBroker broker = TestBroker.MosquittoBroker();
        await SurvivesOutage(broker, "e2e/eb");
    }

    private static async Task PublishesReadings(TestBroker broker, string topic)
    {
        await using AuditSubscriber audit = await AuditSubscriber.Start(broker.Port, topic + "/#");
        using VirtualEsp32 board = VirtualEsp32.Create("a");
        // TMP36 datasheet: 750 mV at 25 °C, 10 mV/°C; 1000 mV is 50 °C
        int counts25 = FirmwareConfig.CountsFor(750);
        int counts50 = FirmwareConfig.CountsFor(1000);
        board.SetAdc(FirmwareConfig.Tmp36Channel, counts25);
        board.SetGpio(FirmwareConfig.ContactPin, 1);
        board.WriteConfig(FirmwareConfig.Node(broker.Port, topic, 200));
        board.Start();
        long bootFree = board.BootFreeBytes();

        Wait.Until(() => audit.Readings(topic, "temperature").Length >= 5, TimeSpan.FromSeconds(60), "5 temperature readings");
        NodeMessage first = audit.Readings(topic, "temperature")[0];
        Assert.AreEqual(931, counts25);
        Assert.AreEqual(F2(FirmwareConfig.Tmp36Celsius(counts25)), F2(first.Value), "the datasheet's temperature for the counts");
        Assert.IsTrue(Math.Abs(first.Value - 25.0) <= 0.05, $"{first.Value} °C is 25 °C within half an ADC count (0.04 °C)");
        Assert.AreEqual("°C", first.Unit);

        board.SetAdc(FirmwareConfig.Tmp36Channel, counts50);
        Wait.Until(() => audit.Readings(topic, "temperature").Any(m => F2(m.Value) == F2(FirmwareConfig.Tmp36Celsius(counts50))),
            TimeSpan.FromSeconds(30), $"a reading of {FirmwareConfig.Tmp36Celsius(counts50)} °C after the ADC went to {counts50} counts");
        Assert.IsTrue(Math.Abs(FirmwareConfig.Tmp36Celsius(counts50) - 50.0) <= 0.05);

        // the contact is an input with pull-up: the pin file holds the level, 1 open, 0 closed to ground
        Wait.Until(() => audit.Readings(topic, "door").Length >= 1, TimeSpan.FromSeconds(30), "the contact's first state");
        board.SetGpio(FirmwareConfig.ContactPin, 0);
        Wait.Until(() => audit.Readings(topic, "door").Length >= 2, TimeSpan.FromSeconds(30), "the contact closing");
        board.SetGpio(FirmwareConfig.ContactPin, 1);
        Wait.Until(() => audit.Readings(topic, "door").Length >= 3, TimeSpan.FromSeconds(30), "the contact opening");
        CollectionAssert.AreEqual(new[] { "1", "0", "1" }, audit.Readings(topic, "door").Select(m => F0(m.Value)).ToArray(), "one reading per change, no more");

        Wait.Until(() => audit.Audit(topic).Distinct >= 50, TimeSpan.FromSeconds(60), "50 readings");
        long produced = audit.Audit(topic).Last;
        audit.AssertComplete($"firmware, {broker.Name}", topic, produced, TimeSpan.FromSeconds(30));
        Wait.Until(() => audit.Infos(topic).Length >= 1, TimeSpan.FromSeconds(30), "the node's info message");
        JsonElement info = audit.Infos(topic)[0];
        Console.WriteLine($"heap ({broker.Name}): boot {bootFree} bytes free, first info {info.GetProperty("free_bytes").GetInt64()} bytes free with {info.GetProperty("outbox").GetInt32()} queued");
    }

    private static async Task SurvivesOutage(TestBroker broker, string topic)
    {
        await using AuditSubscriber audit = await AuditSubscriber.Start(broker.Port, topic + "/#");
        using VirtualEsp32 board = VirtualEsp32.Create("b");
        board.SetAdc(FirmwareConfig.Tmp36Channel, FirmwareConfig.CountsFor(750));
        board.SetGpio(FirmwareConfig.ContactPin, 1);
        board.WriteConfig(FirmwareConfig.Node(broker.Port, topic, 100));
        board.Start();
        Wait.Until(() => audit.Audit(topic).Distinct >= 20, TimeSpan.FromSeconds(60), "20 readings before the outage");

        DateTimeOffset outageStart = DateTimeOffset.UtcNow;
        broker.Stop();
        Thread.Sleep(TimeSpan.FromSeconds(10));
        broker.Start();
        DateTimeOffset outageEnd = DateTimeOffset.UtcNow;

        // the engine's backoff doubles up to 2 min; after a 10 s outage it retries within about 16 s
        Wait.Until(() => audit.Readings(topic, "temperature").Any(m => m.Timestamp > outageEnd.AddSeconds(3)), TimeSpan.FromSeconds(120),
            "readings taken after the broker came back");
        long produced = audit.Audit(topic).Last;
        audit.AssertComplete($"firmware, {broker.Name} down 10 s", topic, produced, TimeSpan.FromSeconds(60));
        int during = audit.Readings(topic, "temperature").Count(m => m.Timestamp >= outageStart && m.Timestamp <= outageEnd);
        Console.WriteLine($"readings taken during the outage and delivered after it: {during}");
        Assert.IsTrue(during >= 50, $"the board kept sampling while the broker was down ({during} readings stamped in the outage)");
        Assert.IsTrue(board.Lines.Any(l => l.Contains("mqtt: connection lost") || l.Contains("unreachable")), "the firmware saw the outage");
    }

    internal static string F2(double value) => value.ToString("F2", CultureInfo.InvariantCulture);

    internal static string F0(double value) => value.ToString("F0", CultureInfo.InvariantCulture);
}
