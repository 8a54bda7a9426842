using System.Globalization;

namespace Capteur.Dashboard;

/// <summary>The parameters of <c>GET /api/history</c>, read with errors that name the parameter, the value and what is allowed.</summary>
/// <param name="Node">The node's base topic.</param>
/// <param name="Sensor">The sensor.</param>
/// <param name="Since">Start of the window.</param>
/// <param name="Limit">Most points returned.</param>
internal sealed record HistoryRequest(string Node, string Sensor, DateTimeOffset Since, int Limit)
{
    /// <summary>Longest window: the recorder's default retention.</summary>
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(30);

    /// <summary>Reads <c>series=NODE/SENSOR</c>, <c>since=</c> a duration back from now (<c>90s</c>, <c>15m</c>, <c>24h</c>, <c>7d</c>; default 24h) or an ISO 8601 time, <c>limit=</c> 1..max.</summary>
    /// <exception cref="ArgumentException">With the message to send back.</exception>
    public static HistoryRequest Parse(string? series, string? since, string? limit, DateTimeOffset now, int maxLimit)
    {
        if (string.IsNullOrEmpty(series))
        {
            throw new ArgumentException("series: missing; give NODE/SENSOR, e.g. /api/history?series=maison/salon/temperature");
        }

        int slash = series.LastIndexOf('/');
        if (slash <= 0 || slash == series.Length - 1 || series.Contains('+') || series.Contains('#'))
        {
            throw new ArgumentException($"series: \"{series}\" is not NODE/SENSOR (a topic without wildcards, e.g. maison/salon/temperature)");
        }

        DateTimeOffset from = now - TimeSpan.FromHours(24);
        if (!string.IsNullOrEmpty(since))
        {
            from = Window(since, now);
        }

        int count = maxLimit;
        if (!string.IsNullOrEmpty(limit) && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count < 1 || count > maxLimit))
        {
            throw new ArgumentException($"limit: \"{limit}\" is out of range (1..{maxLimit})");
        }

        return new HistoryRequest(series[..slash], series[(slash + 1)..], from, count);
    }

    private static DateTimeOffset Window(string since, DateTimeOffset now)
    {
        (string unit, long seconds)[] units = [("s", 1), ("m", 60), ("h", 3600), ("d", 86_400)];
        foreach ((string unit, long seconds) in units)
        {
            if (since.EndsWith(unit, StringComparison.Ordinal)
                && long.TryParse(since[..^unit.Length], NumberStyles.None, CultureInfo.InvariantCulture, out long n) && n > 0)
            {
                if (n > MaxWindow.TotalSeconds / seconds)
                {
                    throw new ArgumentException($"since: \"{since}\" is longer than {MaxWindow.TotalDays:F0} days (the recorder's default retention)");
                }

                return now - TimeSpan.FromSeconds(n * seconds);
            }
        }

        if (DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset time) && since.Contains('T'))
        {
            return time;
        }

        throw new ArgumentException($"since: \"{since}\" is neither a duration back from now (a whole number with s, m, h or d, e.g. 15m or 24h) nor an ISO 8601 time (e.g. 2026-11-23T10:00:00Z)");
    }
}
