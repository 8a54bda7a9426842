namespace Capteur.Recorder;

/// <summary>A readings database that cannot be used; the message names the file and what to do.</summary>
public sealed class ReadingStoreException : Exception
{
    /// <summary>An error about <paramref name="path"/>.</summary>
    public ReadingStoreException(string path, string message, Exception? inner = null)
        : base(message, inner)
    {
        Path = path;
    }

    /// <summary>The database file concerned.</summary>
    public string Path { get; }
}
