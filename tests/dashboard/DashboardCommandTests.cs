using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Capteur.Dashboard.Tests.Support;
using Capteur.Desktop.Tests.Infrastructure;

namespace Capteur.Dashboard.Tests;

/// <summary>The dashboard flags of `capteur broker` and `capteur demo`, run as child processes.</summary>
[TestClass]
public sealed partial class DashboardCommandTests
{
    private static readonly TimeSpan Startup = TimeSpan.FromSeconds(60);

    [TestMethod]
    public async Task Broker_with_record_and_dashboard_serves_the_fleet_and_the_history_of_a_published_reading()
    {
        string data = Directory.CreateTempSubdirectory("capteur-dashboard-broker-").FullName;
        int port = FreePort.Next();
        using CapteurProcess broker = CapteurProcess.Start("broker", "--bind", "127.0.0.1", "--port", port.ToString(), "--data", data, "--sys-interval", "0", "--record", "--dashboard", "0");
        try
        {
            string url = DashboardAt().Match(broker.WaitForLine(l => DashboardAt().IsMatch(l), Startup, "dashboard line")).Groups[1].Value;
            await using (TestMqtt mqtt = await TestMqtt.ConnectAsync(port))
            {
                await mqtt.PublishAsync("maison/salon/status", "online", retain: true);
                await mqtt.PublishAsync("maison/salon/temperature", TestMqtt.Reading(21.5, "°C", 1, DateTimeOffset.UtcNow));
            }

            using var http = new HttpClient { BaseAddress = new Uri(url) };
            DateTime deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
            JsonElement history;
            while (true)
            {
                history = await http.GetFromJsonAsync<JsonElement>("api/history?series=maison/salon/temperature&since=1h");
                if (history.GetProperty("points").GetArrayLength() == 1 || DateTime.UtcNow > deadline)
                {
                    break;
                }

                await Task.Delay(100);
            }

            JsonElement fleet = await http.GetFromJsonAsync<JsonElement>("api/fleet");
            Assert.AreEqual(21.5, history.GetProperty("points")[0].GetProperty("value").GetDouble(), $"history: {history}");
            Assert.IsTrue(fleet.GetProperty("history").GetProperty("enabled").GetBoolean());
            Assert.AreEqual("online", fleet.GetProperty("nodes")[0].GetProperty("status").GetString());
            Assert.AreEqual(0, broker.Terminate(TimeSpan.FromSeconds(30)));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [TestMethod]
    public void Broker_on_every_interface_warns_that_the_dashboard_is_unauthenticated()
    {
        string data = Directory.CreateTempSubdirectory("capteur-dashboard-broker-").FullName;
        using CapteurProcess broker = CapteurProcess.Start("broker", "--bind", "127.0.0.1", "--port", "0", "--data", data, "--sys-interval", "0", "--dashboard", "0.0.0.0:0");
        try
        {
            broker.WaitForLine(l => l.Contains(" dashboard on http://127.0.0.1:", StringComparison.Ordinal) && l.Contains("(every interface: other devices use this machine's address, port ", StringComparison.Ordinal), Startup, "dashboard line");
            broker.WaitForLine(l => l.EndsWith(" warning: the dashboard is unauthenticated: anyone on the network can read the fleet's readings (read-only); --dashboard PORT keeps it on this machine", StringComparison.Ordinal), Startup, "warning");
            Assert.AreEqual(0, broker.Terminate(TimeSpan.FromSeconds(30)));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [TestMethod]
    public async Task Broker_with_a_password_file_asks_for_a_login_of_that_file_and_applies_its_acl()
    {
        string data = Directory.CreateTempSubdirectory("capteur-dashboard-broker-").FullName;
        try
        {
            string passwd = Path.Combine(data, "passwd");
            string acl = Path.Combine(data, "acl");
            Capteur.Broker.Security.PasswordFile.SetPassword(passwd, "admin", "4dmin", iterations: 1000);
            Capteur.Broker.Security.PasswordFile.SetPassword(passwd, "salon", "s3cret", iterations: 1000);
            File.WriteAllText(acl, "user admin\ntopic read #\nuser salon\ntopic readwrite maison/salon/#\n");
            using CapteurProcess broker = CapteurProcess.Start("broker", "--bind", "0.0.0.0", "--port", "0", "--data", data, "--sys-interval", "0",
                "--passwd", passwd, "--acl", acl, "--dashboard", "0.0.0.0:0");
            string line = broker.WaitForLine(l => l.Contains(" dashboard on http://127.0.0.1:", StringComparison.Ordinal), Startup, "dashboard line");
            StringAssert.EndsWith(line, "; login: a user of the broker's password file");
            string url = Regex.Match(line, @"(http://127\.0\.0\.1:\d+/)").Groups[1].Value;
            broker.WaitForLine(l => l.EndsWith(" ready", StringComparison.Ordinal), Startup, "ready");
            Assert.IsFalse(broker.Lines.Any(l => l.Contains("unauthenticated", StringComparison.Ordinal)), "no unauthenticated warning:\n" + string.Join("\n", broker.Lines));

            using var http = new HttpClient { BaseAddress = new Uri(url) };
            async Task<(System.Net.HttpStatusCode Status, string Body)> Get(string? user, string? password)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "api/fleet");
                if (user is not null)
                {
                    request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{user}:{password}")));
                }

                using HttpResponseMessage response = await http.SendAsync(request);
                return (response.StatusCode, await response.Content.ReadAsStringAsync());
            }

            Assert.AreEqual(System.Net.HttpStatusCode.Unauthorized, (await Get(null, null)).Status);
            Assert.AreEqual((System.Net.HttpStatusCode.Unauthorized, "dashboard: user 'admin' refused: unknown user or wrong password\n"), await Get("admin", "guess"));
            Assert.AreEqual((System.Net.HttpStatusCode.Unauthorized, "dashboard: user '$capteur-internal' refused: not a user of the password file\n"), await Get("$capteur-internal", "guess"));
            Assert.AreEqual((System.Net.HttpStatusCode.Forbidden,
                $"dashboard: user 'salon' may not read every topic (the ACL file {acl} gives it no 'topic read #'), and the dashboard shows the whole fleet\n"), await Get("salon", "s3cret"));
            (System.Net.HttpStatusCode status, string body) = await Get("admin", "4dmin");
            Assert.AreEqual(System.Net.HttpStatusCode.OK, status, body);
            StringAssert.Contains(body, "\"nodes\":");
            broker.WaitForLine(l => l.EndsWith(" dashboard: user 'admin' refused: unknown user or wrong password", StringComparison.Ordinal), Startup, "the refused login in the log");
            Assert.AreEqual(0, broker.Terminate(TimeSpan.FromSeconds(30)));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [TestMethod]
    [DataRow(new[] { "broker", "--bind", "127.0.0.1", "--port", "0", "--dashboard", "web" }, "capteur broker: --dashboard: \"web\" is not [ADDR:]PORT with an IP address and a port 0..65535 (e.g. 8080, or 0.0.0.0:8080 for phones on the network)")]
    [DataRow(new[] { "demo", "--dashboard-port", "70000" }, "capteur demo: --dashboard-port: 70000 is out of range (0..65535; 0 = a free port)")]
    public void A_dashboard_flag_it_cannot_use_is_refused_with_what_to_give(string[] args, string error)
    {
        var info = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "capteur.dll"));
        args.ToList().ForEach(info.ArgumentList.Add);
        using var capteur = System.Diagnostics.Process.Start(info)!;
        Task<string> output = capteur.StandardOutput.ReadToEndAsync();
        Task<string> errors = capteur.StandardError.ReadToEndAsync();

        Assert.IsTrue(capteur.WaitForExit(TimeSpan.FromSeconds(60)), "capteur did not exit");
        Assert.AreEqual(error, errors.Result.TrimEnd('\n'), $"stdout: {output.Result}");
        Assert.AreEqual(2, capteur.ExitCode);
    }

    [TestMethod]
    public void Demo_without_dashboard_starts_with_the_broker_line()
    {
        using CapteurProcess demo = CapteurProcess.Start("demo", "--no-dashboard", "--no-record", "--port", "0", "--duration", "2", "--nodes", "1");

        demo.WaitForLine(l => l.StartsWith("capteur demo: summary: ", StringComparison.Ordinal), Startup, "summary");
        // the demo's own lines go to stderr and the readings to stdout: only the order of its own lines is defined
        StringAssert.StartsWith(demo.Lines.First(l => l.StartsWith("capteur demo: ", StringComparison.Ordinal)), "capteur demo: broker on 127.0.0.1:");
        Assert.IsFalse(demo.Lines.Any(l => l.Contains("dashboard on", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void Node_processes_of_the_demo_stop_when_the_demo_is_killed()
    {
        using CapteurProcess demo = CapteurProcess.Start("demo", "--processes", "--nodes", "2", "--port", "0", "--dashboard-port", "0", "--no-record");
        int[] pids = [.. new[] { "salon", "cuisine" }.Select(room => int.Parse(NodePid().Match(
            demo.WaitForLine(l => NodePid().IsMatch(l) && l.Contains($"maison/{room} ", StringComparison.Ordinal), Startup, $"pid of maison/{room}")).Groups[1].Value))];
        demo.WaitForLine(l => l.Contains("maison/cuisine door", StringComparison.Ordinal), Startup, "a reading from the second node");

        demo.Kill9();

        DateTime deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (pids.Any(Alive) && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(100);
        }

        Assert.IsFalse(pids.Any(Alive), $"node processes still running 30 s after the demo was killed: {string.Join(", ", pids.Where(Alive))}");
    }

    private static bool Alive(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^capteur demo: node \S+ pid (\d+)$")]
    private static partial Regex NodePid();

    [GeneratedRegex(@" dashboard on (http://127\.0\.0\.1:\d+/)$")]
    private static partial Regex DashboardAt();
}
