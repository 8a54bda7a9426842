using Capteur.Broker.Transport;

namespace Capteur.Broker.Tests;

[TestClass]
public sealed class PacketSizeGuardTests
{
    [TestMethod]
    public void Packets_within_the_limit_pass_even_when_split_across_reads()
    {
        var guard = new PacketSizeGuard(200);
        // PUBLISH with remaining length 130 = 0x82 0x01 (MQTT 3.1.1 §2.2.3 example encoding), then PINGREQ (0xC0 0x00).
        var packet = new byte[] { 0x30, 0x82, 0x01 }.Concat(new byte[130]).Concat(new byte[] { 0xC0, 0x00 }).ToArray();
        Assert.IsNull(guard.Feed(packet.AsSpan(0, 2)));
        Assert.IsNull(guard.Feed(packet.AsSpan(2, 100)));
        Assert.IsNull(guard.Feed(packet.AsSpan(102)));
        Assert.AreEqual(2L, guard.Packets);
        Assert.AreEqual(1L, guard.Publishes);
    }

    [TestMethod]
    public void Oversized_packet_is_stopped_at_its_header()
    {
        var guard = new PacketSizeGuard(1000);
        // Remaining length 16,384 = 0x80 0x80 0x01.
        Assert.AreEqual("packet of 16388 bytes exceeds max-packet-bytes 1000", guard.Feed([0x30, 0x80, 0x80, 0x01]));
    }

    [TestMethod]
    public void Remaining_length_of_five_bytes_is_malformed()
    {
        var guard = new PacketSizeGuard(int.MaxValue);
        Assert.AreEqual("malformed packet: remaining length longer than 4 bytes (MQTT 3.1.1 §2.2.3)", guard.Feed([0x30, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F]));
    }
}
