#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using Capteur.Node.Shell;
using Capteur.Node.Tests.Support;

namespace Capteur.Node.Tests.Shell
{
    [TestClass]
    public class CommandLineTests
    {
        /// <summary>Every command as its words in brackets, commands separated by " | ".</summary>
        private static string Split(string line)
        {
            CommandLine parsed = CommandLine.Parse(line);
            Assert.IsNull(parsed.Error);
            string text = "";
            for (int i = 0; i < parsed.Count; i++)
            {
                string[] words = parsed.Words(i);
                text += i == 0 ? "" : " | ";
                for (int w = 0; w < words.Length; w++)
                {
                    text += "[" + words[w] + "]";
                }
            }

            return text;
        }

        [TestMethod]
        public void Words_are_separated_by_any_run_of_spaces_and_tabs()
        {
            Assert.AreEqual("[set][mqtt.port][1884]", Split("  set   mqtt.port\t1884 "));
        }

        [TestMethod]
        public void Commands_are_separated_by_semicolons_and_empty_ones_are_skipped()
        {
            Assert.AreEqual("[show] | [get][mqtt.port]", Split("show;; get mqtt.port ;"));
            Assert.AreEqual(0, CommandLine.Parse("").Count);
            Assert.AreEqual(0, CommandLine.Parse(" ; ;").Count);
        }

        [TestMethod]
        public void Double_quotes_keep_spaces_and_semicolons_in_a_value()
        {
            Assert.AreEqual("[set][wifi.ssid][My Home;1] | [save]", Split("set wifi.ssid \"My Home;1\"; save"));
        }

        [TestMethod]
        public void Single_quotes_keep_every_character_as_typed()
        {
            Assert.AreEqual("[a\\\"b; c]", Split("'a\\\"b; c'"));
        }

        [TestMethod]
        public void Backslash_inside_double_quotes_escapes_a_quote_a_backslash_or_a_semicolon()
        {
            Assert.AreEqual("[a\"b\\c;d]", Split("\"a\\\"b\\\\c\\;d\""));
        }

        [TestMethod]
        public void Backslash_outside_quotes_is_literal()
        {
            Assert.AreEqual("[C:\\temp\\x]", Split("C:\\temp\\x"));
        }

        [TestMethod]
        public void Empty_quotes_are_an_empty_word()
        {
            Assert.AreEqual("[set][mqtt.user][]", Split("set mqtt.user \"\""));
            Assert.AreEqual("[]", Split("''"));
        }

        [TestMethod]
        public void Quoted_parts_join_the_word_they_touch()
        {
            Assert.AreEqual("[abc def][x]", Split("ab\"c d\"'e'f x"));
        }

        [TestMethod]
        public void Accents_and_characters_outside_the_BMP_are_kept_whole()
        {
            Assert.AreEqual("[set][wifi.ssid][Caf\u00e9 \U0001F600]", Split("set wifi.ssid \"Caf\u00e9 \U0001F600\""));
            Assert.AreEqual("F0 9F 98 80 C3 A9", TextHex.OfUtf8(CommandLine.Parse("\U0001F600\u00e9").Words(0)[0]));
        }

        [TestMethod]
        public void An_unterminated_double_quote_is_an_error_and_the_line_runs_nothing()
        {
            CommandLine parsed = CommandLine.Parse("set wifi.ssid \"abc; save");
            Assert.AreEqual("unterminated double quote (close it with \"); nothing was run", parsed.Error);
        }

        [TestMethod]
        public void An_unterminated_single_quote_is_an_error()
        {
            Assert.AreEqual("unterminated single quote (close it with '); nothing was run", CommandLine.Parse("set a 'b").Error);
        }

        [TestMethod]
        public void An_unknown_escape_is_an_error_that_does_not_repeat_the_character()
        {
            string expected = "a backslash inside double quotes must be followed by \", \\ or ; (write \\\\ for a backslash,"
                + " or use single quotes, where a backslash is literal); nothing was run";
            Assert.AreEqual(expected, CommandLine.Parse("set wifi.password \"pa\\ss\"").Error);
        }
    }
}
