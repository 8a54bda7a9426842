using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Capteur.Dashboard.Tests.Support;
using Capteur.Desktop.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Capteur.Dashboard.Tests;

/// <summary>
/// The acceptance test of the dashboard: `capteur demo --processes` as a child process, its page in headless Chromium
/// (Debian's, driven by Playwright), readings published by hand, a node process killed. Saves screenshots (desktop, a
/// 390 px phone, and the phone in dark mode) to the test results.
/// </summary>
[TestClass]
public sealed partial class DashboardInBrowserTests
{
    private static readonly TimeSpan Startup = TimeSpan.FromSeconds(90);

    /// <summary>Test context (results folder, result files).</summary>
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public async Task The_demo_page_shows_three_nodes_online_a_live_reading_a_late_reading_at_its_own_time_and_a_killed_node_offline()
    {
        string profile = Directory.CreateTempSubdirectory("capteur-chromium-").FullName;
        using CapteurProcess demo = CapteurProcess.Start("demo", "--processes", "--nodes", "3", "--port", "0", "--dashboard-port", "0");
        try
        {
            // the demo's first line is the address to open
            string first = demo.WaitForLine(l => l.Length > 0, Startup, "first line");
            Match address = DashboardLine().Match(first);
            Assert.IsTrue(address.Success, $"the demo's first line is not the dashboard address: \"{first}\"");
            string url = address.Groups[1].Value;
            int brokerPort = int.Parse(BrokerLine().Match(demo.WaitForLine(l => BrokerLine().IsMatch(l), Startup, "broker line")).Groups[1].Value);
            var pids = new Dictionary<string, int>();
            foreach (string room in new[] { "salon", "cuisine", "chambre" })
            {
                Match node = NodeLine().Match(demo.WaitForLine(l => l.StartsWith($"capteur demo: node maison/{room} pid ", StringComparison.Ordinal), Startup, $"pid of maison/{room}"));
                pids[node.Groups[1].Value] = int.Parse(node.Groups[2].Value);
            }

            using IPlaywright playwright = await Playwright.CreateAsync();
            await using IBrowserContext browser = await Chromium.LaunchAsync(playwright, profile);
            IPage page = browser.Pages.Count > 0 ? browser.Pages[0] : await browser.NewPageAsync();
            var errors = new List<string>();
            page.Console += (_, message) =>
            {
                if (message.Type == "error")
                {
                    errors.Add(message.Text);
                }
            };
            page.PageError += (_, error) => errors.Add(error);
            await page.GotoAsync(url);

            // three nodes online
            await Expect(page.Locator("#fleet-rows tr[data-status='online']")).ToHaveCountAsync(3, new() { Timeout = (float)Startup.TotalMilliseconds });
            foreach (string node in pids.Keys)
            {
                await Expect(page.Locator($"tr[data-node='{node}'] .badge")).ToHaveTextAsync("online");
            }

            // a reading published by hand: the chart gains the point and shows the value (the highest of the range)
            ILocator salon = page.Locator("figure[data-series='maison/salon/temperature']");
            await Expect(salon).ToHaveAttributeAsync("data-points", new Regex("^[1-9]"), new() { Timeout = 30_000 });
            int before = int.Parse((await salon.GetAttributeAsync("data-points"))!, CultureInfo.InvariantCulture);
            await using TestMqtt mqtt = await TestMqtt.ConnectAsync(brokerPort);
            await mqtt.PublishAsync("maison/salon/temperature", TestMqtt.Reading(42.42, "°C", 900_001, DateTimeOffset.UtcNow));
            await page.WaitForFunctionAsync("([sel, n]) => +document.querySelector(sel).dataset.points > n",
                new object[] { "figure[data-series='maison/salon/temperature']", before }, new() { Timeout = 15_000 });
            await Expect(salon).ToHaveAttributeAsync("data-max", "42.42", new() { Timeout = 15_000 });
            await Expect(salon.Locator(".meta .max")).ToHaveTextAsync("42.42");

            // a late reading, taken 10 minutes ago: drawn at its own time, marked late
            DateTimeOffset ts = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.AddMinutes(-10).ToUnixTimeMilliseconds());
            await mqtt.PublishAsync("maison/salon/temperature", TestMqtt.Reading(30.5, "°C", 900_002, ts));
            ILocator mark = salon.Locator("path.late-mark[data-seq='900002']");
            await Expect(mark).ToHaveCountAsync(1, new() { Timeout = 15_000 });
            await Expect(salon.Locator(".meta .late-count")).ToHaveTextAsync("1 late");
            await Expect(page.Locator("#legend")).ToContainTextAsync("arrived late");
            JsonElement placed = await page.EvaluateAsync<JsonElement>("""
                sel => {
                  const svg = document.querySelector(sel + ' svg.plot');
                  const m = svg.querySelector("path.late-mark[data-seq='900002']");
                  return { time: m.dataset.time, x: +m.dataset.x, t0: Date.parse(svg.dataset.t0), t1: Date.parse(svg.dataset.t1), x0: +svg.dataset.x0, x1: +svg.dataset.x1 };
                }
                """, "figure[data-series='maison/salon/temperature']");
            Assert.AreEqual(ts.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture), placed.GetProperty("time").GetString());
            double t0 = placed.GetProperty("t0").GetDouble(), t1 = placed.GetProperty("t1").GetDouble();
            double x0 = placed.GetProperty("x0").GetDouble(), x1 = placed.GetProperty("x1").GetDouble();
            double expected = x0 + ((ts.ToUnixTimeMilliseconds() - t0) / (t1 - t0) * (x1 - x0));
            Assert.AreEqual(expected, placed.GetProperty("x").GetDouble(), 1.5, $"the late reading is not drawn at its own time ({placed})");
            Assert.IsTrue(expected < x1 - ((x1 - x0) / 10), "a reading 10 minutes old is drawn well left of now on the 1 h range");

            // a node loses power: its process is killed, the broker publishes its last will, the row turns offline
            System.Diagnostics.Process.GetProcessById(pids["maison/cuisine"]).Kill();
            ILocator cuisine = page.Locator("tr[data-node='maison/cuisine']");
            await Expect(cuisine).ToHaveAttributeAsync("data-status", "offline", new() { Timeout = 30_000 });
            await Expect(cuisine.Locator(".badge")).ToHaveTextAsync("offline");
            await Expect(page.Locator("#fleet-rows tr[data-status='online']")).ToHaveCountAsync(2);
            demo.WaitForLine(l => l.StartsWith($"capteur demo: node maison/cuisine (pid {pids["maison/cuisine"]}) killed by signal 9", StringComparison.Ordinal),
                TimeSpan.FromSeconds(10), "the demo's line about the killed node");

            await SaveScreenshotAsync(page, "dashboard-desktop.png");
            await page.SetViewportSizeAsync(390, 844);
            await page.EvaluateAsync("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
            int scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            Assert.IsLessThanOrEqualTo(390, scrollWidth, "at 390 px wide the page scrolls sideways");
            await SaveScreenshotAsync(page, "dashboard-phone-390.png");
            await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
            await SaveScreenshotAsync(page, "dashboard-phone-390-dark.png");

            Assert.IsEmpty(errors, "the page logged errors: " + string.Join(" | ", errors));
        }
        finally
        {
            demo.Terminate(TimeSpan.FromSeconds(30));
            Directory.Delete(profile, recursive: true);
        }
    }

    [TestMethod]
    [Timeout(180_000, CooperativeCancellation = true)]
    public async Task Behind_a_login_the_page_and_its_live_events_work_with_the_users_credentials_and_not_without()
    {
        string work = Directory.CreateTempSubdirectory("capteur-chromium-login-").FullName;
        try
        {
            string passwd = Path.Combine(work, "passwd");
            Capteur.Broker.Security.PasswordFile.SetPassword(passwd, "admin", "4dmin", iterations: 1000);
            int brokerPort = FreePort.Next();
            using CapteurProcess broker = CapteurProcess.Start("broker", "--bind", "127.0.0.1", "--port", brokerPort.ToString(CultureInfo.InvariantCulture),
                "--data", Path.Combine(work, "data"), "--sys-interval", "0", "--passwd", passwd, "--record", "--dashboard", "0");
            string url = Regex.Match(broker.WaitForLine(l => l.Contains(" dashboard on http://", StringComparison.Ordinal), Startup, "dashboard line"), @"(http://\S+/)").Groups[1].Value;

            using IPlaywright playwright = await Playwright.CreateAsync();
            await using (IBrowserContext anonymous = await Chromium.LaunchAsync(playwright, Path.Combine(work, "anonymous")))
            {
                // a navigation would wait on the login prompt (headless: it fails with ERR_INVALID_AUTH_CREDENTIALS); the
                // context's own request shows the answer
                IAPIResponse refused = await anonymous.APIRequest.GetAsync(url);
                Assert.AreEqual(401, refused.Status, "without a login the page is refused");
                Assert.AreEqual("Basic realm=\"capteur dashboard\", charset=\"UTF-8\"", refused.Headers["www-authenticate"]);
            }

            await using IBrowserContext browser = await Chromium.LaunchAsync(playwright, Path.Combine(work, "admin"), new HttpCredentials { Username = "admin", Password = "4dmin" });
            IPage logged = browser.Pages.Count > 0 ? browser.Pages[0] : await browser.NewPageAsync();
            var errors = new List<string>();
            logged.PageError += (_, error) => errors.Add(error);
            IResponse? response = await logged.GotoAsync(url);
            Assert.AreEqual(200, response?.Status);
            await using TestMqtt mqtt = await TestMqtt.ConnectAsync(brokerPort);
            await mqtt.PublishAsync("maison/salon/status", "online", retain: true);
            // the page fetches its data only once its event stream is open, and the reading published after the row showed
            // comes through that stream: EventSource sent the login too
            await Expect(logged.Locator("tr[data-node='maison/salon'] .badge")).ToHaveTextAsync("online", new() { Timeout = 15_000 });
            await mqtt.PublishAsync("maison/salon/temperature", TestMqtt.Reading(19.25, "°C", 1, DateTimeOffset.UtcNow));
            await Expect(logged.Locator("figure[data-series='maison/salon/temperature']")).ToHaveAttributeAsync("data-max", "19.25", new() { Timeout = 15_000 });
            Assert.IsEmpty(errors, "the page logged errors: " + string.Join(" | ", errors));
            Assert.AreEqual(0, broker.Terminate(TimeSpan.FromSeconds(30)));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private async Task SaveScreenshotAsync(IPage page, string name)
    {
        string folder = TestContext.TestResultsDirectory ?? AppContext.BaseDirectory;
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, name);
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        TestContext.AddResultFile(path);
        TestContext.WriteLine($"screenshot: {path}");
        Console.WriteLine($"screenshot: {path}");
    }

    [GeneratedRegex(@"^capteur demo: dashboard on (http://\S+/)$")]
    private static partial Regex DashboardLine();

    [GeneratedRegex(@"^capteur demo: broker on 127\.0\.0\.1:(\d+),")]
    private static partial Regex BrokerLine();

    [GeneratedRegex(@"^capteur demo: node (\S+) pid (\d+)$")]
    private static partial Regex NodeLine();
}
