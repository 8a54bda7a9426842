using System.Globalization;
using System.Text.RegularExpressions;
using Capteur.Interop.Tests.Peers;

namespace Capteur.Interop.Tests.Clients;

/// <summary>
/// Debian's mosquitto_sub / mosquitto_pub (package mosquitto-clients) invoked directly: mosquitto_sub with <c>-d</c>
/// (its debug lines say CONNACK, SUBACK, PUBACK and DISCONNECT) and <c>-F</c> (messages as <see cref="ClientLine"/>s),
/// under <c>stdbuf -oL</c> because it buffers its debug lines when stdout is a pipe; SIGINT makes it send DISCONNECT.
/// mosquitto_pub publishes a run of messages to one topic with <c>-l</c> (one line of stdin per message), a single
/// message with <c>-m</c>, a zero-byte payload with <c>-n</c>.
/// </summary>
internal sealed partial class MosquittoClientsPeer : IClientPeer
{
    private const string Pub = "/usr/bin/mosquitto_pub";
    private const string Sub = "/usr/bin/mosquitto_sub";

    private MosquittoClientsPeer(string row, string? unavailable)
    {
        Row = row;
        Unavailable = unavailable;
    }

    /// <inheritdoc />
    public string Slug => "mosquitto";

    /// <inheritdoc />
    public string Row { get; }

    /// <inheritdoc />
    public string? Unavailable { get; }

    /// <inheritdoc />
    public string? HiddenPubAckReasonCode => null;

    /// <summary>The installed mosquitto clients, version from <c>mosquitto_pub --help</c>.</summary>
    public static MosquittoClientsPeer Detect()
    {
        string? help = File.Exists(Pub) && File.Exists(Sub) ? InstalledVersion.Output(Pub, "--help") : null;
        Match version = VersionLine().Match(help ?? "");
        return version.Success
            ? new MosquittoClientsPeer($"mosquitto_pub/mosquitto_sub {version.Groups[1].Value} (libmosquitto {version.Groups[2].Value})", null)
            : new MosquittoClientsPeer("mosquitto_pub/mosquitto_sub (not installed)",
                $"{Pub} / {Sub} not found or no version in `mosquitto_pub --help`: apt-get install -y mosquitto-clients");
    }

    /// <inheritdoc />
    public Task<IRunningClient> StartAsync(ClientTranscript transcript, ClientSpec spec, int port)
    {
        List<string> args = ["-oL", Sub, .. Common(spec.ClientId, spec.Protocol, port), "-F", ClientLine.MosquittoFormat];
        if (spec.Persistent)
        {
            args.Add("-c");
            if (spec.Protocol == 5)
            {
                args.AddRange(["-x", ClientSpec.SessionExpirySeconds.ToString(CultureInfo.InvariantCulture)]);
            }
        }

        if (spec.Will is { } will)
        {
            args.AddRange(["--will-topic", will.Topic, "--will-payload", will.Payload, "--will-qos", will.Qos.ToString(CultureInfo.InvariantCulture)]);
        }

        // mosquitto_sub always subscribes (one -q for every -t); a client that only needs a connection subscribes to a topic of its own.
        IReadOnlyList<Subscription> subscriptions = spec.Subscriptions.Count > 0 ? spec.Subscriptions : [new($"interop/mosquitto/idle/{spec.ClientId}", 0)];
        if (subscriptions.Select(s => s.Qos).Distinct().Count() > 1)
        {
            throw new ArgumentException("mosquitto_sub takes one QoS for all its filters", nameof(spec));
        }

        foreach (Subscription subscription in subscriptions)
        {
            args.AddRange(["-t", subscription.Filter]);
        }

        args.AddRange(["-q", subscriptions[0].Qos.ToString(CultureInfo.InvariantCulture)]);
        ClientProcess process = ClientProcess.Start(transcript, "stdbuf", args);
        return Task.FromResult<IRunningClient>(new ProcessRunningClient(process, p => p.Signal("INT")));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> PublishAsync(ClientTranscript transcript, PublishSpec spec, int port)
    {
        List<string> codes = [];
        int run = 0;
        for (int i = 0; i < spec.Messages.Count;)
        {
            OutgoingMessage first = spec.Messages[i];
            int count = 1;
            while (i + count < spec.Messages.Count && first.Payload.Length > 0 && SameExceptPayload(first, spec.Messages[i + count]) && spec.Messages[i + count].Payload.Length > 0)
            {
                count++;
            }

            run++;
            List<string> args = [.. Common($"{spec.ClientId}-{run}", spec.Protocol, port), "-q", first.Qos.ToString(CultureInfo.InvariantCulture), "-t", first.Topic];
            if (first.Retain)
            {
                args.Add("-r");
            }

            if (first.UserProperty is { } property)
            {
                args.AddRange(["-D", "publish", "user-property", property.Name, property.Value]);
            }

            if (first.ExpirySeconds is { } expiry)
            {
                args.AddRange(["-D", "publish", "message-expiry-interval", expiry.ToString(CultureInfo.InvariantCulture)]);
            }

            args.AddRange(count > 1 ? ["-l"] : first.Payload.Length == 0 ? ["-n"] : ["-m", first.Payload]);
            int acknowledgedBefore = transcript.Events.OfType<Published>().Count();
            await using (ClientProcess process = ClientProcess.Start(transcript, Pub, args))
            {
                if (count > 1)
                {
                    foreach (OutgoingMessage message in spec.Messages.Skip(i).Take(count))
                    {
                        process.WriteLine(message.Payload);
                    }
                }

                process.CloseInput();
                int exit = await process.WaitForExitAsync("publishing");
                string[] acknowledged = [.. transcript.Events.OfType<Published>().Skip(acknowledgedBefore).Select(p => p.Code)];
                if (exit != 0 || (first.Qos > 0 && acknowledged.Length != count))
                {
                    throw new CellFailedException($"{transcript.Label}: mosquitto_pub exited with code {exit} after {acknowledged.Length} of {count} acknowledgements");
                }

                codes.AddRange(first.Qos > 0 ? acknowledged : Enumerable.Repeat("?", count));
            }

            i += count;
        }

        return codes;
    }

    /// <summary>mosquitto_sub/_pub debug lines as events (messages come as <see cref="ClientLine"/>s through <c>-F</c>).</summary>
    public ClientEvent? ParseLine(string line)
    {
        if (Connack().Match(line) is { Success: true } connack)
        {
            return connack.Groups[1].Value == "0" ? new Connected(null) : new ClientError($"CONNACK refused ({connack.Groups[1].Value})");
        }

        if (Suback().Match(line) is { Success: true } suback)
        {
            return new Subscribed([.. suback.Groups[1].Value.Split(',').Select(g => int.Parse(g.Trim(), CultureInfo.InvariantCulture))]);
        }

        if (Ack().Match(line) is { Success: true } ack && (ack.Groups[1].Value != "PUBREC" || int.Parse(ack.Groups[2].Value, CultureInfo.InvariantCulture) >= 0x80))
        {
            return new Published(ack.Groups[2].Value);
        }

        if (SendingDisconnect().IsMatch(line))
        {
            return new Disconnected();
        }

        if (line.StartsWith("Error", StringComparison.Ordinal) || line.StartsWith("Connection error", StringComparison.Ordinal))
        {
            return new ClientError(line);
        }

        return ClientLine.Parse(line) is Received received ? received : null;
    }

    private static string[] Common(string clientId, int protocol, int port) =>
        ["-h", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), "-V", protocol == 5 ? "mqttv5" : "mqttv311", "-i", clientId, "-k", "30", "-d"];

    private static bool SameExceptPayload(OutgoingMessage a, OutgoingMessage b) => a with { Payload = "" } == b with { Payload = "" };

    [GeneratedRegex(@"version (\S+) running on libmosquitto (\S+?)\.?$", RegexOptions.Multiline)]
    private static partial Regex VersionLine();

    [GeneratedRegex(@"^Client \S+ received CONNACK \((\d+)\)$")]
    private static partial Regex Connack();

    [GeneratedRegex(@"^Subscribed \(mid: \d+\): ([\d, ]+)$")]
    private static partial Regex Suback();

    [GeneratedRegex(@"^Client \S+ received (PUBACK|PUBCOMP|PUBREC) \(Mid: \d+, RC:(\d+)\)$")]
    private static partial Regex Ack();

    [GeneratedRegex(@"^Client \S+ sending DISCONNECT$")]
    private static partial Regex SendingDisconnect();
}
