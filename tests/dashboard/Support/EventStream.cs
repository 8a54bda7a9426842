using System.Text;

namespace Capteur.Dashboard.Tests.Support;

/// <summary><c>/api/events</c> read as a browser's EventSource would: line by line, with a deadline on every wait.</summary>
internal sealed class EventStream : IDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;
    private readonly StringBuilder _seen = new();

    private EventStream(HttpResponseMessage response, StreamReader reader)
    {
        _response = response;
        _reader = reader;
    }

    /// <summary>The response's content type.</summary>
    public string? ContentType => _response.Content.Headers.ContentType?.ToString();

    /// <summary>Opens the stream and waits for its first frame (the browser is subscribed from then on).</summary>
    public static async Task<EventStream> OpenAsync(HttpClient http)
    {
        HttpResponseMessage response = await http.GetAsync("api/events", HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        var stream = new EventStream(response, new StreamReader(await response.Content.ReadAsStreamAsync(), Encoding.UTF8));
        await stream.NextLineAsync(l => l.StartsWith("retry:", StringComparison.Ordinal), "the retry line", TimeSpan.FromSeconds(10));
        return stream;
    }

    /// <summary>Reads lines until one matches; fails with everything read when <paramref name="timeout"/> passes or the stream ends.</summary>
    public async Task<string> NextLineAsync(Func<string, bool> match, string what, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            while (await _reader.ReadLineAsync(deadline.Token) is string line)
            {
                _seen.AppendLine(line);
                if (match(line))
                {
                    return line;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        Assert.Fail($"no {what} on /api/events within {timeout.TotalSeconds:F0} s; read:\n{_seen}");
        return "";
    }

    /// <summary>The data line of the next <c>event: NAME</c> whose data contains <paramref name="contains"/>.</summary>
    public async Task<string> NextEventAsync(string name, string contains, TimeSpan timeout)
    {
        DateTime deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            await NextLineAsync(l => l == "event: " + name, $"event {name} with {contains}", TimeSpan.FromMilliseconds(Math.Max(1, (deadline - DateTime.UtcNow).TotalMilliseconds)));
            string data = await NextLineAsync(l => l.StartsWith("data: ", StringComparison.Ordinal), "its data line", TimeSpan.FromSeconds(5));
            if (data.Contains(contains, StringComparison.Ordinal))
            {
                return data["data: ".Length..];
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _reader.Dispose();
        _response.Dispose();
    }
}
