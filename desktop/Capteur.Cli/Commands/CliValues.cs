using System.Globalization;

namespace Capteur.Cli.Commands;

/// <summary>Parsing of the values the commands take, with errors that say what was expected.</summary>
public static class CliValues
{
    /// <summary>Reads <c>HOST:PORT</c> or <c>HOST</c> (port 1883).</summary>
    public static (string Host, int Port) HostPort(string text, string option)
    {
        int colon = text.LastIndexOf(':');
        if (colon < 0)
        {
            return (text, 1883);
        }

        if (colon == 0 || !int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port is < 1 or > 65535)
        {
            throw new ArgumentException($"{option}: \"{text}\" is not HOST:PORT with a port 1..65535 (e.g. localhost:1883)");
        }

        return (text[..colon], port);
    }

    /// <summary>
    /// Reads a broker list: the values of a repeatable option, each one <c>HOST:PORT</c> or a comma list of them, in order.
    /// </summary>
    /// <exception cref="ArgumentException">An entry is not HOST:PORT; the message names it.</exception>
    public static IReadOnlyList<Capteur.Watch.BrokerAddress> Brokers(IEnumerable<string> values, string option)
        => [.. values
            .SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(entry => HostPort(entry, option))
            .Select(b => new Capteur.Watch.BrokerAddress(b.Host, b.Port))];

    /// <summary>Reads a duration with a unit (<c>100ms</c>, <c>2s</c>, <c>5m</c>, <c>1h</c>) as milliseconds.</summary>
    public static int DurationMs(string text, string option)
    {
        (string unit, int factor)[] units = [("ms", 1), ("s", 1000), ("m", 60_000), ("h", 3_600_000)];
        foreach ((string unit, int factor) in units)
        {
            if (text.EndsWith(unit, StringComparison.Ordinal)
                && long.TryParse(text[..^unit.Length], NumberStyles.None, CultureInfo.InvariantCulture, out long n)
                && n > 0 && n * factor <= int.MaxValue)
            {
                return (int)(n * factor);
            }
        }

        throw new ArgumentException($"{option}: \"{text}\" is not a duration (a whole number with ms, s, m or h, e.g. 100ms or 10s)");
    }

    /// <summary>Reads a span of time with a unit (<c>30s</c>, <c>15m</c>, <c>24h</c>, <c>7d</c>), e.g. a retention.</summary>
    public static TimeSpan Span(string text, string option)
        => TrySpan(text) ?? throw new ArgumentException($"{option}: \"{text}\" is not a duration (a whole number with s, m, h or d, e.g. 24h or 30d)");

    /// <summary>Reads how far back to go: a span back from <paramref name="now"/> (<c>24h</c>, <c>7d</c>) or a time (<c>2026-11-23T10:00:00Z</c>; UTC unless it says otherwise).</summary>
    public static DateTimeOffset Since(string text, string option, DateTimeOffset now)
    {
        if (TrySpan(text) is TimeSpan span)
        {
            return now - span;
        }

        if (text.Length >= 10 && char.IsAsciiDigit(text[0])
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset time))
        {
            return time;
        }

        throw new ArgumentException($"{option}: \"{text}\" is neither a duration back from now (a whole number with s, m, h or d, e.g. 24h or 7d) nor a time (e.g. 2026-11-23T10:00:00Z)");
    }

    /// <summary>Reads <c>KEY=VALUE</c> (the value may contain <c>=</c>).</summary>
    public static KeyValuePair<string, string> Setting(string text)
    {
        int equals = text.IndexOf('=');
        if (equals <= 0)
        {
            throw new ArgumentException($"--set: \"{text}\" is not KEY=VALUE (e.g. --set mqtt.port=1884)");
        }

        return new KeyValuePair<string, string>(text[..equals], text[(equals + 1)..]);
    }

    private static TimeSpan? TrySpan(string text)
    {
        (string unit, long seconds)[] units = [("s", 1), ("m", 60), ("h", 3600), ("d", 86_400)];
        foreach ((string unit, long seconds) in units)
        {
            if (text.EndsWith(unit, StringComparison.Ordinal)
                && long.TryParse(text[..^unit.Length], NumberStyles.None, CultureInfo.InvariantCulture, out long n)
                && n > 0 && n <= 100L * 365 * 86_400 / seconds)
            {
                return TimeSpan.FromSeconds(n * seconds);
            }
        }

        return null;
    }
}
