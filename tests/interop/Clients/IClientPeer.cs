namespace Capteur.Interop.Tests.Clients;

/// <summary>A client library or tool under test against `capteur broker`: a row of the clients table.</summary>
internal interface IClientPeer
{
    /// <summary>Short name used in topics and client ids, e.g. <c>paho</c>.</summary>
    string Slug { get; }

    /// <summary>The row: the client and its version as the client itself reports it.</summary>
    string Row { get; }

    /// <summary>Why this client cannot run on this machine (not installed, and how to install it), or null.</summary>
    string? Unavailable { get; }

    /// <summary>
    /// Why this client's API cannot show the reason code of a PUBACK (checked against the installed client), or null
    /// when it shows it.
    /// </summary>
    string? HiddenPubAckReasonCode { get; }

    /// <summary>The event one line of this client's output reports, or null.</summary>
    ClientEvent? ParseLine(string line);

    /// <summary>Starts a client that stays connected; its output goes to <paramref name="transcript"/>.</summary>
    Task<IRunningClient> StartAsync(ClientTranscript transcript, ClientSpec spec, int port);

    /// <summary>
    /// Runs a publisher to the end (clean DISCONNECT) and returns one <see cref="Published.Code"/> per message, in
    /// order; fails the cell when a message is not acknowledged or the client exits with an error.
    /// </summary>
    Task<IReadOnlyList<string>> PublishAsync(ClientTranscript transcript, PublishSpec spec, int port);
}
