#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using Capteur.Node.Mqtt;

namespace Capteur.Node.Tests.Mqtt
{
    [TestClass]
    public class HomeAssistantDiscoveryTests
    {
        [TestMethod]
        public void A_temperature_is_announced_as_a_sensor_reading_the_json_value()
        {
            Assert.AreEqual("homeassistant/sensor/maison_salon_temperature/config", HomeAssistantDiscovery.ConfigTopic("maison/salon", "temperature", "°C"));
            Assert.AreEqual(
                "{\"name\":\"temperature\",\"unique_id\":\"capteur_maison_salon_temperature\",\"state_topic\":\"maison/salon/temperature\","
                + "\"availability_topic\":\"maison/salon/status\",\"payload_available\":\"online\",\"payload_not_available\":\"offline\","
                + "\"value_template\":\"{{ value_json.value }}\",\"unit_of_measurement\":\"°C\",\"device_class\":\"temperature\",\"state_class\":\"measurement\","
                + "\"device\":{\"identifiers\":[\"capteur_maison_salon\"],\"name\":\"maison/salon\",\"manufacturer\":\"Capteur\",\"model\":\"Capteur node\",\"sw_version\":\"0.1.0\"}}",
                HomeAssistantDiscovery.ConfigPayload("maison/salon", "temperature", "°C", true, "0.1.0"));
        }

        [TestMethod]
        public void A_contact_is_announced_as_a_binary_sensor_on_when_the_value_is_1()
        {
            Assert.AreEqual("homeassistant/binary_sensor/maison_salon_door/config", HomeAssistantDiscovery.ConfigTopic("maison/salon", "door", ""));
            string payload = HomeAssistantDiscovery.ConfigPayload("maison/salon", "door", "", true, "0.1.0");
            Assert.IsTrue(payload.IndexOf("\"value_template\":\"{{ 'ON' if value_json.value == 1 else 'OFF' }}\",\"payload_on\":\"ON\",\"payload_off\":\"OFF\",\"device_class\":\"opening\"") > 0);
        }

        [TestMethod]
        public void Plain_payloads_are_read_as_they_are()
        {
            Assert.IsTrue(HomeAssistantDiscovery.ConfigPayload("maison/salon", "temperature", "°C", false, "0.1.0").IndexOf("\"value_template\":\"{{ value }}\"") > 0);
        }

        [TestMethod]
        [DataRow("maison/salon", "maison_salon")]
        [DataRow("a b/c.d", "a_b_c_d")]
        [DataRow("Home-1/x_y", "Home-1_x_y")]
        public void The_node_id_keeps_only_what_Home_Assistant_accepts_in_an_object_id(string topic, string expected)
        {
            Assert.AreEqual(expected, HomeAssistantDiscovery.NodeId(topic));
        }
    }
}
