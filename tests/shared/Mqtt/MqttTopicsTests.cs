#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using Capteur.Node.Mqtt;

namespace Capteur.Node.Tests.Mqtt
{
    [TestClass]
    public class MqttTopicsTests
    {
        [TestMethod]
        public void Readings_go_under_the_base_topic_one_level_per_sensor()
        {
            Assert.AreEqual("capteur/kitchen/temperature", MqttTopics.Reading("capteur/kitchen", "temperature"));
        }

        [TestMethod]
        public void Availability_and_node_info_have_their_own_levels()
        {
            Assert.AreEqual("capteur/kitchen/status", MqttTopics.Status("capteur/kitchen"));
            Assert.AreEqual("capteur/kitchen/info", MqttTopics.Info("capteur/kitchen"));
        }

        [TestMethod]
        public void Availability_payloads_are_online_and_offline()
        {
            Assert.AreEqual("online", MqttTopics.Online);
            Assert.AreEqual("offline", MqttTopics.Offline);
        }

        [TestMethod]
        public void Topics_built_from_valid_parts_are_valid_publish_topics()
        {
            Assert.IsNull(TopicValidator.CheckPublish(MqttTopics.Reading("capteur/kitchen", "température")));
            Assert.IsNull(TopicValidator.CheckPublish(MqttTopics.Status("capteur/kitchen")));
            Assert.IsNull(TopicValidator.CheckPublish(MqttTopics.Info("capteur/kitchen")));
        }
    }
}
