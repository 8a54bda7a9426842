using System.Diagnostics;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Capteur.Desktop.Tests.ConsoleTools;

/// <summary>
/// `capteur console` as a person uses it, in a real terminal: tmux runs it in a pane, types with send-keys and reads
/// the screen with capture-pane. The terminal is raw while it runs and exactly as before once Ctrl+] ended it.
/// </summary>
[TestClass]
public class TerminalRestoreTests
{
    [TestMethod]
    [Timeout(90000)]
    public void Console_in_a_terminal_is_raw_while_it_runs_and_restores_the_terminal_on_ctrl_right_bracket()
    {
        RunInTerminal((server, pty, pid) => Tmux(server, "send-keys", "C-]"), 0, "capteur console: closed (Ctrl+])");
    }

    [TestMethod]
    [Timeout(90000)]
    public void Console_restores_the_terminal_when_the_port_goes_away()
    {
        RunInTerminal((server, pty, pid) => pty.Dispose(), 1, "capteur console: the port closed");
    }

    [TestMethod]
    [Timeout(90000)]
    public void Console_restores_the_terminal_on_sigterm()
    {
        RunInTerminal((server, pty, pid) => Process.Start("kill", ["-TERM", pid])!.WaitForExit(), 0, "capteur console: closed (stopped)");
    }

    /// <summary>
    /// Runs `capteur console` in a tmux pane, checks raw mode and a round trip, ends it with <paramref name="end"/>
    /// (given the tmux server, the pty pair and the tool's pid), and checks the exit code, the last words and that
    /// the terminal's settings are exactly those from before.
    /// </summary>
    private static void RunInTerminal(Action<string, PtyPair, string> end, int exitCode, string lastWords)
    {
        if (!File.Exists("/usr/bin/tmux"))
        {
            Assert.Inconclusive("tmux is not installed (apt-get install tmux)");
        }

        using PtyPair pty = PtyPair.Start();
        using FileStream board = PtyPair.Open(pty.NodeEnd);
        string folder = Directory.CreateTempSubdirectory("capteur-tmux-").FullName;
        string server = "capteur-test-" + Guid.NewGuid().ToString("N")[..8];
        string capteur = Path.Combine(AppContext.BaseDirectory, "capteur.dll");
        // in the background of the pane's shell so that its pid is known for SIGTERM (without job control it stays in
        // the foreground process group; its input is the terminal again, not the /dev/null a background job gets)
        string script = $"stty -g > {folder}/before; dotnet {capteur} console {pty.ToolEnd} < /dev/tty & echo $! > {folder}/pid; wait $!; echo $? > {folder}/exit; "
            + $"stty -g > {folder}/after; sleep 60";
        try
        {
            Tmux(server, "new-session", "-d", "-x", "160", "-y", "40", script);
            string tty = Tmux(server, "display-message", "-p", "#{pane_tty}").Trim();
            WaitFor(() => Screen(server).Contains("Ctrl+] to exit", StringComparison.Ordinal), "the console's banner on the screen", server);
            WaitFor(() => !SttyOf(tty).Contains(" icanon", StringComparison.Ordinal), "raw mode", server);
            string during = SttyOf(tty);
            foreach (string flag in new[] { "-icanon", "-echo ", "-isig", "-icrnl", "-opost" })
            {
                StringAssert.Contains(during, flag);
            }

            // raw: Enter goes through as CR the moment it is typed, and nothing is echoed locally
            Tmux(server, "send-keys", "status", "Enter");
            var received = new byte[7];
            Assert.IsTrue(Task.Run(() => board.ReadExactly(received)).Wait(TimeSpan.FromSeconds(10)), "the typed line at the board");
            Assert.AreEqual("status\r", Encoding.ASCII.GetString(received));
            board.Write("state: online\r\ncapteur> "u8);
            WaitFor(() => Screen(server).Contains("state: online", StringComparison.Ordinal), "the board's answer on the screen", server);
            Assert.IsFalse(Screen(server).Contains("status", StringComparison.Ordinal), "no local echo of the typed line");

            end(server, pty, File.ReadAllText($"{folder}/pid").Trim());
            WaitFor(() => File.Exists($"{folder}/after") && File.ReadAllText($"{folder}/after").Length > 0, "the terminal settings after the exit", server);
            Assert.AreEqual(exitCode.ToString(), File.ReadAllText($"{folder}/exit").Trim());
            Assert.AreEqual(File.ReadAllText($"{folder}/before"), File.ReadAllText($"{folder}/after"));
            StringAssert.Contains(Screen(server), lastWords);
        }
        finally
        {
            try
            {
                Tmux(server, "kill-server");
            }
            catch (InvalidOperationException)
            {
            }

            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Screen(string server) => Tmux(server, "capture-pane", "-p");

    private static string SttyOf(string tty)
    {
        var info = new ProcessStartInfo("stty", ["-a", "-F", tty]) { RedirectStandardOutput = true, UseShellExecute = false };
        info.Environment["LC_ALL"] = "C";
        using Process stty = Process.Start(info)!;
        string output = stty.StandardOutput.ReadToEnd();
        stty.WaitForExit();
        return output.Replace('\n', ' ');
    }

    private static string Tmux(string server, params string[] args)
    {
        var info = new ProcessStartInfo("tmux") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-L");
        info.ArgumentList.Add(server);
        foreach (string arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment.Remove("TMUX");
        using Process tmux = Process.Start(info)!;
        string output = tmux.StandardOutput.ReadToEnd();
        string error = tmux.StandardError.ReadToEnd();
        tmux.WaitForExit();
        if (tmux.ExitCode != 0)
        {
            throw new InvalidOperationException($"tmux {string.Join(" ", args)}: exit {tmux.ExitCode}: {error}");
        }

        return output;
    }

    private static void WaitFor(Func<bool> condition, string what, string server)
    {
        DateTime deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"no {what} within 30 s; the screen:\n{Screen(server)}");
            }

            Thread.Sleep(50);
        }
    }
}
