using Capteur.Node.Mqtt;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Capteur.Desktop.Tests.Payloads
{
    /// <summary>
    /// Topic checks that only .NET can exercise: a nanoFramework string cannot hold U+0000 (it ends there) nor an
    /// unpaired surrogate (stored as UTF-8, it has become U+FFFD), so the shared tests cannot build these inputs.
    /// </summary>
    [TestClass]
    public class TopicTextTests
    {
        [TestMethod]
        public void U_0000_in_a_publish_topic_is_refused()
        {
            Assert.AreEqual(
                "\"a\\u0000b\" contains the null character U+0000 at index 1: a publish topic cannot contain it (MQTT 3.1.1 section 1.5.3); remove it",
                TopicValidator.CheckPublish("a\0b"));
        }

        [TestMethod]
        public void U_0000_in_a_sensor_name_is_refused()
        {
            Assert.AreEqual(
                "\"t\\u0000\" contains the null character U+0000 at index 1: a sensor name cannot contain it (MQTT 3.1.1 section 1.5.3); remove it",
                TopicValidator.CheckLevel("t\0"));
        }

        [TestMethod]
        public void An_unpaired_low_surrogate_is_refused()
        {
            Assert.AreEqual(
                "\"home/\uDE00x\" contains an unpaired surrogate at index 5, which is not valid UTF-8 (MQTT 3.1.1 section 1.5.3); remove it",
                TopicValidator.CheckPublish("home/\uDE00x"));
        }

        [TestMethod]
        public void An_unpaired_high_surrogate_is_refused_even_at_the_end()
        {
            Assert.AreEqual(
                "\"home/\uD83D\" contains an unpaired surrogate at index 5, which is not valid UTF-8 (MQTT 3.1.1 section 1.5.3); remove it",
                TopicValidator.CheckBase("home/\uD83D"));
        }

        [TestMethod]
        public void Two_high_surrogates_are_not_a_pair()
        {
            Assert.AreEqual(
                "\"\uD83D\uD83D\" contains an unpaired surrogate at index 0, which is not valid UTF-8 (MQTT 3.1.1 section 1.5.3); remove it",
                TopicValidator.CheckLevel("\uD83D\uD83D"));
        }
    }
}
