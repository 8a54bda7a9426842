using Capteur.Interop.Tests.Peers;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Capteur.Interop.Tests.Brokers;

/// <summary>Capteur through Mosca 2.8.3 (npm, unmaintained).</summary>
[TestClass]
public sealed class MoscaBrokerTests : BrokerCellTests
{
    /// <summary>Stops this class's Mosca.</summary>
    [ClassCleanup]
    public static void StopPeer() => StopPeerOf(typeof(MoscaBrokerTests));

    [TestMethod]
    [TestCategory("full")]
    [Timeout(180_000)]
    public Task Three_nodes_through_mosca_at_qos1_reach_watch_with_every_seq_and_no_gap() => Qos1AuditAsync();

    [TestMethod]
    [TestCategory("full")]
    [Timeout(120_000)]
    public Task A_fresh_subscriber_on_mosca_sees_the_retained_status_online_then_offline() => RetainedStatusAsync();

    [TestMethod]
    [TestCategory("full")]
    [Timeout(120_000)]
    public Task Mosca_announces_a_killed_node_offline_by_its_last_will_within_the_keep_alive() => LastWillAsync();

    [TestMethod]
    [TestCategory("full")]
    [Timeout(120_000)]
    public Task Plus_and_hash_subscriptions_on_mosca_get_exactly_the_matching_topics() => WildcardsAsync();

    [TestMethod]
    [TestCategory("full")]
    [Timeout(120_000)]
    public Task Mosca_grants_qos1_to_a_qos2_subscription_and_never_acknowledges_a_qos2_publish() => Qos2Async(new PeerLimit(
        "Mosca has no QoS 2: it grants QoS 1, and (onQoS2publish=noack, its default) passes a QoS 2 publish on at QoS 1 without any acknowledgement",
        "SUBSCRIBE QoS 2: granted QoS 1; PUBLISH QoS 2: no PUBREC within 5 s; delivered once at QoS 1"));

    [TestMethod]
    [TestCategory("full")]
    [Timeout(120_000)]
    public Task Mosca_leaves_an_mqtt5_connect_unanswered() => Mqtt5Async(new PeerLimit(
        "Mosca speaks MQTT 3.1 and 3.1.1 only, and answers a protocol level 5 CONNECT with nothing",
        "CONNECT (protocol level 5): no answer within 5 s"));

    /// <inheritdoc />
    private protected override IBrokerPeer CreatePeer() => new MoscaPeer();
}
