namespace Capteur.Interop.Tests.Brokers;

/// <summary>
/// Something a peer does not support, as the test must see it: <paramref name="Why"/> (the documented limit) and
/// <paramref name="Observed"/> (exactly what the probe reports from the wire when the peer refuses or downgrades).
/// </summary>
internal sealed record PeerLimit(string Why, string Observed);
