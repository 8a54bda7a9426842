namespace Capteur.Interop.Tests.Clients;

/// <summary>A client under test running as a child process; <paramref name="askToDisconnect"/> makes it send DISCONNECT and exit.</summary>
internal sealed class ProcessRunningClient(ClientProcess process, Action<ClientProcess> askToDisconnect) : IRunningClient
{
    /// <inheritdoc />
    public ClientTranscript Transcript => process.Transcript;

    /// <inheritdoc />
    public async Task DisconnectAsync()
    {
        askToDisconnect(process);
        await Transcript.WaitAsync<Disconnected>(_ => true, "clean DISCONNECT");
        int code = await process.WaitForExitAsync("after its DISCONNECT");
        if (code != 0)
        {
            throw new CellFailedException($"{Transcript.Label}: exited with code {code} after its DISCONNECT");
        }
    }

    /// <inheritdoc />
    public Task KillAsync() => process.Kill9Async();

    /// <inheritdoc />
    public ValueTask DisposeAsync() => process.DisposeAsync();
}
