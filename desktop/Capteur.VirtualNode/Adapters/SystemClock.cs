using System.Diagnostics;
using Capteur.Node.Ports;

namespace Capteur.VirtualNode.Adapters;

/// <summary>The machine's clocks: a monotonic stopwatch since the node started, and UTC wall time (always set).</summary>
public sealed class SystemClock : IClock
{
    private readonly Stopwatch _uptime = Stopwatch.StartNew();

    /// <inheritdoc />
    public long UptimeMs => _uptime.ElapsedMilliseconds;

    /// <inheritdoc />
    public DateTime UtcNow => DateTime.UtcNow;
}
