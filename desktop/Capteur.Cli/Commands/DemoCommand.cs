using System.CommandLine;
using System.Net.Sockets;
using Capteur.Broker;
using Capteur.Broker.Logging;
using Capteur.Broker.Transport;
using Capteur.Cli.Watching;
using Capteur.Dashboard;
using Capteur.Node.Config;
using Capteur.Recorder;
using Capteur.VirtualNode;
using Capteur.VirtualNode.Adapters;
using Capteur.Watch;

namespace Capteur.Cli.Commands;

/// <summary>
/// `capteur demo`: the whole loop in one process on this machine: the broker on loopback, N virtual nodes, and the
/// watch view. Ctrl+C stops everything cleanly; with --duration it stops by itself and prints a summary.
/// </summary>
public static class DemoCommand
{
    /// <summary>Rooms of the demo nodes, in order (more nodes get numbered rooms).</summary>
    public static readonly string[] Rooms = ["salon", "cuisine", "chambre", "bureau", "entree", "garage"];

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var nodes = new Option<int>("--nodes", "-n") { Description = "Number of virtual nodes (default 3)", DefaultValueFactory = _ => 3 };
        var duration = new Option<int>("--duration") { Description = "Stop after this many seconds and print a summary (default: run until Ctrl+C)" };
        var interval = new Option<string>("--interval", "-i") { Description = "Sample interval of each node's temperature (default 1s)", DefaultValueFactory = _ => "1s" };
        var port = new Option<int>("--port", "-p") { Description = "Broker port on 127.0.0.1 (default 1883, or a free port when 1883 is taken)" };
        var json = new Option<bool>("--json") { Description = "One JSON line per reading instead of the live view" };
        var dashboardPort = new Option<int>("--dashboard-port") { Description = "Port of the web dashboard on 127.0.0.1 (default 8080, or a free port when 8080 is taken; 0 = a free port)", DefaultValueFactory = _ => DashboardOptions.DefaultPort };
        var noDashboard = new Option<bool>("--no-dashboard") { Description = "No web dashboard" };
        var noRecord = new Option<bool>("--no-record") { Description = "Do not record the readings (by default they go to readings.db in the demo's work folder, deleted at exit)" };
        var processes = new Option<bool>("--processes") { Description = "Run each node as its own `capteur node` process (kill one: the broker publishes its last will)" };
        var command = new Command("demo", "Run the whole loop here: the broker on loopback, virtual nodes, and the live view.")
        {
            nodes, duration, interval, port, json, dashboardPort, noDashboard, processes, noRecord,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            int count = result.GetValue(nodes);
            if (count is < 1 or > 100)
            {
                await Console.Error.WriteLineAsync($"capteur demo: --nodes: {count} is out of range (1..100)");
                return 2;
            }

            int intervalMs;
            try
            {
                intervalMs = CliValues.DurationMs(result.GetValue(interval)!, "--interval");
            }
            catch (ArgumentException e)
            {
                await Console.Error.WriteLineAsync($"capteur demo: {e.Message}");
                return 2;
            }

            int? dashboardAt = result.GetValue(noDashboard) ? null : result.GetValue(dashboardPort);
            if (dashboardAt is < 0 or > 65535)
            {
                await Console.Error.WriteLineAsync($"capteur demo: --dashboard-port: {dashboardAt} is out of range (0..65535; 0 = a free port)");
                return 2;
            }

            var dashboard = new DemoDashboard(dashboardAt, OrFreePort: result.GetResult(dashboardPort) is null or { Implicit: true });
            int durationS = result.GetValue(duration);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (durationS > 0)
            {
                stop.CancelAfter(TimeSpan.FromSeconds(durationS));
            }

            string work = Directory.CreateTempSubdirectory("capteur-demo-").FullName;
            try
            {
                return await RunAsync(count, intervalMs, result.GetValue(port), result.GetValue(json), work, durationS > 0, dashboard, result.GetValue(processes), !result.GetValue(noRecord), stop.Token);
            }
            finally
            {
                try
                {
                    Directory.Delete(work, recursive: true);
                }
                catch (IOException)
                {
                }
            }
        });
        return command;
    }

    private static async Task<int> RunAsync(int count, int intervalMs, int port, bool json, string work, bool summarize, DemoDashboard dashboardAt, bool processes, bool record, CancellationToken stop)
    {
        var brokerOptions = new BrokerOptions
        {
            Bind = "127.0.0.1",
            Port = port != 0 ? port : PortIsFree(1883) ? 1883 : 0,
            DataDirectory = Path.Combine(work, "broker"),
            SysIntervalSeconds = 0,
        };
        await using BrokerHost broker = await BrokerHost.StartAsync(brokerOptions, new BrokerLog(TextWriter.Null));
        int brokerPort = broker.Listeners.First(l => l.Kind == ListenerKind.Mqtt).EndPoint.Port;
        // recorder store for the dashboard: recording?.Store (null with --no-record)
        await using RecordingSession? recording = record
            ? await RecordingSession.StartAsync("127.0.0.1", brokerPort, Path.Combine(work, "readings.db"), new RecorderOptions { TopicFilter = "maison/#", SessionId = "capteur-demo-recorder" }, stop)
            : null;
        DashboardHost? dashboard;
        try
        {
            // the first line the demo prints: the address to open
            dashboard = dashboardAt.Port is int dashboardPort
                ? await DashboardAddress.StartAsync("127.0.0.1", dashboardPort, dashboardAt.OrFreePort, brokerPort, "maison/#", store: recording?.Store, DemoDashboard.HistoryOff, stop)
                : null;
        }
        catch (DashboardBindException e)
        {
            await Console.Error.WriteLineAsync($"capteur demo: --dashboard-port: {e.Message}");
            return 2;
        }

        await using DashboardHost? dashboardHost = dashboard;
        if (dashboard is not null)
        {
            Console.Error.WriteLine($"capteur demo: dashboard on {dashboard.Url}");
        }

        Console.Error.WriteLine($"capteur demo: broker on 127.0.0.1:{brokerPort}, {count} virtual nodes sampling every {intervalMs} ms"
            + (summarize ? "" : "; Ctrl+C to stop"));
        Console.Error.WriteLine($"capteur demo: watch it from another terminal: capteur watch --broker 127.0.0.1:{brokerPort}");
        if (recording is not null)
        {
            Console.Error.WriteLine($"capteur demo: recording into {recording.Store.Path} (deleted at exit): capteur export --db {recording.Store.Path} --csv");
        }

        var output = new WatchOutput(WatchOutput.ModeFor(json), Console.Out);
        await using var watcher = new WatchClient("127.0.0.1", brokerPort, "maison/#", "capteur-demo-watch");
        watcher.MessageReceived += output.OnMessage;
        await watcher.StartAsync(TimeSpan.FromSeconds(10));

        var hosts = new List<VirtualNodeHost>();
        using NodeProcesses? children = processes ? new NodeProcesses(Console.Error) : null;
        try
        {
            for (int i = 0; i < count; i++)
            {
                string topic = "maison/" + (i < Rooms.Length ? Rooms[i] : "piece" + (i + 1));
                if (children is not null)
                {
                    int pid = children.Start(topic, ["--broker", $"127.0.0.1:{brokerPort}", "--topic", topic, "--interval", $"{intervalMs}ms",
                        "--data", Path.Combine(work, topic.Replace('/', '-')), "--set", "node.info_s=10", "--seed", (i + 1).ToString()]);
                    Console.Error.WriteLine($"capteur demo: node {topic} pid {pid}");
                    continue;
                }

                NodeConfig config = VirtualNodeConfig.Defaults(topic);
                Set(config, "mqtt.host", $"127.0.0.1:{brokerPort}");
                Set(config, "sensor1.interval_ms", intervalMs.ToString());
                Set(config, "node.info_s", "10");
                var log = new TextLog(Console.Error, topic, Node.Ports.LogLevel.Warning);
                VirtualNodeHost host = VirtualNodeHost.Create(config, Path.Combine(work, topic.Replace('/', '-')), log, i + 1);
                hosts.Add(host);
                host.Start();
            }

            await output.ShowAsync($"capteur demo: {count} nodes via 127.0.0.1:{brokerPort}", stop);
        }
        finally
        {
            children?.Stop(TimeSpan.FromSeconds(10));
            foreach (VirtualNodeHost host in hosts)
            {
                host.StopSampling();
            }

            foreach (VirtualNodeHost host in hosts)
            {
                host.Drain(TimeSpan.FromSeconds(10));
                host.Stop();
            }
        }

        // let the last acknowledged readings reach the watcher: every node's count, or 5 s at most
        long produced = hosts.Sum(h => h.Engine.Outbox.NextSeq - 1);
        DateTime deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (output.Fleet.Readings < produced && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        foreach (VirtualNodeHost host in hosts)
        {
            host.Dispose();
        }

        if (recording is not null)
        {
            Console.Error.WriteLine($"capteur demo: recorder: {recording.Counts()}");
        }

        if (children is not null)
        {
            return await NodeProcesses.SummarizeAsync(output);
        }

        long gaps = output.Fleet.Nodes().Sum(n => n.Audit.Gaps);
        long missing = produced - output.Fleet.Readings;
        Console.Error.WriteLine();
        foreach (string line in output.Summary())
        {
            Console.Error.WriteLine("capteur demo: " + line);
        }

        Console.Error.WriteLine($"capteur demo: summary: {produced} readings produced, {output.Fleet.Readings} delivered, {output.Fleet.Duplicates} duplicates, {gaps} gaps"
            + (missing > 0 ? $", {missing} not delivered" : ""));
        return gaps == 0 && missing <= 0 ? 0 : 1;
    }

    private static void Set(NodeConfig config, string key, string value)
    {
        if (config.TrySet(key, value) is string refused)
        {
            throw new ArgumentException(refused);
        }
    }

    private static bool PortIsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(System.Net.IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
