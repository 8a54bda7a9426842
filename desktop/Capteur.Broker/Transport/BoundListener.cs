using System.Net;

namespace Capteur.Broker.Transport;

/// <summary>A listener that is open: its kind and the address and port it actually bound (port 0 resolved).</summary>
/// <param name="Kind">What it speaks.</param>
/// <param name="EndPoint">Where it listens.</param>
public sealed record BoundListener(ListenerKind Kind, IPEndPoint EndPoint);
