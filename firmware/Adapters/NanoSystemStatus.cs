using Capteur.Node.Ports;

namespace Capteur.Firmware.Adapters
{
    /// <summary><see cref="ISystemStatus"/> of the board, from nanoFramework.Runtime.Native.</summary>
    internal sealed class NanoSystemStatus : ISystemStatus
    {
        /// <summary>Runs a collection without compaction and reports the free managed heap.</summary>
        public long FreeMemoryBytes
        {
            get { return nanoFramework.Runtime.Native.GC.Run(false); }
        }
    }
}
