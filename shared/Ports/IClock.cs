using System;

namespace Capteur.Node.Ports
{
    /// <summary>Time as the node sees it: a monotonic uptime and a wall clock that may not be set yet.</summary>
    public interface IClock
    {
        /// <summary>Milliseconds since boot; monotonic, never goes back, unaffected by SNTP.</summary>
        long UptimeMs { get; }

        /// <summary>Wall-clock time in UTC. On a board it reads 1970 until SNTP sets it.</summary>
        DateTime UtcNow { get; }
    }
}
