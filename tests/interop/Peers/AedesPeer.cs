namespace Capteur.Interop.Tests.Peers;

/// <summary>Aedes (npm) with its default in-memory persistence, run by scripts/aedes-broker.js.</summary>
internal sealed class AedesPeer : NodeScriptPeer
{
    /// <summary>An Aedes not started yet.</summary>
    public AedesPeer()
        : base("aedes", "aedes-broker.js")
    {
    }

    /// <inheritdoc />
    public override string Name => "Aedes";
}
