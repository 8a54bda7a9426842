using Capteur.Node.Ports;

namespace Capteur.VirtualNode.Adapters;

/// <summary>
/// <see cref="ISerialLine"/> over a pair of streams: a serial device or pseudo-terminal opened as a file (the same
/// stream both ways), or the process's own terminal. <see cref="Read"/> blocks until bytes come (the console has a
/// thread of its own) and returns 0 once the line is closed.
/// </summary>
public sealed class StreamSerialLine : ISerialLine, IDisposable
{
    private readonly Stream _input;
    private readonly Stream _output;
    private readonly bool _ownsStreams;

    /// <summary>A line reading <paramref name="input"/> and writing <paramref name="output"/>.</summary>
    public StreamSerialLine(Stream input, Stream output, bool ownsStreams)
    {
        _input = input;
        _output = output;
        _ownsStreams = ownsStreams;
    }

    /// <summary>Opens a serial device or pty path (e.g. <c>/dev/pts/4</c>) for reading and writing.</summary>
    public static StreamSerialLine OpenDevice(string path)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite, bufferSize: 0);
        return new StreamSerialLine(stream, stream, ownsStreams: true);
    }

    /// <inheritdoc />
    public int Read(byte[] buffer, int offset, int count)
    {
        try
        {
            return _input.Read(buffer, offset, count);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            return 0;
        }
    }

    /// <inheritdoc />
    public void Write(byte[] buffer, int offset, int count)
    {
        try
        {
            lock (_output)
            {
                _output.Write(buffer, offset, count);
                _output.Flush();
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // the terminal went away: the node goes on without its console
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsStreams)
        {
            _input.Dispose();
            if (!ReferenceEquals(_input, _output))
            {
                _output.Dispose();
            }
        }
    }
}
