using System.Net.Http.Json;
using System.Text.Json;
using Capteur.Recorder;

namespace Capteur.Dashboard.Tests.Support;

/// <summary>A dashboard on a free loopback port watching its own topic prefix on a shared broker, with an HTTP client.</summary>
internal sealed class DashboardFixture : IAsyncDisposable
{
    private DashboardFixture(DashboardHost host, string prefix)
    {
        Host = host;
        Prefix = prefix;
        Http = new HttpClient { BaseAddress = host.Url, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>The dashboard.</summary>
    public DashboardHost Host { get; }

    /// <summary>The first topic level this dashboard watches (unique per test).</summary>
    public string Prefix { get; }

    /// <summary>A client whose base address is the dashboard's URL.</summary>
    public HttpClient Http { get; }

    /// <summary>Starts a dashboard watching <c>PREFIX/#</c> on the broker at 127.0.0.1:<paramref name="brokerPort"/>.</summary>
    public static async Task<DashboardFixture> StartAsync(int brokerPort, ReadingStore? store = null, Action<DashboardOptions>? configure = null)
    {
        string prefix = "t" + Guid.NewGuid().ToString("N")[..8];
        var options = new DashboardOptions { Port = 0, BrokerPort = brokerPort, TopicFilter = prefix + "/#", Store = store };
        configure?.Invoke(options);
        return new DashboardFixture(await DashboardHost.StartAsync(options, CancellationToken.None), prefix);
    }

    /// <summary>GET <paramref name="path"/> as JSON.</summary>
    public async Task<JsonElement> GetJsonAsync(string path) => await Http.GetFromJsonAsync<JsonElement>(path);

    /// <summary>Polls <c>/api/fleet</c> until <paramref name="done"/> holds for it; fails with the last answer after 15 s.</summary>
    public async Task<JsonElement> WaitForFleetAsync(Func<JsonElement, bool> done, string what)
    {
        DateTime deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            JsonElement fleet = await GetJsonAsync("api/fleet");
            if (done(fleet))
            {
                return fleet;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"/api/fleet never showed {what}; last answer: {fleet}");
            }

            await Task.Delay(50);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
    }
}
