using Capteur.Interop.Tests.Peers;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Capteur.Interop.Tests.Brokers;

/// <summary>Capteur through Debian's ActiveMQ 5 and its MQTT transport.</summary>
[TestClass]
public sealed class ActiveMqBrokerTests : BrokerCellTests
{
    /// <summary>Stops this class's ActiveMq.</summary>
    [ClassCleanup]
    public static void StopPeer() => StopPeerOf(typeof(ActiveMqBrokerTests));

    [TestMethod]
    [TestCategory("full")]
    [Timeout(180_000)]
    public Task Three_nodes_through_activemq_at_qos1_reach_watch_with_every_seq_and_no_gap() => Qos1AuditAsync();

    [TestMethod]
    [TestCategory("full")]
    [Timeout(120_000)]
    public Task A_fresh_subscriber_on_activemq_sees_the_retained_status_online_then_offline() => RetainedStatusAsync();

    [TestMethod]
    [TestCategory("full")]
    [Timeout(120_000)]
    public Task ActiveMq_announces_a_killed_node_offline_by_its_last_will_within_the_keep_alive() => LastWillAsync();

    [TestMethod]
    [TestCategory("full")]
    [Timeout(120_000)]
    public Task Plus_and_hash_subscriptions_on_activemq_get_exactly_the_matching_topics() => WildcardsAsync();

    [TestMethod]
    [TestCategory("full")]
    [Timeout(120_000)]
    public Task ActiveMq_grants_qos2_and_delivers_exactly_once() => Qos2Async(limit: null);

    [TestMethod]
    [TestCategory("full")]
    [Timeout(120_000)]
    public Task ActiveMq_refuses_an_mqtt5_connect_with_return_code_1() => Mqtt5Async(new PeerLimit(
        "ActiveMQ 5's MQTT transport speaks MQTT 3.1 and 3.1.1 only",
        "CONNECT (protocol level 5): CONNACK return code 1 (unacceptable protocol version, an MQTT 3.1.1 CONNACK)"));

    /// <inheritdoc />
    private protected override IBrokerPeer CreatePeer() => new ActiveMqPeer();
}
