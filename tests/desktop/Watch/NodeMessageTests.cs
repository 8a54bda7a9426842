using Capteur.Watch;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using System.Text;

namespace Capteur.Desktop.Tests.Watch;

[TestClass]
public class NodeMessageTests
{
    private static NodeMessage Parse(string topic, string payload) => NodeMessage.Parse(topic, Encoding.UTF8.GetBytes(payload));

    [TestMethod]
    public void A_json_reading_gives_node_sensor_value_unit_seq_and_time()
    {
        NodeMessage m = Parse("maison/salon/temperature", "{\"value\":21.52,\"unit\":\"°C\",\"seq\":1234,\"ts\":\"2026-11-22T10:00:00.000Z\"}");
        Assert.AreEqual(NodeMessageKind.Reading, m.Kind);
        Assert.AreEqual("maison/salon", m.Node);
        Assert.AreEqual("temperature", m.Sensor);
        Assert.AreEqual(21.52, m.Value);
        Assert.AreEqual("°C", m.Unit);
        Assert.AreEqual(1234L, m.Seq);
        Assert.AreEqual(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero), m.Timestamp);
    }

    [TestMethod]
    public void A_plain_reading_has_a_value_and_no_seq()
    {
        NodeMessage m = Parse("maison/salon/temperature", "21.52");
        Assert.AreEqual(NodeMessageKind.Reading, m.Kind);
        Assert.AreEqual(21.52, m.Value);
        Assert.IsNull(m.Seq);
    }

    [TestMethod]
    public void Status_and_info_topics_are_recognised()
    {
        Assert.AreEqual(NodeMessageKind.Status, Parse("maison/salon/status", "offline").Kind);
        Assert.AreEqual(NodeMessageKind.Info, Parse("maison/salon/info", "{\"version\":\"0.1.0\"}").Kind);
    }

    [TestMethod]
    [DataRow("$SYS/broker/uptime", "12 seconds")]
    [DataRow("maison/salon/temperature", "{\"value\":\"hot\"}")]
    [DataRow("maison/salon/temperature", "not json")]
    [DataRow("single", "21")]
    public void Other_messages_are_ignored(string topic, string payload)
    {
        Assert.AreEqual(NodeMessageKind.Other, Parse(topic, payload).Kind);
    }
}
