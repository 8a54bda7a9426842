using Capteur.Broker.Expiry;
using MQTTnet.Packets;

namespace Capteur.Broker.Tests;

/// <summary>The broker's internal deadline stamp on a message's user properties.</summary>
[TestClass]
public sealed class ExpiryStampTests
{
    static MqttUserProperty Property(string name, string value) => new(name, System.Text.Encoding.UTF8.GetBytes(value).AsMemory());

    static string Text(List<MqttUserProperty>? properties) =>
        properties == null ? "null" : string.Join(",", properties.Select(p => p.Name + "=" + System.Text.Encoding.UTF8.GetString(p.ValueBuffer.Span)));

    [TestMethod]
    public void Stamp_goes_after_the_publishers_properties_and_replaces_an_earlier_stamp()
    {
        var original = new List<MqttUserProperty> { Property("origin", "node-1"), Property(ExpiryStamp.PropertyName, "5") };
        var stamped = ExpiryStamp.With(original, 1_700_000_000_123);
        Assert.AreEqual("origin=node-1,$capteur-expires-at-ms=1700000000123", Text(stamped));
        Assert.AreEqual(1_700_000_000_123, ExpiryStamp.Read(stamped));
        Assert.AreEqual("origin=node-1,$capteur-expires-at-ms=5", Text(original), "the shared list is left as it was");
    }

    [TestMethod]
    public void Removing_the_stamp_keeps_the_other_properties_and_never_changes_the_shared_list()
    {
        var onlyOthers = new List<MqttUserProperty> { Property("origin", "node-1") };
        Assert.AreSame(onlyOthers, ExpiryStamp.Without(onlyOthers));
        Assert.IsNull(ExpiryStamp.Without(ExpiryStamp.With(null, 42)));
        var both = ExpiryStamp.With(onlyOthers, 42);
        Assert.AreEqual("origin=node-1", Text(ExpiryStamp.Without(both)));
        Assert.AreEqual("origin=node-1,$capteur-expires-at-ms=42", Text(both));
    }

    [TestMethod]
    public void Message_without_a_stamp_has_no_deadline()
    {
        Assert.IsNull(ExpiryStamp.Read(null));
        Assert.IsNull(ExpiryStamp.Read([Property("origin", "node-1")]));
        Assert.IsNull(ExpiryStamp.Read([Property(ExpiryStamp.PropertyName, "soon")]));
    }
}
