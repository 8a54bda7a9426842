using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Capteur.Cli.Serial;

/// <summary>
/// Drives a node's serial console the way a script should (shared/Shell/README.md): <c>echo off</c> and
/// <c>json on</c> first, then one command a line, each answered by exactly one JSON object
/// (<c>{"ok":true,...}</c> or <c>{"ok":false,"error":"...",...}</c>). Every wait has a timeout. The commands sent are
/// never repeated in messages: a <c>set</c> may carry a secret.
/// </summary>
public sealed class JsonConsoleClient
{
    private const byte CtrlC = 0x03;

    // the console's own limit (LineEditor.DefaultMaxLineBytes); a longer line is refused whole
    private const int MaxLineBytes = 256;

    private readonly Stream _stream;
    private readonly ConsoleLineReader _reader;
    private readonly string _portName;
    private readonly TimeSpan _timeout;

    /// <summary>A client of the console on <paramref name="portName"/>, writing <paramref name="stream"/> and reading its lines from <paramref name="reader"/>.</summary>
    public JsonConsoleClient(Stream stream, ConsoleLineReader reader, string portName, TimeSpan timeout)
    {
        _stream = stream;
        _reader = reader;
        _portName = portName;
        _timeout = timeout;
    }

    /// <summary>
    /// Brings the console, in whatever state a person or an earlier tool left it, to json mode with echo off: Ctrl+C
    /// drops a half-typed line, then <c>echo off</c>, <c>json on</c>, and a <c>help</c> for a word made up now, whose
    /// answer (it quotes the word) marks where the answers to this client's commands begin. What came before (the
    /// greeting, echoes, prompts, old output) is skipped.
    /// </summary>
    public void EnterJsonMode()
    {
        string marker = "capteur-sync-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant();
        _reader.DiscardReceived();
        Send([CtrlC]);
        Send("echo off\r\njson on\r\nhelp " + marker + "\r\n");
        DateTime deadline = DateTime.UtcNow + _timeout;
        while (true)
        {
            string? line = _reader.ReadLine(Remaining(deadline));
            if (line is null)
            {
                throw NoAnswer();
            }

            if (line.StartsWith('{') && line.Contains(marker, StringComparison.Ordinal))
            {
                return;
            }
        }
    }

    /// <summary>
    /// Sends one command (a single command: no <c>;</c> outside quotes) and returns its JSON answer. Throws
    /// <see cref="ConsoleException"/> when none comes within the timeout or the line is too long for the console.
    /// </summary>
    public JsonElement Run(string command)
    {
        int bytes = Encoding.UTF8.GetByteCount(command);
        if (bytes > MaxLineBytes)
        {
            throw new ConsoleException($"a command of {bytes} bytes is longer than a console line ({MaxLineBytes} bytes); shorten the value");
        }

        Send(command + "\r\n");
        DateTime deadline = DateTime.UtcNow + _timeout;
        while (true)
        {
            string? line = _reader.ReadLine(Remaining(deadline));
            if (line is null)
            {
                throw NoAnswer();
            }

            if (!line.StartsWith('{'))
            {
                // not an answer: a node's start-up line such as "config: ...", or noise on the wire
                continue;
            }

            try
            {
                using JsonDocument document = JsonDocument.Parse(line);
                if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("ok", out _))
                {
                    return document.RootElement.Clone();
                }
            }
            catch (JsonException)
            {
                // a line garbled on the wire: wait for the real answer, or time out
            }
        }
    }

    /// <summary>
    /// Leaves json mode and turns echo back on, as a person at the console expects; the answers are not waited for
    /// (a node that just rebooted is already in that mode).
    /// </summary>
    public void LeaveJsonMode()
    {
        Send("json off\r\necho on\r\n");
    }

    /// <summary>
    /// <paramref name="value"/> as one word of a console line: in double quotes, with <c>"</c>, <c>\</c> and <c>;</c>
    /// escaped by a backslash (the console's CommandLine rules), so spaces, <c>;</c> and quotes survive.
    /// </summary>
    public static string Quote(string value)
    {
        var quoted = new StringBuilder(value.Length + 2);
        quoted.Append('"');
        foreach (char c in value)
        {
            if (c is '"' or '\\' or ';')
            {
                quoted.Append('\\');
            }

            quoted.Append(c);
        }

        return quoted.Append('"').ToString();
    }

    private void Send(string text) => Send(Encoding.UTF8.GetBytes(text));

    private void Send(byte[] bytes)
    {
        try
        {
            _stream.Write(bytes, 0, bytes.Length);
            _stream.Flush();
        }
        catch (Exception e) when (e is IOException or TimeoutException or ObjectDisposedException or InvalidOperationException)
        {
            throw new ConsoleException($"writing to {_portName} failed ({e.Message}): is the port still there?");
        }
    }

    private ConsoleException NoAnswer()
    {
        if (_reader.IsClosed)
        {
            return new ConsoleException($"the console on {_portName} closed: the port went away (unplugged, or the pty's other end stopped)");
        }

        return new ConsoleException($"no answer from the console on {_portName} within {_timeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s: is a node running there, with its console on this port?");
    }

    private static TimeSpan Remaining(DateTime deadline)
    {
        TimeSpan left = deadline - DateTime.UtcNow;
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }
}
