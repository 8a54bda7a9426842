namespace Capteur.Interop.Tests.Matrix;

/// <summary>How one cell of the interop matrix ended.</summary>
public enum CellOutcome
{
    /// <summary>The check held.</summary>
    Pass,

    /// <summary>The check did not hold (the test fails too).</summary>
    Fail,

    /// <summary>
    /// The peer cannot do this (e.g. a broker without MQTT 5); the detail says exactly why, and the test has checked
    /// that claim against the peer (the refusal it answers with), so it is never a silent skip.
    /// </summary>
    NotSupported,
}
