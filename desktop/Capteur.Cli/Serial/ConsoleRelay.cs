namespace Capteur.Cli.Serial;

/// <summary>
/// Relays bytes both ways between a terminal and a board's console, unchanged, until the exit key: Ctrl+] (0x1D), as
/// in telnet; it is not sent, and nor is anything typed after it. Each direction has a thread of its own (a blocked
/// read cannot be cancelled portably); they are background threads, left behind when the relay ends.
/// </summary>
public sealed class ConsoleRelay
{
    /// <summary>The exit key, Ctrl+].</summary>
    public const byte ExitKey = 0x1D;

    private readonly Stream _keyboard;
    private readonly Stream _screen;
    private readonly Stream _port;
    private readonly TaskCompletionSource<RelayEnd> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A relay from <paramref name="keyboard"/> to <paramref name="port"/> and from <paramref name="port"/> to <paramref name="screen"/>.</summary>
    public ConsoleRelay(Stream keyboard, Stream screen, Stream port)
    {
        _keyboard = keyboard;
        _screen = screen;
        _port = port;
    }

    /// <summary>Why the relay ended, once it did.</summary>
    public string? PortError { get; private set; }

    /// <summary>Relays until the exit key, the end of input, the port closing, or <paramref name="stop"/>.</summary>
    public async Task<RelayEnd> RunAsync(CancellationToken stop)
    {
        new Thread(KeyboardToPort) { IsBackground = true, Name = "keyboard to port" }.Start();
        new Thread(PortToScreen) { IsBackground = true, Name = "port to screen" }.Start();
        using (stop.Register(() => _ended.TrySetResult(RelayEnd.Cancelled)))
        {
            return await _ended.Task.ConfigureAwait(false);
        }
    }

    private void KeyboardToPort()
    {
        var buffer = new byte[256];
        try
        {
            while (!_ended.Task.IsCompleted)
            {
                int count = _keyboard.Read(buffer, 0, buffer.Length);
                if (count <= 0)
                {
                    _ended.TrySetResult(RelayEnd.InputEnded);
                    return;
                }

                int exitAt = Array.IndexOf(buffer, ExitKey, 0, count);
                int send = exitAt < 0 ? count : exitAt;
                if (send > 0)
                {
                    _port.Write(buffer, 0, send);
                    _port.Flush();
                }

                if (exitAt >= 0)
                {
                    _ended.TrySetResult(RelayEnd.ExitKey);
                    return;
                }
            }
        }
        catch (Exception e) when (e is IOException or TimeoutException or ObjectDisposedException or InvalidOperationException)
        {
            PortError ??= e.Message;
            _ended.TrySetResult(RelayEnd.PortClosed);
        }
    }

    private void PortToScreen()
    {
        var buffer = new byte[1024];
        try
        {
            while (!_ended.Task.IsCompleted)
            {
                int count = _port.Read(buffer, 0, buffer.Length);
                if (count <= 0)
                {
                    break;
                }

                _screen.Write(buffer, 0, count);
                _screen.Flush();
            }
        }
        catch (Exception e) when (e is IOException or TimeoutException or ObjectDisposedException or InvalidOperationException)
        {
            PortError ??= e.Message;
        }

        _ended.TrySetResult(RelayEnd.PortClosed);
    }
}
