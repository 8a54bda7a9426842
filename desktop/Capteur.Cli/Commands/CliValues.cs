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
}
