using Capteur.Cli.Serial;
using Capteur.VirtualNode.Adapters;

namespace Capteur.Cli.Commands;

/// <summary>
/// Where a virtual node serves its console: a serial device or pty path, or this process's terminal (<c>-</c>), put in
/// raw mode (the node's line editor echoes and edits, as on a board) and restored on exit.
/// </summary>
public sealed class TerminalConsole : IDisposable
{
    private readonly RawTerminal? _terminal;

    private TerminalConsole(StreamSerialLine line, RawTerminal? terminal)
    {
        Line = line;
        _terminal = terminal;
    }

    /// <summary>The line the console reads and writes.</summary>
    public StreamSerialLine Line { get; }

    /// <summary>Opens <paramref name="path"/>, or the terminal for <c>-</c>.</summary>
    public static TerminalConsole Open(string path)
    {
        if (path != "-")
        {
            if (!File.Exists(path))
            {
                throw new ArgumentException($"--console: {path} does not exist (give a serial device or pty path, e.g. /dev/pts/4, or - for this terminal)");
            }

            return new TerminalConsole(StreamSerialLine.OpenDevice(path), null);
        }

        RawTerminal terminal = RawTerminal.Enter();
        return new TerminalConsole(new StreamSerialLine(terminal.OpenKeyboard(), Console.OpenStandardOutput(), ownsStreams: false), terminal);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Line.Dispose();
        _terminal?.Dispose();
    }
}
