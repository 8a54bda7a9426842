using Capteur.Node.Ports;

namespace Capteur.VirtualNode.Adapters;

/// <summary>The process's managed heap as the node's "free memory": what the GC could still hand out.</summary>
public sealed class ProcessStatus : ISystemStatus
{
    /// <inheritdoc />
    public long FreeMemoryBytes
    {
        get
        {
            GCMemoryInfo info = GC.GetGCMemoryInfo();
            return Math.Max(0, info.TotalAvailableMemoryBytes - GC.GetTotalMemory(false));
        }
    }
}
