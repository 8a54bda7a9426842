using System.Globalization;

namespace Capteur.Interop.Tests.Clients;

/// <summary>
/// The columns of the clients table, written once for every client: each check drives instances of the same client
/// against the cell's broker and returns what it measured, or throws <see cref="CellFailedException"/> saying what was
/// expected and what came. No check sleeps to let something happen: it waits for the client's lines. Absence is shown
/// by ordering: a message that must not come would have been queued before a later one that does come.
/// </summary>
internal static class ClientChecks
{
    /// <summary>Messages per QoS run.</summary>
    public const int MessagesPerRun = 10;

    /// <summary>
    /// "QoS N": a second instance subscribed at QoS N receives the N-QoS messages of the first in order with QoS N
    /// (granted N); for QoS 1 and 2 a persistent session (clean session off) that was offline gets them on reconnect.
    /// </summary>
    public static async Task<string> QosAsync(CellContext cell, int qos)
    {
        string topic = cell.Topic($"qos{qos}");
        Subscription subscription = new(topic, qos);
        StartedClient live = await cell.StartAsync("live subscriber", new ClientSpec(cell.ClientId($"q{qos}-live"), [subscription]));
        ExpectGranted(live, qos);
        ClientSpec sessionSpec = new(cell.ClientId($"q{qos}-session"), [subscription], Persistent: true);
        if (qos > 0)
        {
            StartedClient session = await cell.StartAsync("persistent subscriber", sessionSpec);
            ExpectGranted(session, qos);
            await session.Client.DisconnectAsync();
        }

        string[] payloads = [.. Enumerable.Range(1, MessagesPerRun).Select(i => $"m{i}")];
        await cell.PublishAsync("publisher", new PublishSpec(cell.ClientId($"q{qos}-pub"), [.. payloads.Select(p => new OutgoingMessage(topic, p, qos))]));
        ExpectSequence(live, await live.WaitMessagesAsync(MessagesPerRun, $"{MessagesPerRun} messages"), topic, payloads, qos);
        string detail = $"{MessagesPerRun}/{MessagesPerRun} in order at QoS {qos} (granted {qos})";
        if (qos == 0)
        {
            return detail;
        }

        StartedClient resumed = await cell.StartAsync("persistent subscriber, reconnected", sessionSpec with { ResumeSession = true });
        if (resumed.Connected.SessionPresent == false)
        {
            throw new CellFailedException($"persistent subscriber reconnected with session present 0: the broker did not keep its session");
        }

        ExpectSequence(resumed, await resumed.WaitMessagesAsync(MessagesPerRun, $"the {MessagesPerRun} messages missed while offline"), topic, payloads, qos);
        return detail + $"; persistent session got the {MessagesPerRun} it missed, in order, on reconnect" +
            (resumed.Connected.SessionPresent is null ? "" : " (session present 1)");
    }

    /// <summary>
    /// "retained": a late subscriber gets the retained message with the retain flag; a live delivery has it cleared;
    /// an empty retained payload clears the topic for later subscribers.
    /// </summary>
    public static async Task<string> RetainedAsync(CellContext cell)
    {
        string status = cell.Topic("retained/status");
        string marker = cell.Topic("retained/marker");
        string end = cell.Topic("retained/end");
        Subscription all = new(cell.Topic("retained/#"), 1);

        await cell.PublishAsync("publisher of the retained message", new PublishSpec(cell.ClientId("ret-pub1"), [new OutgoingMessage(status, "online", 1, Retain: true)]));
        StartedClient late = await cell.StartAsync("late subscriber", new ClientSpec(cell.ClientId("ret-late"), [all]));
        Received retained = await late.WaitMessageAsync(m => m.Topic == status, "the retained message");
        if (retained.Payload != "online" || !retained.Retain)
        {
            throw new CellFailedException($"late subscriber got {retained}, expected {status}=online with retain 1");
        }

        await cell.PublishAsync("publisher of an update", new PublishSpec(cell.ClientId("ret-pub2"), [new OutgoingMessage(status, "updated", 1, Retain: true)]));
        Received update = await late.WaitMessageAsync(m => m.Payload == "updated", "the retained update, live");
        if (update.Retain)
        {
            throw new CellFailedException($"a retained message delivered live to an established subscription came with retain 1 ({update}); MQTT 3.1.1 [MQTT-3.3.1-9]: the server MUST send it with retain 0");
        }

        await cell.PublishAsync("publisher of the empty retained payload", new PublishSpec(cell.ClientId("ret-pub3"),
            [new OutgoingMessage(status, "", 1, Retain: true), new OutgoingMessage(marker, "here", 1, Retain: true)]));
        StartedClient later = await cell.StartAsync("subscriber after the clear", new ClientSpec(cell.ClientId("ret-later"), [all]));
        await later.WaitMessageAsync(m => m.Topic == marker && m.Retain, "the retained marker");
        // Retained messages are queued when the subscription is made: one published after it arrives comes after all of them.
        await cell.PublishAsync("publisher of the end message", new PublishSpec(cell.ClientId("ret-pub4"), [new OutgoingMessage(end, "end", 1)]));
        await later.WaitMessageAsync(m => m.Topic == end, "the end message");
        if (later.Messages.FirstOrDefault(m => m.Topic == status) is { } stale)
        {
            throw new CellFailedException($"after an empty retained payload on {status}, a new subscriber still got {stale}");
        }

        return "late subscriber got it with retain 1; live delivery had retain 0; an empty retained payload cleared it (a later subscriber got only the other retained topic)";
    }

    /// <summary>
    /// "will": the will of a client killed without DISCONNECT reaches a subscriber; a client that disconnects cleanly
    /// has no will published (it disconnected before the killed client connected, so its will would have come first).
    /// </summary>
    public static async Task<string> WillAsync(CellContext cell)
    {
        string cleanTopic = cell.Topic("will/clean");
        string killedTopic = cell.Topic("will/killed");
        StartedClient watcher = await cell.StartAsync("will subscriber", new ClientSpec(cell.ClientId("will-watcher"), [new Subscription(cell.Topic("will/#"), 1)]));

        StartedClient polite = await cell.StartAsync("client with a will that disconnects cleanly",
            new ClientSpec(cell.ClientId("will-clean"), [], Will: new Will(cleanTopic, "sent-after-a-clean-disconnect", 1)));
        await polite.Client.DisconnectAsync();
        StartedClient doomed = await cell.StartAsync("client with a will that is killed",
            new ClientSpec(cell.ClientId("will-killed"), [], Will: new Will(killedTopic, "gone", 1)));
        await doomed.Client.KillAsync();

        Received will = await watcher.WaitMessageAsync(m => m.Topic == killedTopic, "the will of the killed client");
        if (will.Payload != "gone" || will.Qos != 1)
        {
            throw new CellFailedException($"will subscriber got {will}, expected {killedTopic}=gone at QoS 1");
        }

        if (watcher.Messages.FirstOrDefault(m => m.Topic == cleanTopic) is { } wrong)
        {
            throw new CellFailedException($"the broker published the will of a client that sent DISCONNECT: {wrong}");
        }

        return "will published at QoS 1 when the client was killed without DISCONNECT; none after a clean DISCONNECT";
    }

    /// <summary>
    /// "wildcards": <c>maison/+/temperature</c>, <c>maison/salon/#</c> and <c>#</c> receive exactly the matching
    /// topics, and <c>#</c> no <c>$SYS</c> topic (the cell's broker publishes them every second).
    /// </summary>
    public static async Task<string> WildcardsAsync(CellContext cell)
    {
        StartedClient sys = await cell.StartAsync("$SYS subscriber", new ClientSpec(cell.ClientId("sys"), [new Subscription("$SYS/#", 0)]));
        Received sysMessage = await sys.WaitMessageAsync(m => m.Topic.StartsWith("$SYS/", StringComparison.Ordinal), "a $SYS message");
        await sys.Client.DisconnectAsync();

        (string Filter, string[] Expected)[] subscribers =
        [
            ("maison/+/temperature", ["w1", "w2"]),
            ("maison/salon/#", ["w1", "w3", "w4", "w5"]),
            ("#", ["w1", "w2", "w3", "w4", "w5", "w6", "w7"]),
        ];
        List<StartedClient> started = [];
        foreach ((string filter, _) in subscribers)
        {
            started.Add(await cell.StartAsync($"subscriber to {filter}", new ClientSpec(cell.ClientId($"wild{started.Count + 1}"), [new Subscription(filter, 1)])));
        }

        (string Topic, string Payload)[] sent =
        [
            ("maison/salon/temperature", "w1"),
            ("maison/cuisine/temperature", "w2"),
            ("maison/salon/door", "w3"),
            ("maison/salon/capteur/temperature", "w4"),
            ("maison/salon", "w5"),
            ("maison/temperature", "w6"),
            ("jardin/salon/temperature", "w7"),
            ("maison/salon/temperature", "end"),
        ];
        await cell.PublishAsync("publisher", new PublishSpec(cell.ClientId("wild-pub"), [.. sent.Select(s => new OutgoingMessage(s.Topic, s.Payload, 1))]));

        List<string> problems = [];
        for (int i = 0; i < subscribers.Length; i++)
        {
            await started[i].WaitMessageAsync(m => m.Payload == "end", "the end message");
            Received[] got = [.. started[i].Messages.TakeWhile(m => m.Payload != "end")];
            string[] payloads = [.. got.Where(m => !m.Topic.StartsWith('$')).Select(m => m.Payload).Order(StringComparer.Ordinal)];
            if (!payloads.SequenceEqual(subscribers[i].Expected))
            {
                problems.Add($"{subscribers[i].Filter} got [{string.Join(", ", got.Select(m => m.Topic))}], expected [{string.Join(", ", subscribers[i].Expected.Select(p => sent.First(s => s.Payload == p).Topic))}]");
            }

            if (got.FirstOrDefault(m => m.Topic.StartsWith('$')) is { } dollar)
            {
                problems.Add($"{subscribers[i].Filter} matched {dollar.Topic} (MQTT 3.1.1 §4.7.2: wildcards starting the filter do not match topics starting with $)");
            }
        }

        if (problems.Count > 0)
        {
            throw new CellFailedException(string.Join("; ", problems));
        }

        return $"maison/+/temperature, maison/salon/# (incl. the parent level maison/salon) and # matched exactly; # got no $SYS topic ({sysMessage.Topic} was published)";
    }

    /// <summary>
    /// "MQTT 5": connect with protocol 5; a user property and the message expiry are forwarded; a publish to a
    /// <c>$</c> topic is refused with reason code 0x87 and not delivered; a queued message whose expiry passed while
    /// its persistent subscriber was offline is dropped and the other one is forwarded with its remaining expiry.
    /// </summary>
    public static async Task<string> Mqtt5Async(CellContext cell)
    {
        string live = cell.Topic("v5/live");
        string queued = cell.Topic("v5/queued");
        string denied = $"$interop/{cell.Peer.Slug}/denied";
        List<string> held = [];
        List<string> problems = [];

        StartedClient watcher = await cell.StartAsync("MQTT 5 subscriber",
            new ClientSpec(cell.ClientId("v5-live"), [new Subscription(live, 1), new Subscription($"$interop/{cell.Peer.Slug}/#", 1)], Protocol: 5));
        ExpectGranted(watcher, 1);
        ClientSpec sessionSpec = new(cell.ClientId("v5-session"), [new Subscription(queued, 1)], Protocol: 5, Persistent: true);
        StartedClient session = await cell.StartAsync("MQTT 5 persistent subscriber", sessionSpec);
        ExpectGranted(session, 1);
        await session.Client.DisconnectAsync();

        IReadOnlyList<string> codes = await cell.PublishAsync("MQTT 5 publisher", new PublishSpec(cell.ClientId("v5-pub"),
        [
            new OutgoingMessage(denied, "must-not-arrive", 1),
            new OutgoingMessage(live, "with-properties", 1, UserProperty: ("origin", "interop"), ExpirySeconds: 3600),
            new OutgoingMessage(queued, "short-lived", 1, ExpirySeconds: 1),
            new OutgoingMessage(queued, "long-lived", 1, ExpirySeconds: 3600),
        ], Protocol: 5));
        DateTime queuedAt = DateTime.UtcNow;

        // The reason code of the refused publish.
        if (codes[0] == "135")
        {
            held.Add("publish to a $ topic refused with 0x87 Not authorized");
        }
        else if (codes[0] == "?" && cell.Peer.HiddenPubAckReasonCode is { } hidden)
        {
            held.Add($"publish to a $ topic: reason code not visible ({hidden})");
        }
        else
        {
            problems.Add($"publish to {denied}: reason code {codes[0]}, expected 135 (0x87 Not authorized)");
        }

        if (codes.Skip(1).FirstOrDefault(c => int.TryParse(c, CultureInfo.InvariantCulture, out int rc) && rc >= 0x80) is { } refused)
        {
            problems.Add($"a permitted publish was refused with reason code {refused}");
        }

        // Properties forwarded; the refused message (published first) never delivered.
        Received forwarded = await watcher.WaitMessageAsync(m => m.Topic == live, "the message with properties");
        if (forwarded.UserProperties != "origin:interop" || forwarded.ExpirySeconds is not (> 0 and <= 3600))
        {
            problems.Add($"message sent with user property origin:interop and expiry 3600 arrived with user property '{forwarded.UserProperties}' and expiry {forwarded.ExpirySeconds?.ToString(CultureInfo.InvariantCulture) ?? "none"}");
        }
        else
        {
            held.Add($"user property and message expiry forwarded ({forwarded.ExpirySeconds} s)");
        }

        if (watcher.Messages.FirstOrDefault(m => m.Topic == denied) is { } leaked)
        {
            problems.Add($"the refused publish was delivered anyway: {leaked}");
        }

        // Message expiry is about time passing, so this one wait is on the clock: 1 s expiry, and brokers count whole seconds.
        TimeSpan left = queuedAt + TimeSpan.FromSeconds(2.1) - DateTime.UtcNow;
        if (left > TimeSpan.Zero)
        {
            await Task.Delay(left);
        }

        StartedClient resumed = await cell.StartAsync("MQTT 5 persistent subscriber, reconnected", sessionSpec with { ResumeSession = true });
        Received longLived = await resumed.WaitMessageAsync(m => m.Payload == "long-lived", "the queued message with a 3600 s expiry");
        bool expiredDropped = !resumed.Messages.Any(m => m.Payload == "short-lived");
        if (!expiredDropped)
        {
            problems.Add("message expiry not enforced: a queued message 2 s past its 1 s expiry was delivered to the reconnecting session ([MQTT-3.3.2-5]: the server MUST delete it)");
        }

        if (longLived.ExpirySeconds is not < 3600)
        {
            problems.Add($"a message queued 2 s with expiry 3600 was forwarded with expiry {longLived.ExpirySeconds?.ToString(CultureInfo.InvariantCulture) ?? "none"} ([MQTT-3.3.2-6]: minus the time it waited)");
        }
        else if (expiredDropped)
        {
            held.Add($"expired queued message dropped, the other forwarded with its remaining expiry ({longLived.ExpirySeconds} s)");
        }

        if (problems.Count > 0)
        {
            throw new CellFailedException(string.Join("; ", problems) + (held.Count > 0 ? " (held: " + string.Join("; ", held) + ")" : ""));
        }

        return "MQTT 5 connect; " + string.Join("; ", held);
    }

    private static void ExpectGranted(StartedClient client, int qos)
    {
        if (client.Subscribed is not { } suback || suback.Granted.Any(g => g != qos))
        {
            throw new CellFailedException($"{client.Transcript.Label}: SUBACK granted [{string.Join(",", client.Subscribed?.Granted ?? [])}], expected QoS {qos}");
        }
    }

    private static void ExpectSequence(StartedClient client, Received[] got, string topic, string[] payloads, int qos)
    {
        bool inOrder = got.Select(m => m.Payload).SequenceEqual(payloads);
        if (!inOrder || got.Any(m => m.Topic != topic || m.Qos != qos || m.Retain))
        {
            throw new CellFailedException($"{client.Transcript.Label} got [{string.Join(", ", got.Select(m => $"{m.Payload} q{m.Qos}{(m.Retain ? " r" : "")}"))}], expected {payloads[0]}..{payloads[^1]} in order at QoS {qos} on {topic}");
        }
    }
}
