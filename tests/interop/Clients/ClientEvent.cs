namespace Capteur.Interop.Tests.Clients;

/// <summary>One thing a client under test reported: a line of its output, parsed (see <see cref="ClientLine"/>).</summary>
internal abstract record ClientEvent;

/// <summary>CONNACK accepted; <paramref name="SessionPresent"/> is null when the client does not say.</summary>
internal sealed record Connected(bool? SessionPresent) : ClientEvent;

/// <summary>SUBACK: the granted QoS (or MQTT 5 reason code) per filter, in the order subscribed.</summary>
internal sealed record Subscribed(IReadOnlyList<int> Granted) : ClientEvent;

/// <summary>
/// A publish finished (acknowledged, or sent for QoS 0). <paramref name="Code"/> is the PUBACK/PUBCOMP reason code as
/// a number, <c>ok</c> when the client only says it succeeded (below 0x80), or <c>?</c> when the client does not say.
/// </summary>
internal sealed record Published(string Code) : ClientEvent;

/// <summary>An application message delivered to the client.</summary>
/// <param name="Topic">Topic name.</param>
/// <param name="Qos">QoS it was delivered with.</param>
/// <param name="Retain">Retain flag as delivered.</param>
/// <param name="ExpirySeconds">MQTT 5 message expiry interval as delivered, or null when absent.</param>
/// <param name="UserProperties">MQTT 5 user properties as <c>name:value</c>, comma separated (empty when none).</param>
/// <param name="Payload">Payload as UTF-8 text.</param>
internal sealed record Received(string Topic, int Qos, bool Retain, uint? ExpirySeconds, string UserProperties, string Payload) : ClientEvent
{
    /// <summary>Short form for failure messages: <c>topic=payload (qos 1, retain 0)</c>.</summary>
    public override string ToString() => $"{Topic}={Payload} (qos {Qos}, retain {(Retain ? 1 : 0)})";
}

/// <summary>The client sent DISCONNECT (a clean disconnect).</summary>
internal sealed record Disconnected : ClientEvent;

/// <summary>The client reported an error.</summary>
internal sealed record ClientError(string Text) : ClientEvent;
