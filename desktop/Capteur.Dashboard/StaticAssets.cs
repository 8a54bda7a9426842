using System.Reflection;
using System.Security.Cryptography;

namespace Capteur.Dashboard;

/// <summary>The page's files, read once from the assembly's resources (<c>wwwroot/...</c>): nothing on disk is needed.</summary>
internal sealed class StaticAssets
{
    private const string Prefix = "wwwroot/";
    private readonly Dictionary<string, Asset> _assets = new(StringComparer.Ordinal);

    private StaticAssets()
    {
    }

    /// <summary>The files embedded in this assembly, by URL path (<c>/app.js</c>).</summary>
    public static StaticAssets Load()
    {
        var assets = new StaticAssets();
        Assembly assembly = typeof(StaticAssets).Assembly;
        foreach (string name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using Stream stream = assembly.GetManifestResourceStream(name)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            byte[] bytes = copy.ToArray();
            string etag = "\"" + Convert.ToHexString(SHA256.HashData(bytes), 0, 8) + "\"";
            assets._assets["/" + name[Prefix.Length..].Replace('\\', '/')] = new Asset(bytes, ContentType(name), etag);
        }

        return assets;
    }

    /// <summary>The URL paths served.</summary>
    public IEnumerable<string> Paths => _assets.Keys;

    /// <summary>The file at <paramref name="path"/>, or null.</summary>
    public Asset? Find(string path) => _assets.GetValueOrDefault(path);

    private static string ContentType(string name) => Path.GetExtension(name) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".json" or ".webmanifest" => "application/manifest+json",
        _ => "application/octet-stream",
    };

    /// <summary>One file: its bytes, content type and entity tag.</summary>
    internal sealed record Asset(byte[] Bytes, string ContentType, string ETag);
}
