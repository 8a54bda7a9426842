namespace Capteur.Broker.Logging;

/// <summary>
/// The broker's log: one line per event on a text writer (stdout for `capteur broker`), prefixed with the UTC time.
/// Warnings are rate-limited (a flood of bad clients must not turn into a flood of disk writes): at most
/// <see cref="MaxWarningsPerSecond"/> a second, then one line saying how many were suppressed.
/// </summary>
public sealed class BrokerLog(TextWriter output)
{
    /// <summary>Warning lines written per second before suppression starts.</summary>
    public const int MaxWarningsPerSecond = 20;

    readonly Lock _lock = new();
    long _second;
    int _inSecond;
    int _suppressed;

    /// <summary>Writes an informational line (never suppressed).</summary>
    public void Info(string message) => Write(message);

    /// <summary>Writes a warning line (rate-limited).</summary>
    public void Warning(string message)
    {
        lock (_lock)
        {
            var second = Environment.TickCount64 / 1000;
            if (second != _second)
            {
                if (_suppressed > 0)
                {
                    WriteLocked($"warning: {_suppressed} more warnings suppressed in the last second");
                }

                _second = second;
                _inSecond = 0;
                _suppressed = 0;
            }

            if (++_inSecond > MaxWarningsPerSecond)
            {
                _suppressed++;
                return;
            }

            WriteLocked("warning: " + message);
        }
    }

    void Write(string message)
    {
        lock (_lock)
        {
            WriteLocked(message);
        }
    }

    void WriteLocked(string message)
    {
        output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {message}");
        output.Flush();
    }
}
