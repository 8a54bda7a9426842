using System.CommandLine;
using Capteur.Cli.Watching;
using Capteur.Watch;

namespace Capteur.Cli.Commands;

/// <summary>`capteur watch [FILTER]`: the fleet live, from any MQTT broker.</summary>
public static class WatchCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var filter = new Argument<string>("FILTER") { Description = "Topic filter (default #)", DefaultValueFactory = _ => "#" };
        var broker = new Option<string[]>("--broker", "-b") { Description = "Broker HOST:PORT; several (or a comma list) for failover, tried in order (default localhost:1883)", AllowMultipleArgumentsPerToken = true };
        var json = new Option<bool>("--json") { Description = "One JSON line per reading instead of the live view (for scripts)" };
        var session = new Option<string>("--session") { Description = "Keep a persistent session under this client id: readings published while watch is away arrive when it is back" };
        var command = new Command("watch", "Watch the nodes live: status, latest values, sparklines; duplicates dropped and counted, gaps in seq counted.")
        {
            filter, broker, json, session,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            IReadOnlyList<BrokerAddress> brokers;
            try
            {
                brokers = CliValues.Brokers(result.GetValue(broker) is { Length: > 0 } given ? given : ["localhost:1883"], "--broker");
            }
            catch (ArgumentException e)
            {
                await Console.Error.WriteLineAsync($"capteur watch: {e.Message}");
                return 2;
            }

            var output = new WatchOutput(WatchOutput.ModeFor(result.GetValue(json)), Console.Out);
            await using var client = new WatchClient(brokers, result.GetValue(filter)!, result.GetValue(session));
            client.MessageReceived += output.OnMessage;
            client.ConnectionChanged += line => Console.Error.WriteLine($"capteur watch: {line}");
            try
            {
                await client.StartAsync(TimeSpan.FromSeconds(30));
            }
            catch (TimeoutException e)
            {
                await Console.Error.WriteLineAsync($"capteur watch: {e.Message}");
                return 1;
            }

            await output.ShowAsync($"capteur watch {client.Broker} {result.GetValue(filter)}", cancellationToken);
            foreach (string line in output.Summary())
            {
                await Console.Error.WriteLineAsync(line);
            }

            return 0;
        });
        return command;
    }
}
