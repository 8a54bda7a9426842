using System.CommandLine;
using Capteur.Cli.Serial;

namespace Capteur.Cli.Commands;

/// <summary>
/// `capteur console [PORT] [--baud 115200]`: an interactive terminal on a board's serial console (or a virtual node's
/// pty). The terminal is put in raw mode, so every key reaches the board (its line editor echoes and edits, Ctrl+C
/// drops a line there) and Ctrl+] exits, as in telnet; the terminal is restored on every way out (the exit key, the
/// port going away, SIGTERM, an error). Without a port it lists the serial ports.
/// </summary>
public static class ConsoleCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var port = new Argument<string?>("PORT") { Description = "Serial port of the board's console (e.g. /dev/ttyUSB0, COM3) or a virtual node's pty path; none to list the ports", Arity = ArgumentArity.ZeroOrOne };
        var baud = new Option<int>("--baud") { Description = "Baud rate", DefaultValueFactory = _ => 115200 };
        var command = new Command("console", "Interactive terminal on a board's serial console (Ctrl+] exits); without a port, lists the serial ports.")
        {
            port, baud,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            string? portName = result.GetValue(port);
            if (portName is null)
            {
                ListPorts();
                return 0;
            }

            SerialConnection connection;
            try
            {
                connection = SerialConnection.Open(portName, result.GetValue(baud));
            }
            catch (ArgumentException e)
            {
                await Console.Error.WriteLineAsync($"capteur console: {e.Message}");
                return 2;
            }

            using (connection)
            {
                if (connection.FallbackReason is not null)
                {
                    await Console.Error.WriteLineAsync($"capteur console: {connection.FallbackReason}");
                }

                await Console.Error.WriteLineAsync($"capteur console: connected to {portName} at {result.GetValue(baud)} baud; Ctrl+] to exit");
                RelayEnd end;
                string? portError;
                using (RawTerminal terminal = RawTerminal.Enter())
                {
                    var relay = new ConsoleRelay(terminal.OpenKeyboard(), Console.OpenStandardOutput(), connection.Stream);
                    end = await relay.RunAsync(cancellationToken);
                    portError = relay.PortError;
                }

                // after the terminal is restored, so the line ends are the terminal's own again
                string why = end switch
                {
                    RelayEnd.ExitKey => "closed (Ctrl+])",
                    RelayEnd.InputEnded => "closed (end of input)",
                    RelayEnd.Cancelled => "closed (stopped)",
                    _ => $"the port closed{(portError is null ? "" : $" ({portError})")}: unplugged, or the node on the other end stopped",
                };
                await Console.Error.WriteLineAsync();
                await Console.Error.WriteLineAsync($"capteur console: {why}");
                return end == RelayEnd.PortClosed ? 1 : 0;
            }
        });
        return command;
    }

    private static void ListPorts()
    {
        string[] ports = SerialConnection.ListPorts();
        if (ports.Length == 0)
        {
            Console.WriteLine("no serial ports found (a USB-TTL adapter shows as /dev/ttyUSB0 or /dev/ttyACM0 on Linux, COM3 on Windows; a virtual node's pty path works too: capteur console /dev/pts/5)");
            return;
        }

        Console.WriteLine("serial ports (capteur console PORT to connect):");
        foreach (string name in ports)
        {
            Console.WriteLine($"  {name}");
        }
    }
}
