using Capteur.Node.Ports;

namespace Capteur.VirtualNode.Adapters;

/// <summary>
/// <see cref="IStorage"/> as files in a data folder. Every write and append is flushed to the disk
/// (<c>fsync</c>) before it returns, so a killed process or a power cut keeps what the call wrote.
/// </summary>
public sealed class FolderStorage : IStorage
{
    private readonly string _folder;

    /// <summary>Files in <paramref name="folder"/>, created if missing.</summary>
    public FolderStorage(string folder)
    {
        _folder = Path.GetFullPath(folder);
        Directory.CreateDirectory(_folder);
    }

    /// <summary>The folder's full path.</summary>
    public string Folder => _folder;

    /// <inheritdoc />
    public byte[]? Read(string name)
    {
        string path = PathOf(name);
        return File.Exists(path) ? File.ReadAllBytes(path) : null;
    }

    /// <inheritdoc />
    public void Write(string name, byte[] data)
    {
        using var file = new FileStream(PathOf(name), FileMode.Create, FileAccess.Write, FileShare.Read);
        file.Write(data, 0, data.Length);
        file.Flush(flushToDisk: true);
    }

    /// <inheritdoc />
    public void Append(string name, byte[] data, int offset, int count)
    {
        using var file = new FileStream(PathOf(name), FileMode.Append, FileAccess.Write, FileShare.Read);
        file.Write(data, offset, count);
        file.Flush(flushToDisk: true);
    }

    /// <inheritdoc />
    public bool Exists(string name) => File.Exists(PathOf(name));

    /// <inheritdoc />
    public void Delete(string name) => File.Delete(PathOf(name));

    /// <inheritdoc />
    public void Move(string from, string to) => File.Move(PathOf(from), PathOf(to), overwrite: false);

    private string PathOf(string name)
    {
        if (name.Length == 0 || name.IndexOfAny(['/', '\\']) >= 0 || name is "." or "..")
        {
            throw new ArgumentException($"storage names are plain file names, not paths: '{name}'", nameof(name));
        }

        return Path.Combine(_folder, name);
    }
}
