using System.Collections.Concurrent;
using System.Text;

namespace Capteur.Cli.Serial;

/// <summary>
/// The lines a console sends (CR LF, LF or CR ends a line; line ends removed; UTF-8), read on a thread of its own so
/// that every wait has a timeout whatever the stream (a serial port or a pty opened as a file cannot time out a read).
/// </summary>
public sealed class ConsoleLineReader : IDisposable
{
    private readonly Stream _stream;
    private readonly BlockingCollection<string> _lines = new();
    private readonly Thread _thread;

    /// <summary>Starts reading <paramref name="stream"/>.</summary>
    public ConsoleLineReader(Stream stream)
    {
        _stream = stream;
        _thread = new Thread(ReadLoop) { IsBackground = true, Name = "console reader" };
        _thread.Start();
    }

    /// <summary>True once the stream ended (the port closed) and every line before was taken.</summary>
    public bool IsClosed => _lines.IsCompleted;

    /// <summary>The next line, or null when none came within <paramref name="timeout"/> or the stream ended.</summary>
    public string? ReadLine(TimeSpan timeout)
    {
        try
        {
            return _lines.TryTake(out string? line, timeout) ? line : null;
        }
        catch (ObjectDisposedException)
        {
            return null;
        }
    }

    /// <summary>Drops the lines received so far.</summary>
    public void DiscardReceived()
    {
        while (_lines.TryTake(out _))
        {
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _lines.CompleteAdding();
    }

    private void ReadLoop()
    {
        var buffer = new byte[512];
        var line = new List<byte>();
        bool lastWasCr = false;
        try
        {
            while (true)
            {
                int count = _stream.Read(buffer, 0, buffer.Length);
                if (count <= 0)
                {
                    break;
                }

                for (int i = 0; i < count; i++)
                {
                    byte b = buffer[i];
                    if (b == (byte)'\n' && lastWasCr)
                    {
                        lastWasCr = false;
                        continue;
                    }

                    lastWasCr = b == (byte)'\r';
                    if (b is (byte)'\r' or (byte)'\n')
                    {
                        _lines.Add(Encoding.UTF8.GetString([.. line]));
                        line.Clear();
                    }
                    else
                    {
                        line.Add(b);
                    }
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException or OperationCanceledException)
        {
            // the port closed: the waits end with null
        }

        try
        {
            _lines.CompleteAdding();
        }
        catch (ObjectDisposedException)
        {
        }
    }
}
