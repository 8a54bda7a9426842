using Capteur.Node.Ports;

namespace Capteur.Node.Shell
{
    /// <summary>
    /// The console on a serial line: bytes in through a <see cref="LineEditor"/>, each line run by a
    /// <see cref="ShellInterpreter"/>, echo and results out with CR LF line ends, then the prompt (none in json mode,
    /// whose output is only JSON lines, nor with echo off, whose output is only the results). The echo of a line, its
    /// end of line included, is written before the line runs, so a slow command (<c>wifi scan</c>) shows the typed
    /// line at once. A reboot asked by the line is done after its output is written. Call <see cref="Poll"/> in a loop.
    /// </summary>
    public sealed class ShellSession
    {
        /// <summary>Printed before each line in human mode.</summary>
        public const string Prompt = "capteur> ";

        /// <summary>Printed by <see cref="Start"/>.</summary>
        public const string Greeting = "Capteur console: type help for the commands";

        private const string TooLongStart = "line too long (more than ";
        private const string TooLongEnd = " bytes): nothing was run; split it into several lines";

        private readonly ISerialLine _line;
        private readonly ShellInterpreter _shell;
        private readonly LineEditor _editor;
        private readonly OutputBuffer _out = new OutputBuffer();
        private readonly byte[] _input = new byte[64];

        /// <summary>A console of <paramref name="shell"/> on <paramref name="line"/>, lines of at most 256 bytes.</summary>
        public ShellSession(ISerialLine line, ShellInterpreter shell)
            : this(line, shell, LineEditor.DefaultMaxLineBytes)
        {
        }

        /// <summary>A console of <paramref name="shell"/> on <paramref name="line"/>, lines of at most <paramref name="maxLineBytes"/> bytes.</summary>
        public ShellSession(ISerialLine line, ShellInterpreter shell, int maxLineBytes)
        {
            _line = line;
            _shell = shell;
            _editor = new LineEditor(maxLineBytes);
            _editor.Echo = shell.EchoOn;
        }

        /// <summary>Writes the greeting and the first prompt.</summary>
        public void Start()
        {
            if (!_shell.JsonMode)
            {
                _out.Append(Greeting + "\r\n");
            }

            WritePrompt();
            Flush();
        }

        /// <summary>Reads what the line has (waiting at most its timeout) and handles it; false when nothing came.</summary>
        public bool Poll()
        {
            int count = _line.Read(_input, 0, _input.Length);
            if (count <= 0)
            {
                return false;
            }

            Feed(_input, 0, count);
            return true;
        }

        /// <summary>Handles <paramref name="count"/> bytes from the terminal, as if read from the line.</summary>
        public void Feed(byte[] data, int offset, int count)
        {
            for (int i = offset; i < offset + count; i++)
            {
                LineEvent done = _editor.Feed(data[i], _out);
                if (done == LineEvent.None)
                {
                    continue;
                }

                Flush();
                if (done == LineEvent.Line)
                {
                    WriteLines(_shell.Execute(_editor.Line));
                }
                else if (done == LineEvent.TooLong)
                {
                    WriteLines(_shell.Refuse(TooLongStart + _editor.MaxLineBytes.ToString() + TooLongEnd));
                }

                _editor.Echo = _shell.EchoOn;
                WritePrompt();
                Flush();
                _shell.RunPendingReboot();
            }

            Flush();
        }

        private void WriteLines(string[] lines)
        {
            for (int i = 0; i < lines.Length; i++)
            {
                _out.Append(lines[i]);
                _out.Append((byte)'\r');
                _out.Append((byte)'\n');
            }
        }

        private void WritePrompt()
        {
            // Scripts turn echo off: their output is then the results alone, with no prompt between them.
            if (!_shell.JsonMode && _shell.EchoOn && !_shell.RebootRequested)
            {
                _out.Append(Prompt);
            }
        }

        private void Flush()
        {
            if (_out.Length > 0)
            {
                _line.Write(_out.Data, 0, _out.Length);
                _out.Clear();
            }
        }
    }
}
