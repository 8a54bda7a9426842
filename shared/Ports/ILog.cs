namespace Capteur.Node.Ports
{
    /// <summary>How much a log line matters.</summary>
    public enum LogLevel
    {
        /// <summary>Detail for diagnosis.</summary>
        Debug = 0,
        /// <summary>Normal life of the node.</summary>
        Info = 1,
        /// <summary>Something went wrong and was handled.</summary>
        Warning = 2,
        /// <summary>Something went wrong and was not handled.</summary>
        Error = 3,
    }

    /// <summary>Where the node's log lines go. Implementations never throw.</summary>
    public interface ILog
    {
        /// <summary>Writes one line. Never called with a secret in <paramref name="message"/>.</summary>
        void Write(LogLevel level, string message);
    }
}
