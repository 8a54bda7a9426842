using Capteur.Interop.Tests.Peers;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Capteur.Interop.Tests.Brokers;

/// <summary>Capteur through Debian's mosquitto: the cheap row, run by CI on every run.</summary>
[TestClass]
public sealed class MosquittoBrokerTests : BrokerCellTests
{
    /// <summary>Stops this class's mosquitto.</summary>
    [ClassCleanup]
    public static void StopPeer() => StopPeerOf(typeof(MosquittoBrokerTests));

    [TestMethod]
    [TestCategory("cheap")]
    [Timeout(180_000)]
    public Task Three_nodes_through_mosquitto_at_qos1_reach_watch_with_every_seq_and_no_gap() => Qos1AuditAsync();

    [TestMethod]
    [TestCategory("cheap")]
    [Timeout(120_000)]
    public Task A_fresh_subscriber_on_mosquitto_sees_the_retained_status_online_then_offline() => RetainedStatusAsync();

    [TestMethod]
    [TestCategory("cheap")]
    [Timeout(120_000)]
    public Task Mosquitto_announces_a_killed_node_offline_by_its_last_will_within_the_keep_alive() => LastWillAsync();

    [TestMethod]
    [TestCategory("cheap")]
    [Timeout(120_000)]
    public Task Plus_and_hash_subscriptions_on_mosquitto_get_exactly_the_matching_topics() => WildcardsAsync();

    [TestMethod]
    [TestCategory("cheap")]
    [Timeout(120_000)]
    public Task Mosquitto_grants_qos2_and_delivers_exactly_once() => Qos2Async(limit: null);

    [TestMethod]
    [TestCategory("cheap")]
    [Timeout(120_000)]
    public Task Mosquitto_speaks_mqtt5() => Mqtt5Async(limit: null);

    /// <inheritdoc />
    private protected override IBrokerPeer CreatePeer() => new MosquittoPeer();
}
