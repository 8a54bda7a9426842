using Capteur.Interop.Tests.Peers;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Capteur.Interop.Tests.Brokers;

/// <summary>Capteur through a single RabbitMQ node with the rabbitmq_mqtt plugin (Debian's rabbitmq-server).</summary>
[TestClass]
public sealed class RabbitMqBrokerTests : BrokerCellTests
{
    /// <summary>Stops this class's RabbitMQ node.</summary>
    [ClassCleanup]
    public static void StopPeer() => StopPeerOf(typeof(RabbitMqBrokerTests));

    [TestMethod]
    [TestCategory("full")]
    [Timeout(180_000)]
    public Task Three_nodes_through_rabbitmq_at_qos1_reach_watch_with_every_seq_and_no_gap() => Qos1AuditAsync();

    [TestMethod]
    [TestCategory("full")]
    [Timeout(120_000)]
    public Task A_fresh_subscriber_on_rabbitmq_sees_the_retained_status_online_then_offline() => RetainedStatusAsync();

    [TestMethod]
    [TestCategory("full")]
    [Timeout(120_000)]
    public Task RabbitMq_announces_a_killed_node_offline_by_its_last_will_within_the_keep_alive() => LastWillAsync();

    [TestMethod]
    [TestCategory("full")]
    [Timeout(120_000)]
    public Task Plus_and_hash_subscriptions_on_rabbitmq_get_exactly_the_matching_topics() => WildcardsAsync();

    [TestMethod]
    [TestCategory("full")]
    [Timeout(120_000)]
    public Task RabbitMq_grants_qos1_to_a_qos2_subscription_and_acknowledges_a_qos2_publish_as_qos1() => Qos2Async(new PeerLimit(
        "RabbitMQ 3.10's MQTT plugin has no QoS 2: it grants QoS 1 to QoS 2 subscriptions and takes QoS 2 publishes as QoS 1",
        "SUBSCRIBE QoS 2: granted QoS 1; PUBLISH QoS 2: answered PUBACK (QoS 1's acknowledgement), not PUBREC; delivered once at QoS 1"));

    [TestMethod]
    [TestCategory("full")]
    [Timeout(120_000)]
    public Task RabbitMq_closes_an_mqtt5_connect_without_connack() => Mqtt5Async(new PeerLimit(
        "RabbitMQ 3.10's MQTT plugin speaks MQTT 3.1 and 3.1.1 only (MQTT 5 came with RabbitMQ 3.13)",
        "CONNECT (protocol level 5): connection closed without CONNACK"));

    /// <inheritdoc />
    private protected override IBrokerPeer CreatePeer() => new RabbitMqPeer();
}
