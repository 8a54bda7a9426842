using System.Text.Json;
using Capteur.Node.Mqtt;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Capteur.Desktop.Tests.Payloads;

[TestClass]
public class HomeAssistantDiscoveryJsonTests
{
    [TestMethod]
    public void The_discovery_config_is_json_with_the_fields_Home_Assistant_reads()
    {
        using JsonDocument doc = JsonDocument.Parse(HomeAssistantDiscovery.ConfigPayload("maison/salon", "temperature", "°C", true, "0.1.0"));
        JsonElement root = doc.RootElement;
        Assert.AreEqual("maison/salon/temperature", root.GetProperty("state_topic").GetString());
        Assert.AreEqual("maison/salon/status", root.GetProperty("availability_topic").GetString());
        Assert.AreEqual("°C", root.GetProperty("unit_of_measurement").GetString());
        Assert.AreEqual("{{ value_json.value }}", root.GetProperty("value_template").GetString());
        Assert.AreEqual("capteur_maison_salon", root.GetProperty("device").GetProperty("identifiers")[0].GetString());
    }
}
