using Capteur.Interop.Tests.Matrix;

namespace Capteur.Interop.Tests.Brokers;

/// <summary>How a cell ended: <see cref="CellOutcome.Pass"/> with what was measured, or <see cref="CellOutcome.NotSupported"/> with why.</summary>
internal sealed record CellResult(CellOutcome Outcome, string Detail)
{
    /// <summary>The check held; <paramref name="measured"/> says what was seen.</summary>
    public static CellResult Pass(string measured) => new(CellOutcome.Pass, measured);

    /// <summary>The peer cannot do it, as checked on the wire.</summary>
    public static CellResult NotSupported(PeerLimit limit) => new(CellOutcome.NotSupported, $"{limit.Why}: {limit.Observed}");
}
