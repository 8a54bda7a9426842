using System.Collections;
using Capteur.Node.Ports;

namespace Capteur.Node.Tests.Support
{
    /// <summary>A log that keeps its lines, as <c>LEVEL message</c>, for assertions.</summary>
    public sealed class MemoryLog : ILog
    {
        /// <summary>Every line written, oldest first.</summary>
        public readonly ArrayList Lines = new ArrayList();

        /// <inheritdoc />
        public void Write(LogLevel level, string message)
        {
            string name = level == LogLevel.Error ? "ERROR" : level == LogLevel.Warning ? "WARN" : level == LogLevel.Info ? "INFO" : "DEBUG";
            Lines.Add(name + " " + message);
        }

        /// <summary>The one line that contains <paramref name="text"/>, or null.</summary>
        public string Find(string text)
        {
            foreach (string line in Lines)
            {
                if (line.IndexOf(text) >= 0)
                {
                    return line;
                }
            }

            return null;
        }
    }
}
