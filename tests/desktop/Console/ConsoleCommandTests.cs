using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Capteur.Desktop.Tests.ConsoleTools;

/// <summary>
/// `capteur console` without a person: its standard input is a pipe (so no raw mode), the board is the test holding
/// the other end of a pty pair.
/// </summary>
[TestClass]
public class ConsoleCommandTests
{
    [TestMethod]
    [Timeout(60000)]
    public void Console_relays_bytes_both_ways_and_exits_on_ctrl_right_bracket_without_sending_it()
    {
        using PtyPair pty = PtyPair.Start();
        using FileStream board = PtyPair.Open(pty.NodeEnd);
        using ToolRun console = ToolRun.Start("console", pty.ToolEnd);
        WaitForStderr(console, "Ctrl+] to exit");

        console.Input.Write("status\r"u8);
        console.Input.Flush();
        Assert.AreEqual("status\r", ReadExactly(board, 7));
        board.Write("état: en ligne\r\ncapteur> "u8);
        console.WaitForStdout("état: en ligne\r\ncapteur> ", TimeSpan.FromSeconds(10));

        // Ctrl+] ends it; what follows it in the same read is not sent either
        console.Input.Write("ab\u001Dcd\r"u8);
        console.Input.Flush();
        Assert.AreEqual(0, console.WaitForExit(TimeSpan.FromSeconds(10)), console.Stderr);
        StringAssert.EndsWith(console.Stderr, "capteur console: closed (Ctrl+])\n");
        Assert.AreEqual("ab", ReadExactly(board, 2));
        Assert.AreEqual("état: en ligne\r\ncapteur> ", console.Stdout);
    }

    [TestMethod]
    [Timeout(60000)]
    public void Console_without_a_port_lists_the_serial_ports()
    {
        using ToolRun console = ToolRun.Complete(TimeSpan.FromSeconds(30), "console");

        Assert.AreEqual(0, console.ExitCode, console.Stderr);
        string[] ports = System.IO.Ports.SerialPort.GetPortNames();
        if (ports.Length == 0 && !Directory.Exists("/dev/serial/by-id"))
        {
            StringAssert.StartsWith(console.Stdout, "no serial ports found (a USB-TTL adapter shows as /dev/ttyUSB0");
        }
        else
        {
            StringAssert.StartsWith(console.Stdout, "serial ports (capteur console PORT to connect):\n");
            foreach (string port in ports)
            {
                StringAssert.Contains(console.Stdout, $"  {port}\n");
            }
        }
    }

    [TestMethod]
    [Timeout(60000)]
    public void Console_on_a_missing_port_says_how_to_find_one()
    {
        using ToolRun console = ToolRun.Complete(TimeSpan.FromSeconds(30), "console", "/dev/capteur-no-such-port");

        Assert.AreEqual(2, console.ExitCode);
        Assert.AreEqual("capteur console: /dev/capteur-no-such-port does not exist (type capteur console without a port to list the serial ports; a virtual node's pty path, e.g. /dev/pts/5, works too)\n", console.Stderr);
    }

    private static string ReadExactly(Stream stream, int count)
    {
        var buffer = new byte[count];
        var read = Task.Run(() => stream.ReadExactly(buffer));
        Assert.IsTrue(read.Wait(TimeSpan.FromSeconds(10)), $"{count} bytes at the board within 10 s");
        return Encoding.UTF8.GetString(buffer);
    }

    private static void WaitForStderr(ToolRun run, string text)
    {
        DateTime deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!run.Stderr.Contains(text, StringComparison.Ordinal))
        {
            Assert.IsFalse(DateTime.UtcNow > deadline || run.HasExited, $"no \"{text}\" on stderr: {run.Stderr}");
            Thread.Sleep(20);
        }
    }
}
