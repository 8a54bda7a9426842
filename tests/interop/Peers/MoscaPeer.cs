namespace Capteur.Interop.Tests.Peers;

/// <summary>
/// Mosca 2.8.3 (npm, unmaintained since 2018) with its in-memory backend and persistence, run by
/// scripts/mosca-broker.js. package.json pins its jsonschema to 1.2.7 (npm "overrides"): mosca asks for ^1.0.3, which
/// resolves to 1.5.0, where <c>new mosca.Server()</c> throws "SchemaError: Expected `schema` to be an object or boolean".
/// </summary>
internal sealed class MoscaPeer : NodeScriptPeer
{
    /// <summary>A Mosca not started yet.</summary>
    public MoscaPeer()
        : base("mosca", "mosca-broker.js")
    {
    }

    /// <inheritdoc />
    public override string Name => "Mosca";
}
