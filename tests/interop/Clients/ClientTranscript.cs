namespace Capteur.Interop.Tests.Clients;

/// <summary>
/// Everything one client under test printed (or, for MQTTnet in-process, wrote), in arrival order, with the events the
/// lines report; waits for an event with a deadline and fails the cell with the output when it does not come.
/// </summary>
internal sealed class ClientTranscript(string label, Func<string, ClientEvent?> parse)
{
    /// <summary>How long a cell waits for any one event: every event comes within milliseconds when things work.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    private readonly List<string> _lines = [];
    private readonly List<ClientEvent> _events = [];
    private string? _ended;

    /// <summary>Who this is in the cell, e.g. <c>live subscriber</c>.</summary>
    public string Label { get; } = label;

    /// <summary>Lines so far.</summary>
    public string[] Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    /// <summary>Events so far.</summary>
    public ClientEvent[] Events
    {
        get
        {
            lock (_lines)
            {
                return [.. _events];
            }
        }
    }

    /// <summary>Messages delivered so far.</summary>
    public Received[] Messages => [.. Events.OfType<Received>()];

    /// <summary>Adds one output line.</summary>
    public void Add(string line)
    {
        ClientEvent? parsed = parse(line);
        lock (_lines)
        {
            _lines.Add(line);
            if (parsed is not null)
            {
                _events.Add(parsed);
            }
        }
    }

    /// <summary>Says the client is gone (process exited, or in-process client disposed): waits stop at once.</summary>
    public void End(string how)
    {
        lock (_lines)
        {
            if (_ended is null)
            {
                _ended = how;
                _lines.Add($"[{how}]");
            }
        }
    }

    /// <summary>The first event of type <typeparamref name="T"/> matching <paramref name="match"/>, waiting up to <see cref="Deadline"/>.</summary>
    public async Task<T> WaitAsync<T>(Func<T, bool> match, string what)
        where T : ClientEvent
    {
        DateTime deadline = DateTime.UtcNow + Deadline;
        while (true)
        {
            if (Events.OfType<T>().FirstOrDefault(match) is { } hit)
            {
                return hit;
            }

            if (Events.OfType<ClientError>().FirstOrDefault() is { } error)
            {
                throw new CellFailedException($"{Label}: error before {what}: {error.Text}");
            }

            string? ended;
            lock (_lines)
            {
                ended = _ended;
            }

            if (ended is not null || DateTime.UtcNow > deadline)
            {
                throw new CellFailedException($"{Label}: no {what} ({ended ?? $"waited {Deadline.TotalSeconds:F0} s"})");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Waits until <paramref name="count"/> messages have arrived and returns the first <paramref name="count"/>.</summary>
    public async Task<Received[]> WaitMessagesAsync(int count, string what)
    {
        await WaitAsync<Received>(_ => Messages.Length >= count, what);
        return Messages[..count];
    }

    /// <summary>The output for a failure message, last <paramref name="max"/> lines.</summary>
    public string Quote(int max = 40)
    {
        string[] lines = Lines;
        string cut = lines.Length > max ? $"  ... {lines.Length - max} earlier lines\n" : "";
        return $"--- {Label} ---\n{cut}" + string.Join("\n", lines.TakeLast(max).Select(l => "  " + l));
    }
}
