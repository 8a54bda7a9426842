namespace Capteur.Node.Ports
{
    /// <summary>Facts about the machine the node runs on, for its info message and console.</summary>
    public interface ISystemStatus
    {
        /// <summary>Free managed memory in bytes (on a board, what <c>GC.Run(false)</c> reports).</summary>
        long FreeMemoryBytes { get; }
    }
}
