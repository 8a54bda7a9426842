#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System.Text;
using Capteur.Node.Shell;

namespace Capteur.Node.Tests.Shell
{
    [TestClass]
    public class LineEditorTests
    {
        private static string _events;

        /// <summary>Feeds the bytes; returns the events ([line], ^C, TOO-LONG) and puts the echo in <paramref name="echo"/>.</summary>
        private static string Feed(LineEditor editor, byte[] bytes, OutputBuffer echo)
        {
            _events = "";
            for (int i = 0; i < bytes.Length; i++)
            {
                LineEvent done = editor.Feed(bytes[i], echo);
                if (done == LineEvent.Line)
                {
                    _events += "[" + editor.Line + "]";
                }
                else if (done == LineEvent.Cancelled)
                {
                    _events += "^C";
                }
                else if (done == LineEvent.TooLong)
                {
                    _events += "TOO-LONG";
                }
            }

            return _events;
        }

        private static string Type(LineEditor editor, string text, OutputBuffer echo)
        {
            return Feed(editor, Encoding.UTF8.GetBytes(text), echo);
        }

        /// <summary>The echo with control bytes named: &lt;CR&gt; &lt;LF&gt; &lt;BS&gt; &lt;BEL&gt;.</summary>
        private static string Visible(OutputBuffer echo)
        {
            string raw = echo.ToString();
            string text = "";
            int run = 0;
            for (int i = 0; i <= raw.Length; i++)
            {
                string name = i == raw.Length ? "" : raw[i] == '\r' ? "<CR>" : raw[i] == '\n' ? "<LF>" : raw[i] == '\b' ? "<BS>" : raw[i] == '\a' ? "<BEL>" : null;
                if (name != null)
                {
                    text += raw.Substring(run, i - run) + name;
                    run = i + 1;
                }
            }

            return text;
        }

        [TestMethod]
        public void CR_ends_a_line_and_echoes_CR_LF()
        {
            LineEditor editor = new LineEditor(256);
            OutputBuffer echo = new OutputBuffer();
            Assert.AreEqual("[show]", Type(editor, "show\r", echo));
            Assert.AreEqual("show<CR><LF>", Visible(echo));
        }

        [TestMethod]
        public void LF_alone_ends_a_line()
        {
            OutputBuffer echo = new OutputBuffer();
            Assert.AreEqual("[show]", Type(new LineEditor(256), "show\n", echo));
            Assert.AreEqual("show<CR><LF>", Visible(echo));
        }

        [TestMethod]
        public void CR_LF_is_one_end_of_line()
        {
            OutputBuffer echo = new OutputBuffer();
            Assert.AreEqual("[a][b]", Type(new LineEditor(256), "a\r\nb\r\n", echo));
            Assert.AreEqual("a<CR><LF>b<CR><LF>", Visible(echo));
        }

        [TestMethod]
        public void CR_LF_split_between_two_reads_is_still_one_end_of_line()
        {
            LineEditor editor = new LineEditor(256);
            OutputBuffer echo = new OutputBuffer();
            Assert.AreEqual("[a]", Type(editor, "a\r", echo));
            Assert.AreEqual("[b]", Type(editor, "\nb\r", echo));
            Assert.AreEqual("a<CR><LF>b<CR><LF>", Visible(echo));
        }

        [TestMethod]
        public void Two_LFs_or_two_CRs_are_two_lines_the_second_empty()
        {
            Assert.AreEqual("[a][]", Type(new LineEditor(256), "a\n\n", new OutputBuffer()));
            Assert.AreEqual("[a][]", Type(new LineEditor(256), "a\r\r", new OutputBuffer()));
            Assert.AreEqual("[a][]", Type(new LineEditor(256), "a\n\r", new OutputBuffer()));
        }

        [TestMethod]
        public void Backspace_erases_the_last_character_and_echoes_backspace_space_backspace()
        {
            OutputBuffer echo = new OutputBuffer();
            Assert.AreEqual("[ac]", Type(new LineEditor(256), "ab\bc\r", echo));
            Assert.AreEqual("ab<BS> <BS>c<CR><LF>", Visible(echo));
        }

        [TestMethod]
        public void Delete_erases_like_backspace()
        {
            OutputBuffer echo = new OutputBuffer();
            Assert.AreEqual("[ac]", Type(new LineEditor(256), "ab\u007Fc\r", echo));
            Assert.AreEqual("ab<BS> <BS>c<CR><LF>", Visible(echo));
        }

        [TestMethod]
        public void Backspace_on_an_empty_line_does_nothing()
        {
            OutputBuffer echo = new OutputBuffer();
            Assert.AreEqual("[a]", Type(new LineEditor(256), "\b\u007Fa\r", echo));
            Assert.AreEqual("a<CR><LF>", Visible(echo));
        }

        [TestMethod]
        public void Backspace_erases_a_whole_multi_byte_character()
        {
            OutputBuffer echo = new OutputBuffer();
            Assert.AreEqual("[a]", Type(new LineEditor(256), "a\u00e9\b\U0001F600\b\r", echo));
            Assert.AreEqual("a\u00e9<BS> <BS>\U0001F600<BS> <BS><CR><LF>", Visible(echo));
        }

        [TestMethod]
        public void A_character_split_between_reads_is_echoed_once_complete()
        {
            LineEditor editor = new LineEditor(256);
            OutputBuffer echo = new OutputBuffer();
            Assert.AreEqual("", Feed(editor, new byte[] { 0xC2 }, echo));
            Assert.AreEqual(0, echo.Length);
            Assert.AreEqual("", Feed(editor, new byte[] { 0xB0, 0x43 }, echo));
            Assert.AreEqual("\u00b0C", echo.ToString());
            Assert.AreEqual("[\u00b0C]", Type(editor, "\r", echo));
        }

        [TestMethod]
        public void Ctrl_C_drops_the_line_and_echoes_caret_C()
        {
            LineEditor editor = new LineEditor(256);
            OutputBuffer echo = new OutputBuffer();
            Assert.AreEqual("^C[d]", Type(editor, "abc\u0003d\r", echo));
            Assert.AreEqual("abc^C<CR><LF>d<CR><LF>", Visible(echo));
        }

        [TestMethod]
        public void Other_control_characters_are_refused_with_a_bell()
        {
            OutputBuffer echo = new OutputBuffer();
            Assert.AreEqual("[abcd]", Feed(new LineEditor(256), new byte[] { 0x61, 0x09, 0x62, 0x00, 0x63, 0x07, 0x64, 0x0D }, echo));
            Assert.AreEqual("a<BEL>b<BEL>c<BEL>d<CR><LF>", Visible(echo));
        }

        [TestMethod]
        public void Arrow_and_function_key_sequences_are_swallowed_whole_with_one_bell()
        {
            OutputBuffer echo = new OutputBuffer();
            Assert.AreEqual("[abcde]", Type(new LineEditor(256), "a\u001B[Ab\u001BOBc\u001B[1;5Cd\u001Bxe\r", echo));
            Assert.AreEqual("a<BEL>b<BEL>c<BEL>d<BEL>e<CR><LF>", Visible(echo));
        }

        [TestMethod]
        public void A_lone_escape_before_the_end_of_line_does_not_eat_it()
        {
            Assert.AreEqual("[a]", Type(new LineEditor(256), "a\u001B\r", new OutputBuffer()));
        }

        [TestMethod]
        public void Bytes_that_are_not_UTF_8_are_refused_with_a_bell()
        {
            OutputBuffer echo = new OutputBuffer();
            // a stray continuation byte, C0 (overlong lead), FF, and ED A0 80 (a UTF-16 surrogate encoded: RFC 3629 forbids it)
            byte[] bytes = { 0x61, 0x80, 0x62, 0xC0, 0x63, 0xFF, 0x64, 0xED, 0xA0, 0x80, 0x65, 0x0D };
            Assert.AreEqual("[abcde]", Feed(new LineEditor(256), bytes, echo));
            Assert.AreEqual("a<BEL>b<BEL>c<BEL>d<BEL><BEL>e<CR><LF>", Visible(echo));
        }

        [TestMethod]
        public void An_unfinished_character_cut_by_another_byte_is_dropped_with_a_bell()
        {
            OutputBuffer echo = new OutputBuffer();
            Assert.AreEqual("[ab]", Feed(new LineEditor(256), new byte[] { 0x61, 0xE2, 0x82, 0x62, 0xC3, 0x0D }, echo));
            Assert.AreEqual("a<BEL>b<BEL><CR><LF>", Visible(echo));
        }

        [TestMethod]
        public void A_line_over_the_limit_rings_once_and_is_refused_whole_at_its_end()
        {
            LineEditor editor = new LineEditor(8);
            OutputBuffer echo = new OutputBuffer();
            Assert.AreEqual("TOO-LONG", Type(editor, "1234567890\r", echo));
            Assert.AreEqual("12345678<BEL><CR><LF>", Visible(echo));
            Assert.AreEqual("[12345678]", Type(editor, "12345678\r", new OutputBuffer()));
        }

        [TestMethod]
        public void The_limit_counts_bytes_and_a_character_that_does_not_fit_overflows()
        {
            Assert.AreEqual("[ab\u00e9]", Type(new LineEditor(4), "ab\u00e9\r", new OutputBuffer()));
            OutputBuffer echo = new OutputBuffer();
            Assert.AreEqual("TOO-LONG", Type(new LineEditor(4), "abc\u00e9\r", echo));
            Assert.AreEqual("abc<BEL><CR><LF>", Visible(echo));
        }

        [TestMethod]
        public void With_echo_off_nothing_is_echoed_but_lines_still_complete()
        {
            LineEditor editor = new LineEditor(4);
            editor.Echo = false;
            OutputBuffer echo = new OutputBuffer();
            Assert.AreEqual("[ac]^CTOO-LONG", Type(editor, "ab\bc\t\r\nx\u0003abcdef\n", echo));
            Assert.AreEqual(0, echo.Length);
        }

        [TestMethod]
        public void The_value_of_a_secret_key_echoes_as_stars_but_the_line_keeps_it()
        {
            OutputBuffer echo = new OutputBuffer();
            Assert.AreEqual("[set wifi.password hunter22]", Type(new LineEditor(256), "set wifi.password hunter22\r", echo));
            Assert.AreEqual("set wifi.password ********<CR><LF>", Visible(echo));
        }

        [TestMethod]
        public void Masking_ends_at_the_semicolon_that_ends_the_command()
        {
            OutputBuffer echo = new OutputBuffer();
            Type(new LineEditor(256), "set mqtt.password ab; show\r", echo);
            Assert.AreEqual("set mqtt.password **; show<CR><LF>", Visible(echo));
        }

        [TestMethod]
        public void A_semicolon_inside_quotes_is_part_of_the_masked_value()
        {
            OutputBuffer echo = new OutputBuffer();
            Type(new LineEditor(256), "set wifi.password \"a;b\"; get wifi.ssid\r", echo);
            Assert.AreEqual("set wifi.password *****; get wifi.ssid<CR><LF>", Visible(echo));
        }

        [TestMethod]
        public void Masking_covers_the_key_equals_value_form_any_case_and_a_later_command()
        {
            OutputBuffer echo = new OutputBuffer();
            Type(new LineEditor(256), "show; SET WIFI.PASSWORD=abc\r", echo);
            Assert.AreEqual("show; SET WIFI.PASSWORD=***<CR><LF>", Visible(echo));
        }

        [TestMethod]
        public void A_masked_multi_byte_character_echoes_one_star_and_erases_with_one_backspace()
        {
            OutputBuffer echo = new OutputBuffer();
            Assert.AreEqual("[set wifi.password \u00e9]", Type(new LineEditor(256), "set wifi.password \u00e9x\b\r", echo));
            Assert.AreEqual("set wifi.password **<BS> <BS><CR><LF>", Visible(echo));
        }

        [TestMethod]
        public void Values_of_other_keys_echo_as_typed()
        {
            OutputBuffer echo = new OutputBuffer();
            Type(new LineEditor(256), "set wifi.ssid home; set wifi.passwordx abc\r", echo);
            Assert.AreEqual("set wifi.ssid home; set wifi.passwordx abc<CR><LF>", Visible(echo));
        }
    }
}
