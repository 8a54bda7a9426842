namespace Capteur.Interop.Tests.Clients;

/// <summary>A started client under test; what it reports is in its <see cref="ClientTranscript"/>.</summary>
internal interface IRunningClient : IAsyncDisposable
{
    /// <summary>Its output and events.</summary>
    ClientTranscript Transcript { get; }

    /// <summary>A clean disconnect: the client sends DISCONNECT; returns once it has.</summary>
    Task DisconnectAsync();

    /// <summary>Gone without DISCONNECT: SIGKILL for a process, the socket dropped for an in-process client.</summary>
    Task KillAsync();
}
