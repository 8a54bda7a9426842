using Capteur.Recorder;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Capteur.Desktop.Tests.Recorder;

[TestClass]
public class TopicFilterTests
{
    // MQTT 3.1.1 §4.7.1: "sport/tennis/#" matches "sport/tennis" too; "+" is exactly one level
    [TestMethod]
    [DataRow("#", "maison/salon/temperature", true)]
    [DataRow("maison/#", "maison/salon/temperature", true)]
    [DataRow("maison/salon/#", "maison/salon", true)]
    [DataRow("maison/+/temperature", "maison/salon/temperature", true)]
    [DataRow("maison/+/temperature", "maison/salon/door", false)]
    [DataRow("maison/+", "maison/salon/temperature", false)]
    [DataRow("+/temperature", "garage/temperature", true)]
    [DataRow("maison/salle de bain/+", "maison/salle de bain/humidite", true)]
    [DataRow("maison/salon/temperature", "maison/salon/temperature", true)]
    [DataRow("maison/salon/temperature/x", "maison/salon/temperature", false)]
    public void A_filter_matches_whole_levels(string filter, string topic, bool matches)
        => Assert.AreEqual(matches, TopicFilter.Matches(filter, topic));

    [TestMethod]
    [DataRow("maison/#/temperature")]
    [DataRow("maison/sal+")]
    [DataRow("maison#")]
    [DataRow("")]
    public void A_wildcard_inside_a_level_or_a_hash_not_last_is_refused(string filter)
        => Assert.AreEqual(
            $"\"{filter}\" is not an MQTT topic filter (+ and # stand for whole levels, # only as the last; e.g. maison/+/temperature or maison/#)",
            TopicFilter.Check(filter));
}
