using System.CommandLine;
using Capteur.Node.Ports;
using Capteur.VirtualNode;
using Capteur.VirtualNode.Adapters;

namespace Capteur.Cli.Commands;

/// <summary>
/// `capteur node`: a virtual node, the same shared core and engine as the firmware, with simulated sensors and real
/// MQTT, until Ctrl+C / SIGTERM. Works against any broker.
/// </summary>
public static class NodeCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var broker = new Option<string[]>("--broker", "-b") { Description = "Broker HOST:PORT; several (or a comma list) for failover, tried in order (default localhost:1883)", AllowMultipleArgumentsPerToken = true };
        var topic = new Option<string>("--topic", "-t") { Description = "Base topic of the node (node.topic, e.g. maison/salon)" };
        var interval = new Option<string>("--interval", "-i") { Description = "Sample interval of the temperature sensor (e.g. 100ms, 10s)" };
        var data = new Option<string>("--data", "-d") { Description = "Data folder: the persisted outbox and capteur.cfg (default a per-user folder named after the topic)" };
        var config = new Option<string>("--config", "-c") { Description = "Config file in the node's own format (the keys of the serial console); default DATA/capteur.cfg" };
        var set = new Option<string[]>("--set") { Description = "Any config key for this run, KEY=VALUE (repeatable)" };
        var seed = new Option<int>("--seed") { Description = "Seed of the simulated sensors (default from the topic)" };
        var console = new Option<string>("--console") { Description = "Serve the node's serial console on this serial device or pty path, or on this terminal with -" };
        var command = new Command("node", "Run a virtual node: simulated TMP36 and door contact through the real node engine, over real MQTT.")
        {
            broker, topic, interval, data, config, set, seed, console,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            try
            {
                string nodeTopic = result.GetValue(topic) ?? "maison/salon";
                var overrides = new List<KeyValuePair<string, string>>();
                if (result.GetValue(topic) is string t)
                {
                    overrides.Add(new("node.topic", t));
                }

                if (result.GetValue(broker) is { Length: > 0 } brokers)
                {
                    // as given (a HOST without a port keeps mqtt.port), once each entry is known to read
                    string list = string.Join(",", brokers.SelectMany(b => b.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
                    CliValues.Brokers([list], "--broker");
                    overrides.Add(new("mqtt.host", list));
                }

                if (result.GetValue(interval) is string every)
                {
                    overrides.Add(new("sensor1.interval_ms", CliValues.DurationMs(every, "--interval").ToString()));
                }

                foreach (string s in result.GetValue(set) ?? [])
                {
                    overrides.Add(CliValues.Setting(s));
                }

                string folder = Path.GetFullPath(result.GetValue(data) ?? DefaultDataFolder(nodeTopic));
                string? consolePath = result.GetValue(console);
                using TerminalConsole? terminal = consolePath is null ? null : TerminalConsole.Open(consolePath);
                int nodeSeed = result.GetValue(seed) is int s2 and not 0 ? s2 : nodeTopic.Aggregate(17, (h, c) => unchecked((h * 31) + c)) & 0x7FFFFFFF;
                using var runner = new VirtualNodeRunner(folder, result.GetValue(config), nodeTopic, overrides, terminal?.Line,
                    topicName => new TextLog(consolePath == "-" ? TextWriter.Null : Console.Error, topicName), nodeSeed);
                List<string> problems = runner.Start();
                if (problems.Count > 0 && terminal is null)
                {
                    foreach (string problem in problems)
                    {
                        await Console.Error.WriteLineAsync($"capteur node: {problem}");
                    }

                    return 2;
                }

                await Task.Run(() => runner.Run(cancellationToken), CancellationToken.None);
                return 0;
            }
            catch (ArgumentException e)
            {
                await Console.Error.WriteLineAsync($"capteur node: {e.Message}");
                return 2;
            }
        });
        return command;
    }

    /// <summary>The per-user data folder of a virtual node: .../capteur/nodes/&lt;topic with / as -&gt;.</summary>
    public static string DefaultDataFolder(string topic)
    {
        string root = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create);
        return Path.Combine(root, "capteur", "nodes", topic.Replace('/', '-'));
    }
}
