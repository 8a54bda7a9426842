using System.Text.Json;

namespace Capteur.Interop.Tests.Clients;

/// <summary>
/// A client library driven through a small script in tests/interop/scripts/ (paho: paho_client.py, MQTT.js:
/// mqttjs_client.js): the scenario goes in as JSON on the command line, events come back as <see cref="ClientLine"/>s;
/// <c>disconnect</c> on stdin asks for a clean DISCONNECT.
/// </summary>
internal sealed class ScriptClientPeer(string slug, string row, string? unavailable, string? hiddenPubAckReasonCode, string interpreter, string script) : IClientPeer
{
    /// <inheritdoc />
    public string Slug => slug;

    /// <inheritdoc />
    public string Row => row;

    /// <inheritdoc />
    public string? Unavailable => unavailable;

    /// <inheritdoc />
    public string? HiddenPubAckReasonCode => hiddenPubAckReasonCode;

    /// <inheritdoc />
    public ClientEvent? ParseLine(string line) => ClientLine.Parse(line);

    /// <inheritdoc />
    public Task<IRunningClient> StartAsync(ClientTranscript transcript, ClientSpec spec, int port)
    {
        var scenario = new
        {
            host = "127.0.0.1",
            port,
            clientId = spec.ClientId,
            protocol = spec.Protocol,
            clean = !spec.Persistent,
            sessionExpiry = spec.Protocol == 5 && spec.Persistent ? ClientSpec.SessionExpirySeconds : 0,
            will = spec.Will is { } w ? new { topic = w.Topic, payload = w.Payload, qos = w.Qos, retain = false } : null,
            subscribe = spec.ResumeSession ? [] : spec.Subscriptions.Select(s => new { filter = s.Filter, qos = s.Qos }).ToArray(),
            then = "wait",
        };
        ClientProcess process = Run(transcript, scenario);
        return Task.FromResult<IRunningClient>(new ProcessRunningClient(process, p => p.WriteLine("disconnect")));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> PublishAsync(ClientTranscript transcript, PublishSpec spec, int port)
    {
        var scenario = new
        {
            host = "127.0.0.1",
            port,
            clientId = spec.ClientId,
            protocol = spec.Protocol,
            clean = true,
            publish = spec.Messages.Select(m => new
            {
                topic = m.Topic,
                payload = m.Payload,
                qos = m.Qos,
                retain = m.Retain,
                userProperty = m.UserProperty is { } u ? new[] { u.Name, u.Value } : null,
                messageExpiry = m.ExpirySeconds,
            }).ToArray(),
            then = "exit",
        };
        await using ClientProcess process = Run(transcript, scenario);
        int code = await process.WaitForExitAsync("publishing");
        string[] codes = [.. transcript.Events.OfType<Published>().Select(p => p.Code)];
        if (code != 0 || codes.Length != spec.Messages.Count)
        {
            throw new CellFailedException($"{transcript.Label}: exited with code {code} after {codes.Length} of {spec.Messages.Count} publishes");
        }

        return codes;
    }

    private ClientProcess Run(ClientTranscript transcript, object scenario) =>
        ClientProcess.Start(transcript, interpreter, [script, JsonSerializer.Serialize(scenario)], Path.GetDirectoryName(script));
}
