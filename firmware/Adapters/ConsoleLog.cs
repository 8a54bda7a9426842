using System;
using Capteur.Node.Ports;

namespace Capteur.Firmware.Adapters
{
    /// <summary>
    /// <see cref="ILog"/> on <see cref="Console"/> (the device's standard output, shown in the IDE's output window and
    /// by nanoff's serial monitor). Never throws: a log line must not stop the node.
    /// </summary>
    internal sealed class ConsoleLog : ILog
    {
        /// <summary>Lines below this level are dropped.</summary>
        public LogLevel MinimumLevel = LogLevel.Info;

        /// <inheritdoc />
        public void Write(LogLevel level, string message)
        {
            if (level < MinimumLevel)
            {
                return;
            }

            try
            {
                Console.WriteLine(LevelTag(level) + message);
            }
            catch (Exception)
            {
                // Nowhere left to report it.
            }
        }

        // Enum.ToString() prints the number on nanoFramework, hence the table.
        private static string LevelTag(LogLevel level)
        {
            switch (level)
            {
                case LogLevel.Debug: return "[dbg] ";
                case LogLevel.Info: return "[inf] ";
                case LogLevel.Warning: return "[wrn] ";
                default: return "[err] ";
            }
        }
    }
}
