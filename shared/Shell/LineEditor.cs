using System.Text;
using Capteur.Node.Config;

namespace Capteur.Node.Shell
{
    /// <summary>
    /// Turns the bytes a terminal sends, in any chunking, into lines, and says what to echo. What each byte does:
    /// <list type="bullet">
    /// <item>CR, LF or CRLF end the line (a LF right after a CR is the same end of line); echo CR LF.</item>
    /// <item>BS (0x08) and DEL (0x7F) erase the last character, a whole UTF-8 character, and echo <c>"\b \b"</c>;
    /// on an empty line they do nothing.</item>
    /// <item>Ctrl+C (0x03) drops the line and echoes <c>^C</c> CR LF.</item>
    /// <item>Printable ASCII and well-formed UTF-8 characters are kept and echoed once complete. A byte that cannot
    /// start or continue a UTF-8 character (a stray continuation byte, C0, C1, F5..FF, an overlong or surrogate
    /// form) is refused, and so is an unfinished character cut by another byte.</item>
    /// <item>Every other control character (NUL, TAB, ...) is refused. An escape sequence (ESC, or the arrow and
    /// function keys' <c>ESC [ ...</c> and <c>ESC O x</c>) is swallowed whole: this editor has no cursor movement
    /// and no history.</item>
    /// <item>A line holds at most <see cref="MaxLineBytes"/> bytes. Beyond, bytes are dropped, and at the end of the
    /// line the whole line is refused (<see cref="LineEvent.TooLong"/>) rather than run cut short, which could save a
    /// truncated value.</item>
    /// </list>
    /// A refused byte or sequence echoes one bell (0x07); a too-long line rings once, at its first dropped byte.
    /// With <see cref="Echo"/> off nothing at all is echoed (tools that send scripted lines).
    /// Secrets: once the command being typed is <c>set wifi.password </c> (any secret key, also as
    /// <c>set KEY=</c>), each character of its value echoes as <c>*</c>, up to the <c>;</c> that ends the command;
    /// the line itself keeps the real characters. Terminal widths are not known: a character that takes two columns
    /// (CJK) is erased with one "\b \b".
    /// </summary>
    internal sealed class LineEditor
    {
        /// <summary>Default <see cref="MaxLineBytes"/>.</summary>
        public const int DefaultMaxLineBytes = 256;

        private const byte Cr = 0x0D;
        private const byte Lf = 0x0A;
        private const byte Backspace = 0x08;
        private const byte Delete = 0x7F;
        private const byte CtrlC = 0x03;
        private const byte Escape = 0x1B;
        private const byte Bell = 0x07;

        private static readonly byte[] EraseEcho = { Backspace, (byte)' ', Backspace };
        private static readonly byte[] NewLineEcho = { Cr, Lf };
        private static readonly byte[] CancelEcho = { (byte)'^', (byte)'C', Cr, Lf };

        private readonly byte[] _line;
        private int _length;
        private int _charStart;
        private int _pending;

        // Continuation bytes of a character refused for want of room, dropped without another bell.
        private int _skip;
        private bool _lastWasCr;
        private bool _overflow;

        // 0: no escape sequence; 1: after ESC; 2: inside ESC [ or ESC O, until the final byte.
        private int _escape;

        /// <summary>An editor for lines of at most <paramref name="maxLineBytes"/> bytes of UTF-8.</summary>
        public LineEditor(int maxLineBytes)
        {
            _line = new byte[maxLineBytes];
            Echo = true;
            MaskSecrets = true;
            Line = "";
        }

        /// <summary>Most bytes a line may hold (UTF-8, end of line not counted).</summary>
        public int MaxLineBytes
        {
            get { return _line.Length; }
        }

        /// <summary>True (the default) to echo what is typed; false to echo nothing, bells included.</summary>
        public bool Echo { get; set; }

        /// <summary>True (the default) to echo the value of <c>set SECRET-KEY VALUE</c> as <c>*</c>.</summary>
        public bool MaskSecrets { get; set; }

        /// <summary>The line completed by the last <see cref="LineEvent.Line"/>, without its end of line.</summary>
        public string Line { get; private set; }

        /// <summary>Takes one byte from the terminal; appends what to echo to <paramref name="echo"/>.</summary>
        internal LineEvent Feed(byte b, OutputBuffer echo)
        {
            bool afterCr = _lastWasCr;
            _lastWasCr = false;
            if (_escape > 0 && ContinueEscape(b))
            {
                return LineEvent.None;
            }

            if (b == Cr || b == Lf)
            {
                if (b == Lf && afterCr)
                {
                    return LineEvent.None;
                }

                _lastWasCr = b == Cr;
                return EndLine(echo);
            }

            if (b == CtrlC)
            {
                Reset();
                Send(echo, CancelEcho);
                return LineEvent.Cancelled;
            }

            if (b == Backspace || b == Delete)
            {
                Erase(echo);
                return LineEvent.None;
            }

            if (b < 0x20)
            {
                DropUnfinished(echo);
                _escape = b == Escape ? 1 : 0;
                Ring(echo);
                return LineEvent.None;
            }

            if (b < 0x80)
            {
                DropUnfinished(echo);
                AddAscii(b, echo);
                return LineEvent.None;
            }

            AddUtf8(b, echo);
            return LineEvent.None;
        }

        /// <summary>True when <paramref name="b"/> belonged to the escape sequence under way.</summary>
        private bool ContinueEscape(byte b)
        {
            if (_escape == 1)
            {
                if (b < 0x20 || b >= 0x7F)
                {
                    _escape = 0;
                    return false;
                }

                _escape = b == '[' || b == 'O' ? 2 : 0;
                return true;
            }

            // ECMA-48 5.4: parameter and intermediate bytes 0x20..0x3F, then one final byte 0x40..0x7E.
            if (b >= 0x20 && b <= 0x3F)
            {
                return true;
            }

            _escape = 0;
            return b >= 0x40 && b <= 0x7E;
        }

        private LineEvent EndLine(OutputBuffer echo)
        {
            DropUnfinished(echo);
            Send(echo, NewLineEcho);
            if (_overflow)
            {
                Reset();
                return LineEvent.TooLong;
            }

            Line = Encoding.UTF8.GetString(_line, 0, _length);
            Reset();
            return LineEvent.Line;
        }

        private void Erase(OutputBuffer echo)
        {
            if (_pending > 0)
            {
                // Erasing what was not echoed yet: no bell, nothing to erase on the screen.
                _length = _charStart;
                _pending = 0;
                return;
            }

            if (_length == 0)
            {
                return;
            }

            _length--;
            while (_length > 0 && (_line[_length] & 0xC0) == 0x80)
            {
                _length--;
            }

            Send(echo, EraseEcho);
        }

        private void AddAscii(byte b, OutputBuffer echo)
        {
            if (!HasRoom(1, echo))
            {
                return;
            }

            bool masked = IsSecretValueNext(b, _length);
            _line[_length++] = b;
            EchoByte(echo, masked ? (byte)'*' : b);
        }

        private void AddUtf8(byte b, OutputBuffer echo)
        {
            if ((b & 0xC0) == 0x80)
            {
                if (_skip > 0)
                {
                    _skip--;
                    return;
                }

                if (_pending == 0)
                {
                    Ring(echo);
                    return;
                }

                if (!ContinuationAllowed(b))
                {
                    DropUnfinished(echo);
                    return;
                }

                _line[_length++] = b;
                _pending--;
                if (_pending == 0)
                {
                    if (IsSecretValueNext(_line[_charStart], _charStart))
                    {
                        EchoByte(echo, (byte)'*');
                    }
                    else if (Echo)
                    {
                        echo.Append(_line, _charStart, _length - _charStart);
                    }
                }

                return;
            }

            DropUnfinished(echo);
            _skip = 0;
            int continuations = b >= 0xC2 && b <= 0xDF ? 1 : b >= 0xE0 && b <= 0xEF ? 2 : b >= 0xF0 && b <= 0xF4 ? 3 : -1;
            if (continuations < 0)
            {
                Ring(echo);
                return;
            }

            if (!HasRoom(continuations + 1, echo))
            {
                _skip = continuations;
                return;
            }

            _charStart = _length;
            _line[_length++] = b;
            _pending = continuations;
        }

        /// <summary>RFC 3629 section 4: the second byte after E0, ED, F0 and F4 has a narrower range.</summary>
        private bool ContinuationAllowed(byte b)
        {
            if (_length != _charStart + 1)
            {
                return true;
            }

            switch (_line[_charStart])
            {
                case 0xE0: return b >= 0xA0;
                case 0xED: return b <= 0x9F;
                case 0xF0: return b >= 0x90;
                case 0xF4: return b <= 0x8F;
                default: return true;
            }
        }

        private bool HasRoom(int count, OutputBuffer echo)
        {
            if (_length + count <= _line.Length && !_overflow)
            {
                return true;
            }

            if (!_overflow)
            {
                _overflow = true;
                Ring(echo);
            }

            return false;
        }

        /// <summary>
        /// True when a character starting with byte <paramref name="b"/>, typed after the first <paramref name="end"/>
        /// bytes of the line, belongs to the value of <c>set SECRET-KEY</c>: the command being typed has the words
        /// <c>set</c> and a secret key, finished (followed by a blank) or written <c>KEY=...</c>, and the character is
        /// not the unquoted <c>;</c> that ends the command.
        /// </summary>
        private bool IsSecretValueNext(byte b, int end)
        {
            if (!MaskSecrets || !Echo || !MayHoldSet(end))
            {
                return false;
            }

            // Only the ASCII structure matters here; each non-ASCII character stands as one 'x'.
            char[] chars = new char[end];
            int count = 0;
            for (int i = 0; i < end; i++)
            {
                byte at = _line[i];
                if (at < 0x80)
                {
                    chars[count++] = (char)at;
                }
                else if ((at & 0xC0) != 0x80)
                {
                    chars[count++] = 'x';
                }
            }

            CommandLine typed = CommandLine.Parse(new string(chars, 0, count));
            string[] words = typed.LastWords;
            if (words.Length < 2 || words[0].ToLower() != "set" || (b == ';' && !typed.EndsInQuotes))
            {
                return false;
            }

            int finished = words.Length - (typed.EndsInWord ? 1 : 0);
            if (finished >= 2 && IsSecretKey(words[1]))
            {
                return true;
            }

            int equals = words[1].IndexOf('=');
            return equals > 0 && IsSecretKey(words[1].Substring(0, equals));
        }

        /// <summary>
        /// False when no <c>set</c> (any case) was typed yet: spares the parse below, which costs a few milliseconds on a
        /// board for each character of a pasted line.
        /// </summary>
        private bool MayHoldSet(int end)
        {
            for (int i = 0; i + 2 < end; i++)
            {
                if ((_line[i] | 0x20) == 's' && (_line[i + 1] | 0x20) == 'e' && (_line[i + 2] | 0x20) == 't')
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsSecretKey(string name)
        {
            ConfigKey key = ConfigSchema.Find(name);
            return key != null && key.Secret;
        }

        /// <summary>Drops a character whose bytes stopped coming (it was never echoed), with a bell.</summary>
        private void DropUnfinished(OutputBuffer echo)
        {
            _skip = 0;
            if (_pending > 0)
            {
                _length = _charStart;
                _pending = 0;
                Ring(echo);
            }
        }

        private void Reset()
        {
            _length = 0;
            _pending = 0;
            _overflow = false;
            _escape = 0;
            _skip = 0;
        }

        private void Ring(OutputBuffer echo)
        {
            EchoByte(echo, Bell);
        }

        private void EchoByte(OutputBuffer echo, byte b)
        {
            if (Echo)
            {
                echo.Append(b);
            }
        }

        private void Send(OutputBuffer echo, byte[] bytes)
        {
            if (Echo)
            {
                echo.Append(bytes, 0, bytes.Length);
            }
        }
    }
}
