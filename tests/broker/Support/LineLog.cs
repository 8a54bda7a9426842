using System.Collections.Concurrent;
using System.Text;

namespace Capteur.Broker.Tests.Support;

/// <summary>A TextWriter that keeps every written line, for asserting on log lines.</summary>
internal sealed class LineLog : TextWriter
{
    readonly ConcurrentQueue<string> _lines = new();
    readonly StringBuilder _current = new();

    public override Encoding Encoding => Encoding.UTF8;

    public IReadOnlyList<string> Lines => _lines.ToArray();

    public override void Write(char value)
    {
        lock (_current)
        {
            if (value == '\n')
            {
                _lines.Enqueue(_current.ToString().TrimEnd('\r'));
                _current.Clear();
            }
            else
            {
                _current.Append(value);
            }
        }
    }

    public void Add(string line) => _lines.Enqueue(line);

    public bool Contains(string fragment) => _lines.Any(l => l.Contains(fragment, StringComparison.Ordinal));
}
