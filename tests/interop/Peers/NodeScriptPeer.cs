namespace Capteur.Interop.Tests.Peers;

/// <summary>
/// A broker from npm run by a small script of ours (<c>node scripts/SCRIPT PORT</c>, from tests/interop so that its
/// node_modules resolve), in-memory persistence, its temp folder as working directory.
/// </summary>
internal abstract class NodeScriptPeer : ProcessBrokerPeer
{
    private readonly string _package;
    private readonly string _script;
    private readonly Lazy<string> _version;

    /// <summary>A peer from npm package <paramref name="package"/> run by scripts/<paramref name="script"/>.</summary>
    protected NodeScriptPeer(string package, string script)
        : base(package)
    {
        _package = package;
        _script = script;
        _version = new Lazy<string>(() =>
        {
            string node = (InstalledVersion.Output("node", "--version") ?? "(no node)").Trim();
            return $"{InstalledVersion.Npm(package) ?? "(not installed)"} (npm, Node {node})";
        });
    }

    /// <inheritdoc />
    public override string Version => _version.Value;

    /// <inheritdoc />
    protected override string? Missing()
    {
        if (InstalledVersion.Output("node", "--version") is null)
        {
            return "node not found: apt-get install nodejs npm";
        }

        return InstalledVersion.Npm(_package) is null
            ? $"{Path.Combine(PeerPaths.InteropFolder(), "node_modules", _package)} not found: run `npm ci` in tests/interop (bash tests/interop/run does)"
            : null;
    }

    /// <inheritdoc />
    protected override (string File, IReadOnlyList<string> Args, IReadOnlyDictionary<string, string>? Environment) Prepare(int port) =>
        ("node", [Path.Combine(PeerPaths.InteropFolder(), "scripts", _script), port.ToString()], null);
}
