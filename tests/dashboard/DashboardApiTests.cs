using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Capteur.Dashboard.Tests.Support;
using Capteur.Desktop.Tests.Infrastructure;
using Capteur.Recorder;

namespace Capteur.Dashboard.Tests;

/// <summary>The dashboard's HTTP API against a real `capteur broker` process: each test watches its own topic prefix.</summary>
[TestClass]
public sealed class DashboardApiTests
{
    private static ClassBroker _broker = null!;

    /// <summary>Test context (output folder).</summary>
    public TestContext TestContext { get; set; } = null!;

    private static int BrokerPort => _broker.Port;

    [ClassInitialize]
    public static void StartBroker(TestContext context) => _broker = ClassBroker.Start("capteur-dashboard-api-");

    [ClassCleanup]
    public static void StopBroker() => _broker?.Dispose();

    [TestMethod]
    public async Task Fleet_lists_a_node_with_its_status_its_info_and_each_sensors_latest_reading()
    {
        await using DashboardFixture dashboard = await DashboardFixture.StartAsync(BrokerPort);
        string node = dashboard.Prefix + "/salon";
        DateTimeOffset ts = DateTimeOffset.UtcNow;
        await using (TestMqtt mqtt = await TestMqtt.ConnectAsync(BrokerPort))
        {
            await mqtt.PublishAsync(node + "/status", "online", retain: true);
            await mqtt.PublishAsync(node + "/info", """{"version":"0.1.0","uptime_s":3600,"rssi":-61,"free_bytes":81234,"outbox":3,"dropped":2,"resent":1,"state":"online"}""");
            await mqtt.PublishAsync(node + "/temperature", TestMqtt.Reading(21.5, "°C", 41, ts.AddSeconds(-1)));
            await mqtt.PublishAsync(node + "/temperature", TestMqtt.Reading(21.75, "°C", 42, ts));
        }

        JsonElement fleet = await dashboard.WaitForFleetAsync(f => f.GetProperty("nodes").EnumerateArray().Any(n => n.GetProperty("rssi").ValueKind == JsonValueKind.Number
            && n.GetProperty("sensors").GetArrayLength() == 1 && n.GetProperty("sensors")[0].GetProperty("value").GetDouble() == 21.75), "the node with its info and reading");

        JsonElement row = fleet.GetProperty("nodes").EnumerateArray().Single();
        Assert.AreEqual(node, row.GetProperty("topic").GetString());
        Assert.AreEqual("online", row.GetProperty("status").GetString());
        Assert.AreEqual(-61, row.GetProperty("rssi").GetInt32());
        Assert.AreEqual(3, row.GetProperty("outbox").GetInt64());
        Assert.AreEqual(2, row.GetProperty("dropped").GetInt64());
        Assert.AreEqual("0.1.0", row.GetProperty("version").GetString());
        Assert.AreEqual(3600, row.GetProperty("uptime_s").GetInt64());
        JsonElement sensor = row.GetProperty("sensors")[0];
        Assert.AreEqual("temperature", sensor.GetProperty("name").GetString());
        Assert.AreEqual("°C", sensor.GetProperty("unit").GetString());
        Assert.AreEqual(ts.ToUnixTimeMilliseconds(), sensor.GetProperty("time").GetDateTimeOffset().ToUnixTimeMilliseconds());
        Assert.IsTrue((DateTimeOffset.UtcNow - row.GetProperty("last_seen").GetDateTimeOffset()).Duration() < TimeSpan.FromMinutes(1));
        Assert.AreEqual($"127.0.0.1:{BrokerPort}", fleet.GetProperty("broker").GetProperty("address").GetString());
        Assert.IsTrue(fleet.GetProperty("broker").GetProperty("connected").GetBoolean());
    }

    [TestMethod]
    public async Task Fleet_shows_a_node_offline_when_the_broker_publishes_its_last_will()
    {
        await using DashboardFixture dashboard = await DashboardFixture.StartAsync(BrokerPort);
        string node = dashboard.Prefix + "/cuisine";
        await using (TestMqtt mqtt = await TestMqtt.ConnectAsync(BrokerPort))
        {
            await mqtt.PublishAsync(node + "/status", "online", retain: true);
            await dashboard.WaitForFleetAsync(f => f.GetProperty("nodes").EnumerateArray().Any(n => n.GetProperty("status").GetString() == "online"), "the node online");
            await mqtt.PublishAsync(node + "/status", "offline", retain: true);
        }

        await dashboard.WaitForFleetAsync(f => f.GetProperty("nodes").EnumerateArray().Any(n => n.GetProperty("status").GetString() == "offline"), "the node offline");
    }

    [TestMethod]
    public async Task History_gives_one_series_from_the_store_in_time_order_with_late_readings_marked()
    {
        string db = Path.Combine(_broker.Folder, Guid.NewGuid().ToString("N") + ".db");
        using ReadingStore store = ReadingStore.Open(db);
        await using DashboardFixture dashboard = await DashboardFixture.StartAsync(BrokerPort, store);
        string node = dashboard.Prefix + "/salon";
        DateTimeOffset now = DateTimeOffset.UtcNow;
        DateTimeOffset At(int minutesAgo) => DateTimeOffset.FromUnixTimeMilliseconds((now - TimeSpan.FromMinutes(minutesAgo)).ToUnixTimeMilliseconds());
        store.Add(new RecordedReading(node, "temperature", 3, At(1), now, 21.25, "°C", false));
        store.Add(new RecordedReading(node, "temperature", 1, At(10), now, 20.5, "°C", true)); // from the outbox, arrived after seq 3
        store.Add(new RecordedReading(node, "temperature", 2, At(5), At(5), 21.0, "°C", false));
        store.Add(new RecordedReading(node, "door", 4, At(2), At(2), 1, "", false));
        store.Add(new RecordedReading(node, "temperature", 0, At(180), At(180), 19.0, "°C", false)); // before the window

        JsonElement history = await dashboard.GetJsonAsync($"api/history?series={node}/temperature&since=1h");

        Assert.AreEqual(node + "/temperature", history.GetProperty("series").GetString());
        Assert.IsFalse(history.GetProperty("truncated").GetBoolean());
        JsonElement[] points = [.. history.GetProperty("points").EnumerateArray()];
        CollectionAssert.AreEqual(new long[] { 1, 2, 3 }, points.Select(p => p.GetProperty("seq").GetInt64()).ToArray());
        CollectionAssert.AreEqual(new[] { 20.5, 21.0, 21.25 }, points.Select(p => p.GetProperty("value").GetDouble()).ToArray());
        CollectionAssert.AreEqual(new[] { true, false, false }, points.Select(p => p.GetProperty("late").GetBoolean()).ToArray());
        CollectionAssert.AreEqual(new[] { At(10), At(5), At(1) }, points.Select(p => p.GetProperty("time").GetDateTimeOffset()).ToArray());
        Assert.AreEqual("°C", points[0].GetProperty("unit").GetString());

        JsonElement fleet = await dashboard.GetJsonAsync("api/fleet");
        Assert.IsTrue(fleet.GetProperty("history").GetProperty("enabled").GetBoolean());
        CollectionAssert.AreEqual(new[] { node + "/door", node + "/temperature" },
            fleet.GetProperty("history").GetProperty("series").EnumerateArray().Select(s => s.GetString()).ToArray());
    }

    [TestMethod]
    public async Task History_with_a_limit_keeps_the_newest_points_and_says_it_was_cut()
    {
        string db = Path.Combine(_broker.Folder, Guid.NewGuid().ToString("N") + ".db");
        using ReadingStore store = ReadingStore.Open(db);
        await using DashboardFixture dashboard = await DashboardFixture.StartAsync(BrokerPort, store);
        string node = dashboard.Prefix + "/salon";
        DateTimeOffset start = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()) - TimeSpan.FromMinutes(30);
        for (int i = 1; i <= 10; i++)
        {
            store.Add(new RecordedReading(node, "temperature", i, start.AddMinutes(i), start.AddMinutes(i), 20 + i, "°C", false));
        }

        JsonElement history = await dashboard.GetJsonAsync($"api/history?series={node}/temperature&since=1h&limit=3");

        Assert.IsTrue(history.GetProperty("truncated").GetBoolean());
        CollectionAssert.AreEqual(new long[] { 8, 9, 10 }, history.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("seq").GetInt64()).ToArray());
    }

    [TestMethod]
    public async Task History_is_off_without_a_store_and_the_answer_says_how_to_turn_it_on()
    {
        await using DashboardFixture dashboard = await DashboardFixture.StartAsync(BrokerPort, configure: o => o.HistoryOffHint = "History is off: start the broker with --record.");

        HttpResponseMessage response = await dashboard.Http.GetAsync($"api/history?series={dashboard.Prefix}/salon/temperature");
        JsonElement fleet = await dashboard.GetJsonAsync("api/fleet");

        Assert.AreEqual(HttpStatusCode.NotFound, response.StatusCode);
        Assert.AreEqual("""{"error":"History is off: start the broker with --record."}""", await response.Content.ReadAsStringAsync());
        Assert.IsFalse(fleet.GetProperty("history").GetProperty("enabled").GetBoolean());
        Assert.AreEqual("History is off: start the broker with --record.", fleet.GetProperty("history").GetProperty("hint").GetString());
    }

    [TestMethod]
    [DataRow("since=yesterday", "since: \"yesterday\" is neither a duration back from now (a whole number with s, m, h or d, e.g. 15m or 24h) nor an ISO 8601 time (e.g. 2026-11-23T10:00:00Z)")]
    [DataRow("since=90d", "since: \"90d\" is longer than 30 days (the recorder's default retention)")]
    [DataRow("limit=0", "limit: \"0\" is out of range (1..2000)")]
    [DataRow("", "series: missing; give NODE/SENSOR, e.g. /api/history?series=maison/salon/temperature")]
    [DataRow("series=maison/%2B/temperature", "series: \"maison/+/temperature\" is not NODE/SENSOR (a topic without wildcards, e.g. maison/salon/temperature)")]
    public async Task History_refuses_a_parameter_it_cannot_read_naming_it_and_what_is_allowed(string query, string error)
    {
        using ReadingStore store = ReadingStore.Open(Path.Combine(_broker.Folder, Guid.NewGuid().ToString("N") + ".db"));
        await using DashboardFixture dashboard = await DashboardFixture.StartAsync(BrokerPort, store);
        string full = query.StartsWith("series=", StringComparison.Ordinal) || query.Length == 0 ? query : "series=maison/salon/temperature&" + query;

        HttpResponseMessage response = await dashboard.Http.GetAsync("api/history?" + full);

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.AreEqual(error, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());
    }

    [TestMethod]
    public async Task Events_deliver_a_published_reading_to_every_browser_connected()
    {
        await using DashboardFixture dashboard = await DashboardFixture.StartAsync(BrokerPort);
        string node = dashboard.Prefix + "/salon";
        using EventStream first = await EventStream.OpenAsync(dashboard.Http);
        using EventStream second = await EventStream.OpenAsync(dashboard.Http);
        DateTimeOffset ts = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());

        await using (TestMqtt mqtt = await TestMqtt.ConnectAsync(BrokerPort))
        {
            await mqtt.PublishAsync(node + "/temperature", TestMqtt.Reading(23.5, "°C", 7, ts));
        }

        foreach (EventStream stream in new[] { first, second })
        {
            using JsonDocument reading = JsonDocument.Parse(await stream.NextEventAsync("reading", "\"seq\":7", TimeSpan.FromSeconds(10)));
            JsonElement r = reading.RootElement;
            Assert.AreEqual(node, r.GetProperty("node").GetString());
            Assert.AreEqual("temperature", r.GetProperty("sensor").GetString());
            Assert.AreEqual(23.5, r.GetProperty("value").GetDouble());
            Assert.AreEqual("°C", r.GetProperty("unit").GetString());
            Assert.AreEqual(ts, r.GetProperty("time").GetDateTimeOffset());
            Assert.IsFalse(r.GetProperty("late").GetBoolean());
        }

        Assert.AreEqual("text/event-stream; charset=utf-8", first.ContentType);
        Assert.AreEqual(2, dashboard.Host.Browsers);
    }

    [TestMethod]
    public async Task Events_mark_a_reading_late_and_carry_status_and_info_as_the_node_row()
    {
        await using DashboardFixture dashboard = await DashboardFixture.StartAsync(BrokerPort);
        string node = dashboard.Prefix + "/chambre";
        using EventStream events = await EventStream.OpenAsync(dashboard.Http);

        await using (TestMqtt mqtt = await TestMqtt.ConnectAsync(BrokerPort))
        {
            await mqtt.PublishAsync(node + "/temperature", TestMqtt.Reading(19.5, "°C", 3, DateTimeOffset.UtcNow.AddMinutes(-10)));
            await mqtt.PublishAsync(node + "/status", "online");
            await mqtt.PublishAsync(node + "/info", """{"version":"0.1.0","uptime_s":5,"rssi":-70,"outbox":12,"dropped":0}""");
        }

        using JsonDocument late = JsonDocument.Parse(await events.NextEventAsync("reading", "\"seq\":3", TimeSpan.FromSeconds(10)));
        using JsonDocument status = JsonDocument.Parse(await events.NextEventAsync("status", node, TimeSpan.FromSeconds(10)));
        using JsonDocument info = JsonDocument.Parse(await events.NextEventAsync("info", node, TimeSpan.FromSeconds(10)));

        Assert.IsTrue(late.RootElement.GetProperty("late").GetBoolean());
        Assert.AreEqual("online", status.RootElement.GetProperty("status").GetString());
        Assert.AreEqual(-70, info.RootElement.GetProperty("rssi").GetInt32());
        Assert.AreEqual(12, info.RootElement.GetProperty("outbox").GetInt64());
        Assert.AreEqual(1, info.RootElement.GetProperty("late_readings").GetInt64());
    }

    [TestMethod]
    public async Task Events_send_a_heartbeat_comment_when_nothing_happens()
    {
        await using DashboardFixture dashboard = await DashboardFixture.StartAsync(BrokerPort, configure: o => o.HeartbeatInterval = TimeSpan.FromMilliseconds(200));
        using EventStream events = await EventStream.OpenAsync(dashboard.Http);

        await events.NextLineAsync(l => l == ": heartbeat", "heartbeat comment", TimeSpan.FromSeconds(5));
    }

    [TestMethod]
    public async Task The_page_and_its_files_are_served_from_the_assembly_and_revalidated_by_etag()
    {
        await using DashboardFixture dashboard = await DashboardFixture.StartAsync(BrokerPort);

        HttpResponseMessage page = await dashboard.Http.GetAsync("/");
        HttpResponseMessage script = await dashboard.Http.GetAsync("/app.js");
        var again = new HttpRequestMessage(HttpMethod.Get, "/app.js");
        again.Headers.IfNoneMatch.Add(script.Headers.ETag!);
        HttpResponseMessage notModified = await dashboard.Http.SendAsync(again);
        HttpResponseMessage missing = await dashboard.Http.GetAsync("/nothing-here.js");
        HttpResponseMessage post = await dashboard.Http.PostAsync("/api/fleet", new StringContent(""));

        Assert.AreEqual(HttpStatusCode.OK, page.StatusCode);
        Assert.AreEqual("text/html; charset=utf-8", page.Content.Headers.ContentType!.ToString());
        StringAssert.Contains(await page.Content.ReadAsStringAsync(), "<title>Capteur dashboard</title>");
        Assert.AreEqual("text/javascript; charset=utf-8", script.Content.Headers.ContentType!.ToString());
        Assert.AreEqual(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.AreEqual(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.AreEqual(HttpStatusCode.MethodNotAllowed, post.StatusCode);
        Assert.AreEqual("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [TestMethod]
    public async Task A_request_for_another_host_name_is_refused_so_a_rebound_site_cannot_read_the_fleet()
    {
        await using DashboardFixture dashboard = await DashboardFixture.StartAsync(BrokerPort);
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/fleet");
        request.Headers.Host = "attacker.example";

        HttpResponseMessage response = await dashboard.Http.SendAsync(request);

        Assert.AreEqual(HttpStatusCode.MisdirectedRequest, response.StatusCode);
    }

    [TestMethod]
    public async Task A_port_already_taken_is_reported_with_what_to_do()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        int port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var e = await Assert.ThrowsExactlyAsync<DashboardBindException>(() => DashboardHost.StartAsync(
            new DashboardOptions { Port = port, BrokerPort = BrokerPort }, CancellationToken.None));

        Assert.AreEqual($"cannot listen on 127.0.0.1:{port}: the port is already in use (pick another port, or 0 for a free one)", e.Message);
    }
}
