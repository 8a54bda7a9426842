#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System.Text;
using Capteur.Node.Mqtt;

namespace Capteur.Node.Tests.Mqtt
{
    [TestClass]
    public class TopicValidatorTests
    {
        private static string Repeat(char c, int count)
        {
            StringBuilder builder = new StringBuilder(count);
            for (int i = 0; i < count; i++)
            {
                builder.Append(c);
            }

            return builder.ToString();
        }

        [TestMethod]
        [DataRow("capteur/kitchen/temperature")]
        [DataRow("a")]
        [DataRow("/")]
        [DataRow("/leading/and/trailing/")]
        [DataRow("maison/séjour/température")]
        [DataRow("with space/and-dash_underscore")]
        public void A_valid_publish_topic_passes(string topic)
        {
            // MQTT 3.1.1 section 4.7.3: a topic is at least one character; '/' alone and empty levels are valid.
            Assert.IsNull(TopicValidator.CheckPublish(topic));
        }

        [TestMethod]
        public void A_missing_publish_topic_is_refused()
        {
            Assert.AreEqual("a publish topic is missing: set one, e.g. capteur/kitchen/temperature", TopicValidator.CheckPublish(null));
        }

        [TestMethod]
        public void An_empty_publish_topic_is_refused()
        {
            Assert.AreEqual(
                "\"\" is empty: a publish topic needs at least one character, e.g. capteur/kitchen/temperature",
                TopicValidator.CheckPublish(""));
        }

        [TestMethod]
        public void A_plus_wildcard_in_a_publish_topic_is_refused()
        {
            Assert.AreEqual(
                "\"home/+/temp\" contains the wildcard '+' at index 5: a publish topic cannot contain '+' or '#' (MQTT 3.1.1 section 4.7.1); remove it",
                TopicValidator.CheckPublish("home/+/temp"));
        }

        [TestMethod]
        public void A_hash_wildcard_in_a_publish_topic_is_refused()
        {
            Assert.AreEqual(
                "\"home/#\" contains the wildcard '#' at index 5: a publish topic cannot contain '+' or '#' (MQTT 3.1.1 section 4.7.1); remove it",
                TopicValidator.CheckPublish("home/#"));
        }

        [TestMethod]
        public void A_publish_topic_of_65535_UTF_8_bytes_passes_and_one_more_byte_is_refused()
        {
            // MQTT 3.1.1 section 1.5.3: a UTF-8 string is prefixed by a two-byte length, so at most 65535 bytes.
            string longest = Repeat('a', 65535);
            Assert.IsNull(TopicValidator.CheckPublish(longest));
            Assert.AreEqual(
                "\"aaaaaaaaaaaaaaaaaaaa...\" is 65536 UTF-8 bytes long: a publish topic holds at most 65535 (MQTT 3.1.1 section 1.5.3); shorten it",
                TopicValidator.CheckPublish(longest + "a"));
        }

        [TestMethod]
        public void The_length_limit_counts_UTF_8_bytes_not_characters()
        {
            // '°' takes two bytes in UTF-8: 32768 of them are 65536 bytes.
            string degrees = Repeat('°', 32768);
            Assert.AreEqual(
                "\"°°°°°°°°°°°°°°°°°°°°...\" is 65536 UTF-8 bytes long: a publish topic holds at most 65535 (MQTT 3.1.1 section 1.5.3); shorten it",
                TopicValidator.CheckPublish(degrees));
        }

        [TestMethod]
        public void A_surrogate_pair_is_one_valid_character()
        {
            // U+1F600 is the pair D83D DE00 in UTF-16 and four bytes in UTF-8. (An unpaired surrogate cannot be
            // tested here: nanoFramework stores strings as UTF-8 and has already replaced it by U+FFFD; the .NET-only
            // tests in tests/desktop/Payloads cover it.)
            Assert.IsNull(TopicValidator.CheckPublish("home/\uD83D\uDE00"));
            Assert.IsNull(TopicValidator.CheckLevel("\uD83D\uDE00"));
        }

        [TestMethod]
        [DataRow("capteur/kitchen")]
        [DataRow("kitchen")]
        [DataRow("home/floor1/room-2")]
        public void A_valid_base_topic_passes(string baseTopic)
        {
            Assert.IsNull(TopicValidator.CheckBase(baseTopic));
        }

        [TestMethod]
        public void A_base_topic_with_a_leading_slash_is_refused_with_the_fixed_topic()
        {
            Assert.AreEqual(
                "\"/capteur/kitchen\" starts with '/': a base topic has no leading or trailing '/' and no empty level; write \"capteur/kitchen\"",
                TopicValidator.CheckBase("/capteur/kitchen"));
        }

        [TestMethod]
        public void A_base_topic_with_a_trailing_slash_is_refused_with_the_fixed_topic()
        {
            Assert.AreEqual(
                "\"capteur/kitchen/\" ends with '/': a base topic has no leading or trailing '/' and no empty level; write \"capteur/kitchen\"",
                TopicValidator.CheckBase("capteur/kitchen/"));
        }

        [TestMethod]
        public void A_base_topic_with_an_empty_level_is_refused_with_the_fixed_topic()
        {
            Assert.AreEqual(
                "\"capteur//kitchen\" has an empty level (\"//\"): a base topic has no leading or trailing '/' and no empty level; write \"capteur/kitchen\"",
                TopicValidator.CheckBase("capteur//kitchen"));
        }

        [TestMethod]
        public void The_fixed_topic_keeps_non_ASCII_levels_whole()
        {
            Assert.AreEqual(
                "\"/maison//séjour/\uD83D\uDE00/\" starts with '/': a base topic has no leading or trailing '/' and no empty level; write \"maison/séjour/\uD83D\uDE00\"",
                TopicValidator.CheckBase("/maison//séjour/\uD83D\uDE00/"));
        }

        [TestMethod]
        public void A_base_topic_of_slashes_only_is_refused_with_an_example()
        {
            Assert.AreEqual(
                "\"//\" starts with '/': a base topic has no leading or trailing '/' and no empty level; write levels between the '/', e.g. capteur/kitchen",
                TopicValidator.CheckBase("//"));
        }

        [TestMethod]
        public void A_base_topic_starting_with_a_dollar_is_refused()
        {
            Assert.AreEqual(
                "\"$SYS/kitchen\" starts with '$': topics starting with '$' are reserved for the broker (MQTT 3.1.1 section 4.7.2); remove the '$'",
                TopicValidator.CheckBase("$SYS/kitchen"));
        }

        [TestMethod]
        public void A_base_topic_gets_the_publish_topic_checks_under_its_own_name()
        {
            Assert.AreEqual("a base topic is missing: set one, e.g. capteur/kitchen", TopicValidator.CheckBase(null));
            Assert.AreEqual("\"\" is empty: a base topic needs at least one character, e.g. capteur/kitchen", TopicValidator.CheckBase(""));
            Assert.AreEqual(
                "\"home/#\" contains the wildcard '#' at index 5: a base topic cannot contain '+' or '#' (MQTT 3.1.1 section 4.7.1); remove it",
                TopicValidator.CheckBase("home/#"));
        }

        [TestMethod]
        [DataRow("temperature")]
        [DataRow("humidité")]
        [DataRow("door-1")]
        [DataRow("Status")]
        public void A_valid_sensor_name_passes(string name)
        {
            Assert.IsNull(TopicValidator.CheckLevel(name));
        }

        [TestMethod]
        public void A_sensor_name_with_a_slash_is_refused()
        {
            Assert.AreEqual(
                "\"temp/1\" contains '/' at index 4: a sensor name is a single topic level; use '-' or '_' instead",
                TopicValidator.CheckLevel("temp/1"));
        }

        [TestMethod]
        public void Characters_after_a_surrogate_pair_are_checked_and_indexed_in_UTF_16_units()
        {
            Assert.AreEqual(
                "\"\uD83D\uDE00/x\" contains '/' at index 2: a sensor name is a single topic level; use '-' or '_' instead",
                TopicValidator.CheckLevel("\uD83D\uDE00/x"));
            Assert.AreEqual(
                "\"\uD83D\uDE00+\" contains the wildcard '+' at index 2: a sensor name cannot contain '+' or '#' (MQTT 3.1.1 section 4.7.1); remove it",
                TopicValidator.CheckLevel("\uD83D\uDE00+"));
            Assert.AreEqual(
                "\"a\uD83D\uDE00//b\" has an empty level (\"//\"): a base topic has no leading or trailing '/' and no empty level; write \"a\uD83D\uDE00/b\"",
                TopicValidator.CheckBase("a\uD83D\uDE00//b"));
        }

        [TestMethod]
        public void A_sensor_name_with_a_wildcard_is_refused()
        {
            Assert.AreEqual(
                "\"temp+\" contains the wildcard '+' at index 4: a sensor name cannot contain '+' or '#' (MQTT 3.1.1 section 4.7.1); remove it",
                TopicValidator.CheckLevel("temp+"));
        }

        [TestMethod]
        public void A_missing_or_empty_sensor_name_is_refused()
        {
            Assert.AreEqual("a sensor name is missing: set one, e.g. temperature", TopicValidator.CheckLevel(null));
            Assert.AreEqual("\"\" is empty: a sensor name needs at least one character, e.g. temperature", TopicValidator.CheckLevel(""));
        }

        [TestMethod]
        public void The_node_s_own_levels_are_refused_as_sensor_names()
        {
            Assert.AreEqual(
                "\"status\" is reserved for the node's availability topic <base>/status; choose another sensor name",
                TopicValidator.CheckLevel("status"));
            Assert.AreEqual(
                "\"info\" is reserved for the node info topic <base>/info; choose another sensor name",
                TopicValidator.CheckLevel("info"));
        }

        [TestMethod]
        public void Quoted_values_show_control_characters_escaped()
        {
            Assert.AreEqual(
                "\"a\\tb/\" contains '/' at index 3: a sensor name is a single topic level; use '-' or '_' instead",
                TopicValidator.CheckLevel("a\tb/"));
        }
    }
}
