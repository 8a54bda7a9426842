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
    public class ShellSessionTests
    {
        private static ShellRig _rig;
        private static FakeShellTerminal _terminal;

        /// <summary>A started session; the greeting and first prompt are already cleared from the output.</summary>
        private static ShellSession Started(int maxLineBytes)
        {
            _rig = new ShellRig();
            _terminal = new FakeShellTerminal();
            _rig.Host.Terminal = _terminal;
            ShellSession session = new ShellSession(_terminal, _rig.Shell, maxLineBytes);
            session.Start();
            _terminal.ClearOutput();
            return session;
        }

        private static string Pump(ShellSession session)
        {
            while (session.Poll())
            {
            }

            return _terminal.OutputText;
        }

        [TestMethod]
        public void Start_greets_and_prompts()
        {
            ShellRig rig = new ShellRig();
            FakeShellTerminal terminal = new FakeShellTerminal();
            new ShellSession(terminal, rig.Shell).Start();
            Assert.AreEqual("Capteur console: type help for the commands\r\ncapteur> ", terminal.OutputText);
        }

        [TestMethod]
        public void A_typed_line_is_echoed_run_and_followed_by_the_prompt()
        {
            ShellSession session = Started(256);
            _terminal.Type("get mqtt.port\r");
            Assert.AreEqual("get mqtt.port\r\nmqtt.port=1883\r\ncapteur> ", Pump(session));
        }

        [TestMethod]
        public void Poll_reports_whether_anything_came()
        {
            ShellSession session = Started(256);
            Assert.IsFalse(session.Poll());
            _terminal.Type("x");
            Assert.IsTrue(session.Poll());
            Assert.IsFalse(session.Poll());
        }

        [TestMethod]
        public void A_line_arriving_in_pieces_gives_the_same_output()
        {
            ShellSession session = Started(256);
            _terminal.Type("get mq");
            _terminal.Type("tt.port\r");
            _terminal.Type("\n");
            Assert.AreEqual("get mqtt.port\r\nmqtt.port=1883\r\ncapteur> ", Pump(session));
        }

        [TestMethod]
        public void Several_lines_in_one_read_run_one_after_the_other()
        {
            ShellSession session = Started(256);
            _terminal.Type("get mqtt.port\r\nget mqtt.tls\r\n");
            Assert.AreEqual("get mqtt.port\r\nmqtt.port=1883\r\ncapteur> get mqtt.tls\r\nmqtt.tls=false\r\ncapteur> ", Pump(session));
        }

        [TestMethod]
        public void A_line_longer_than_one_read_is_assembled_across_reads()
        {
            ShellSession session = Started(256);
            _terminal.Type("set node.topic capteur/a-rather-long-topic-name-that-does-not-fit-in-one-read-of-sixty-four-bytes\r");
            Assert.AreEqual("set node.topic capteur/a-rather-long-topic-name-that-does-not-fit-in-one-read-of-sixty-four-bytes\r\n"
                + "node.topic=capteur/a-rather-long-topic-name-that-does-not-fit-in-one-read-of-sixty-four-bytes (not saved yet)\r\n"
                + "capteur> ", Pump(session));
        }

        [TestMethod]
        public void A_secret_is_masked_while_typed_and_never_printed_back()
        {
            ShellSession session = Started(256);
            _terminal.Type("set wifi.password hunter22\r");
            string output = Pump(session);
            Assert.AreEqual("set wifi.password ********\r\nwifi.password=**** (not saved yet)\r\ncapteur> ", output);
            Assert.AreEqual("hunter22", _rig.Shell.WorkingConfig.Get("wifi.password"));
        }

        [TestMethod]
        public void Backspace_and_ctrl_c_edit_the_line_on_the_terminal()
        {
            ShellSession session = Started(256);
            _terminal.Type("shoq\bw\r");
            _terminal.Type("reboot\u0003");
            string output = Pump(session);
            Assert.IsTrue(ShellRig.Contains(output, "shoq\b \bw\r\nwifi.ssid=home\r\n"));
            Assert.AreEqual("reboot^C\r\ncapteur> ", output.Substring(output.Length - 19));
            Assert.AreEqual(0, _rig.Host.Reboots);
        }

        [TestMethod]
        public void An_empty_line_gives_a_new_prompt()
        {
            ShellSession session = Started(256);
            _terminal.Type("\r");
            Assert.AreEqual("\r\ncapteur> ", Pump(session));
        }

        [TestMethod]
        public void A_line_too_long_is_refused_whole_with_a_message()
        {
            ShellSession session = Started(16);
            _terminal.Type("set mqtt.port 1884 x\r");
            Assert.AreEqual("set mqtt.port 18\a\r\nerror: line too long (more than 16 bytes): nothing was run; split it into several lines\r\ncapteur> ",
                Pump(session));
            Assert.IsFalse(_rig.Shell.HasUnsavedChanges);
        }

        [TestMethod]
        public void Echo_off_and_json_on_give_tools_only_json_lines()
        {
            ShellSession session = Started(256);
            _terminal.Type("echo off; json on\r");
            Assert.AreEqual("echo off; json on\r\necho off\r\n{\"ok\":true,\"json\":true}\r\n", Pump(session));
            _terminal.ClearOutput();
            _terminal.Type("get mqtt.port\n");
            Assert.AreEqual("{\"ok\":true,\"key\":\"mqtt.port\",\"value\":\"1883\",\"saved\":true}\r\n", Pump(session));
        }

        [TestMethod]
        public void With_echo_off_a_script_gets_the_results_alone()
        {
            ShellSession session = Started(256);
            _terminal.Type("echo off\r");
            Assert.AreEqual("echo off\r\necho off\r\n", Pump(session));
            _terminal.ClearOutput();
            _terminal.Type("get mqtt.port\r\nset mqtt.tls on\r\n");
            Assert.AreEqual("mqtt.port=1883\r\nmqtt.tls=true (not saved yet)\r\n", Pump(session));
            _terminal.ClearOutput();
            _terminal.Type("echo on\r");
            Assert.AreEqual("echo on\r\ncapteur> ", Pump(session));
        }

        [TestMethod]
        public void The_typed_line_is_on_the_terminal_before_a_slow_command_runs()
        {
            ShellSession session = Started(256);
            _terminal.Type("wifi scan\r");
            Pump(session);
            Assert.AreEqual("wifi scan\r\n".Length, _rig.Host.OutputAtLastCall);
        }

        [TestMethod]
        public void Reboot_is_asked_of_the_node_after_its_output_without_a_prompt()
        {
            ShellSession session = Started(256);
            _terminal.Type("reboot\r");
            Assert.AreEqual("reboot\r\nrebooting\r\n", Pump(session));
            Assert.AreEqual(1, _rig.Host.Reboots);
            Assert.AreEqual(_terminal.Output.Length, _rig.Host.OutputAtReboot);
        }
    }
}
