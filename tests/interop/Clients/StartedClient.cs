namespace Capteur.Interop.Tests.Clients;

/// <summary>A client under test that has connected (and subscribed, unless it resumed a session).</summary>
/// <param name="Client">The running client.</param>
/// <param name="Connected">Its CONNACK.</param>
/// <param name="Subscribed">Its SUBACK, or null when it did not subscribe.</param>
internal sealed record StartedClient(IRunningClient Client, Connected Connected, Subscribed? Subscribed)
{
    /// <summary>Its output and events.</summary>
    public ClientTranscript Transcript => Client.Transcript;

    /// <summary>Messages delivered so far.</summary>
    public Received[] Messages => Transcript.Messages;

    /// <summary>The first message matching <paramref name="match"/>, waiting for it.</summary>
    public Task<Received> WaitMessageAsync(Func<Received, bool> match, string what) => Transcript.WaitAsync(match, what);

    /// <summary>The first <paramref name="count"/> messages, waiting for them.</summary>
    public Task<Received[]> WaitMessagesAsync(int count, string what) => Transcript.WaitMessagesAsync(count, what);
}
