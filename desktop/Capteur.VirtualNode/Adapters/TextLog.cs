using Capteur.Node.Ports;

namespace Capteur.VirtualNode.Adapters;

/// <summary>Log lines to a text writer (standard error by default), each prefixed with the time and a name.</summary>
public sealed class TextLog : ILog
{
    private static readonly string[] LevelNames = ["debug", "info", "warn", "error"];
    private readonly TextWriter _writer;
    private readonly string _name;
    private readonly LogLevel _minimum;

    /// <summary>A log for node <paramref name="name"/> showing <paramref name="minimum"/> and above.</summary>
    public TextLog(TextWriter writer, string name, LogLevel minimum = LogLevel.Info)
    {
        _writer = writer;
        _name = name;
        _minimum = minimum;
    }

    /// <inheritdoc />
    public void Write(LogLevel level, string message)
    {
        if (level < _minimum)
        {
            return;
        }

        try
        {
            lock (_writer)
            {
                _writer.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {LevelNames[(int)level],-5} {_name}: {message}");
            }
        }
        catch (IOException)
        {
            // a closed terminal must not stop the node
        }
    }
}
