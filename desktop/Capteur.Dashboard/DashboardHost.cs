using System.Net;
using System.Text;
using Capteur.Recorder;
using Capteur.Watch;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Capteur.Dashboard;

/// <summary>
/// The web dashboard: a page (fleet table, a live chart per sensor) and its read-only JSON API, served by Kestrel
/// inside the broker or demo process. It watches the broker with its own subscription (a <see cref="WatchClient"/>
/// feeding a <see cref="FleetView"/>) and takes the charts' history from the recorder's store when there is one.
/// </summary>
public sealed class DashboardHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly WatchClient _watch;
    private readonly EventHub _events;
    private readonly CancellationTokenSource _stopping = new();

    private DashboardHost(WebApplication app, WatchClient watch, EventHub events)
    {
        _app = app;
        _watch = watch;
        _events = events;
    }

    /// <summary>
    /// The page's address: <c>http://BIND:PORT/</c> with the real port (also when 0 was asked); on 0.0.0.0 or [::]
    /// (every interface) it names 127.0.0.1, which works from this machine; other devices use this machine's address.
    /// </summary>
    public Uri Url { get; private set; } = new("http://127.0.0.1/");

    /// <summary>True when the dashboard listens on every interface (other devices on the network can read it).</summary>
    public bool ListensOnEveryInterface { get; private set; }

    /// <summary>True when every request needs a login (<see cref="DashboardOptions.Authorize"/>).</summary>
    public bool RequiresLogin { get; private set; }

    /// <summary>Browsers connected to the event stream now.</summary>
    public int Browsers => _events.Count;

    /// <summary>Browsers cut off for falling too far behind, since start (they reconnect by themselves).</summary>
    public long SlowDisconnects => _events.SlowDisconnects;

    /// <summary>Listens, subscribes to the broker (waiting up to 10 s for it), and serves until disposed.</summary>
    /// <exception cref="ArgumentException">An option is out of range; the message names it.</exception>
    /// <exception cref="DashboardBindException">The address cannot be listened on (e.g. the port is taken).</exception>
    /// <exception cref="TimeoutException">No broker answered.</exception>
    public static async Task<DashboardHost> StartAsync(DashboardOptions options, CancellationToken cancellationToken)
    {
        IPAddress bind = ParseBind(options.Bind);
        if (TopicFilter.Check(options.TopicFilter) is string badFilter)
        {
            throw new ArgumentException($"dashboard topic filter: {badFilter}");
        }

        if (options.Port is < 0 or > 65535)
        {
            throw new ArgumentException($"dashboard port: {options.Port} is out of range (0..65535; 0 = a free port)");
        }

        var events = new EventHub(options.EventQueueCapacity);
        var fleet = new LiveFleet(events, options.TimeProvider);
        StaticAssets assets = StaticAssets.Load();

        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(DashboardHost).Assembly.GetName().Name });
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        builder.WebHost.UseKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Listen(bind, options.Port);
        });
        WebApplication app = builder.Build();

        var watch = new WatchClient(options.BrokerHost, options.BrokerPort, options.TopicFilter, session: null) { Login = options.Login };
        watch.MessageReceived += fleet.OnMessage;
        var host = new DashboardHost(app, watch, events);
        host.Map(app, options, fleet, assets);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException e)
        {
            await app.DisposeAsync();
            throw new DashboardBindException(
                $"cannot listen on {Endpoint(bind, options.Port)}: {Reason(e)} (pick another port, or 0 for a free one)", e);
        }

        int port = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
        bool any = bind.Equals(IPAddress.Any) || bind.Equals(IPAddress.IPv6Any);
        host.Url = new Uri($"http://{Endpoint(any ? IPAddress.Loopback : bind, port)}/");
        host.ListensOnEveryInterface = any;
        host.RequiresLogin = options.Authorize is not null;
        try
        {
            await watch.StartAsync(TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
            await host.DisposeAsync();
            throw;
        }

        return host;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _stopping.Cancel(); // event streams end now rather than holding the shutdown for its whole timeout
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _watch.DisposeAsync();
    }

    private void Map(WebApplication app, DashboardOptions options, LiveFleet fleet, StaticAssets assets)
    {
        app.Use(async (context, next) =>
        {
            if (!HostIsAllowed(context.Request.Host.Host))
            {
                // a page on another site that points its own name at 127.0.0.1 (DNS rebinding) must not read the fleet
                context.Response.StatusCode = StatusCodes.Status421MisdirectedRequest;
                await context.Response.WriteAsync("dashboard: open it by IP address, localhost or this machine's name\n");
                return;
            }

            IHeaderDictionary headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'";
            headers["Referrer-Policy"] = "no-referrer";
            if (options.Authorize is { } authorize && !await IsAuthorizedAsync(context, authorize))
            {
                return;
            }

            await next(context);
        });

        app.MapGet("/", (HttpContext context) => Serve(context, assets.Find("/index.html")!));
        foreach (string path in assets.Paths.Where(p => p != "/index.html"))
        {
            StaticAssets.Asset asset = assets.Find(path)!;
            app.MapGet(path, (HttpContext context) => Serve(context, asset));
        }

        app.MapGet("/api/fleet", () =>
        {
            string broker = $"{options.BrokerHost}:{options.BrokerPort}";
            IReadOnlyList<string> series = options.Store is { } store
                ? [.. store.Series().Select(s => s.Node + "/" + s.Sensor).Where(s => TopicFilter.Matches(options.TopicFilter, s)).Order(StringComparer.Ordinal)]
                : [];
            var answer = new FleetAnswer(
                options.TimeProvider.GetUtcNow(),
                new BrokerState(broker, options.TopicFilter, _watch.IsConnected),
                new HistoryState(options.Store is not null, options.Store is null ? options.HistoryOffHint : null, series),
                fleet.Rows());
            return Json(DashboardJson.Write(answer));
        });

        app.MapGet("/api/history", (HttpRequest request) =>
        {
            if (options.Store is not { } store)
            {
                return Json(DashboardJson.Write(new ApiError(options.HistoryOffHint)), StatusCodes.Status404NotFound);
            }

            HistoryRequest query;
            try
            {
                query = HistoryRequest.Parse(request.Query["series"], request.Query["since"], request.Query["limit"],
                    options.TimeProvider.GetUtcNow(), options.MaxHistoryPoints);
            }
            catch (ArgumentException e)
            {
                return Json(DashboardJson.Write(new ApiError(e.Message)), StatusCodes.Status400BadRequest);
            }

            return Json(DashboardJson.Write(History(store, query)));
        });

        app.MapGet("/api/events", (HttpContext context) => StreamEventsAsync(context, options.HeartbeatInterval));
    }

    private static HistoryAnswer History(ReadingStore store, HistoryRequest query)
    {
        string series = query.Node + "/" + query.Sensor;
        IReadOnlyList<RecordedReading> readings = store.Query(query.Since, series, HistoryScanLimit);
        List<HistoryPoint> points = [.. readings
            .Where(r => r.Node == query.Node && r.Sensor == query.Sensor && double.IsFinite(r.Value))
            .OrderBy(r => r.Time)
            .Select(r => new HistoryPoint(r.Time, r.Value, r.Unit, r.Seq, r.Late))];
        bool truncated = points.Count > query.Limit || readings.Count >= HistoryScanLimit;
        return new HistoryAnswer(series, query.Since, truncated, points.Count > query.Limit ? points[^query.Limit..] : points);
    }

    // the store answers oldest first; the chart wants the newest points of the window, so read this many and keep the end
    private const int HistoryScanLimit = 100_000;

    private async Task StreamEventsAsync(HttpContext context, TimeSpan heartbeat)
    {
        HttpResponse response = context.Response;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache, no-transform";
        response.Headers["X-Accel-Buffering"] = "no"; // a reverse proxy (nginx) must pass events on at once
        using EventSubscription subscription = _events.Subscribe();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, subscription.Dropped, _stopping.Token);
        try
        {
            // retry: how long the browser waits before reconnecting; the page then fetches what it missed
            await response.WriteAsync("retry: 2000\n: capteur dashboard events\n\n", stop.Token);
            await response.Body.FlushAsync(stop.Token);
            Task<bool>? ready = null;
            while (true)
            {
                ready ??= subscription.Queue.Reader.WaitToReadAsync(stop.Token).AsTask(); // one wait at a time, kept across heartbeats
                using (var beat = CancellationTokenSource.CreateLinkedTokenSource(stop.Token))
                {
                    Task delay = Task.Delay(heartbeat, beat.Token);
                    await Task.WhenAny(ready, delay);
                    beat.Cancel(); // no timer left behind for every event
                }

                if (!ready.IsCompleted)
                {
                    stop.Token.ThrowIfCancellationRequested();
                    await response.WriteAsync(": heartbeat\n\n", stop.Token);
                    await response.Body.FlushAsync(stop.Token);
                    continue;
                }

                bool open = await ready;
                ready = null;
                if (!open)
                {
                    return; // cut off for being too slow: ending the response makes EventSource reconnect
                }

                var batch = new StringBuilder();
                while (batch.Length < 64 * 1024 && subscription.Queue.Reader.TryRead(out string? frame))
                {
                    batch.Append(frame);
                }

                await response.WriteAsync(batch.ToString(), stop.Token);
                await response.Body.FlushAsync(stop.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // the browser left, fell too far behind, or the dashboard is stopping
        }
    }

    // HTTP Basic (RFC 7617): plain enough for any browser and for curl; over plain HTTP the password is as exposed as an MQTT
    // client's on a plain TCP listener, so the same advice holds (a TLS-terminating proxy in front for a network you do not trust).
    private static async Task<bool> IsAuthorizedAsync(HttpContext context, Func<string, string, CancellationToken, Task<DashboardAccess>> authorize)
    {
        DashboardAccess access = BasicCredentials(context.Request.Headers.Authorization.ToString()) is (string user, string password)
            ? await authorize(user, password, context.RequestAborted)
            : DashboardAccess.WrongLogin("dashboard: log in with a user of the broker's password file");
        if (access.Granted)
        {
            return true;
        }

        context.Response.StatusCode = access.KnownUser ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized;
        if (!access.KnownUser)
        {
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"capteur dashboard\", charset=\"UTF-8\"";
        }

        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(access.Reason + "\n");
        return false;
    }

    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    /// <summary>User name and password of an <c>Authorization: Basic</c> header, or null when there is none or it is malformed.</summary>
    internal static (string User, string Password)? BasicCredentials(string header)
    {
        const string scheme = "Basic ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            string pair = StrictUtf8.GetString(Convert.FromBase64String(header[scheme.Length..].Trim()));
            int colon = pair.IndexOf(':');
            return colon <= 0 ? null : (pair[..colon], pair[(colon + 1)..]);
        }
        catch (Exception e) when (e is FormatException or DecoderFallbackException)
        {
            return null;
        }
    }

    private static Task Serve(HttpContext context, StaticAssets.Asset asset)
    {
        context.Response.Headers.ETag = asset.ETag;
        context.Response.Headers.CacheControl = "no-cache"; // revalidate: a new `capteur` serves its new page at once
        if (context.Request.Headers.IfNoneMatch == asset.ETag)
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        context.Response.ContentType = asset.ContentType;
        context.Response.ContentLength = asset.Bytes.Length;
        return context.Response.Body.WriteAsync(asset.Bytes).AsTask();
    }

    private static IResult Json(string json, int status = StatusCodes.Status200OK)
        => Results.Text(json, "application/json; charset=utf-8", Encoding.UTF8, status);

    private static IPAddress ParseBind(string bind)
    {
        if (bind == "localhost")
        {
            return IPAddress.Loopback;
        }

        if (!IPAddress.TryParse(bind.Trim('[', ']'), out IPAddress? address))
        {
            throw new ArgumentException($"dashboard address: \"{bind}\" is not an IP address (127.0.0.1 = this machine only, 0.0.0.0 = every interface)");
        }

        return address;
    }

    private static bool HostIsAllowed(string host)
    {
        if (host.Length == 0 || IPAddress.TryParse(host.Trim('[', ']'), out _) || host == "localhost" || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        string machine = Dns.GetHostName();
        return host.Equals(machine, StringComparison.OrdinalIgnoreCase) || host.StartsWith(machine + ".", StringComparison.OrdinalIgnoreCase);
    }

    private static string Endpoint(IPAddress address, int port)
        => address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{address}]:{port}" : $"{address}:{port}";

    private static string Reason(IOException e) => e.InnerException is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.AddressAlreadyInUse }
        || e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase)
        ? "the port is already in use"
        : e.Message;
}
