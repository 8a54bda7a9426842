using System.Globalization;
using System.Net;
using Capteur.Broker;
using Capteur.Broker.Logging;
using Capteur.Broker.Transport;
using Capteur.Dashboard;
using Capteur.Recorder;
using Capteur.Watch;

namespace Capteur.Cli.Commands;

/// <summary>The dashboard flags: <c>--dashboard [ADDR:]PORT</c> read, and the dashboard started with the lines it prints.</summary>
public static class DashboardAddress
{
    /// <summary>Reads <c>PORT</c> (on 127.0.0.1), <c>ADDR:PORT</c> or <c>[IPv6]:PORT</c>; port 0 = a free port.</summary>
    /// <exception cref="ArgumentException">With the flag, the value and an example.</exception>
    public static (string Bind, int Port) Parse(string text, string option)
    {
        string bind = "127.0.0.1";
        string port = text;
        int colon = text.LastIndexOf(':');
        if (colon >= 0)
        {
            bind = text[..colon].Trim('[', ']');
            port = text[(colon + 1)..];
        }

        if (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out int number) || number > 65535
            || (colon >= 0 && !IPAddress.TryParse(bind, out _)))
        {
            throw new ArgumentException($"{option}: \"{text}\" is not [ADDR:]PORT with an IP address and a port 0..65535 (e.g. 8080, or 0.0.0.0:8080 for phones on the network)");
        }

        return (bind, number);
    }

    /// <summary>
    /// Starts the dashboard on <paramref name="bind"/>:<paramref name="port"/>, or on a free port when
    /// <paramref name="orFreePort"/> and that port is taken; watches the broker at 127.0.0.1:<paramref name="brokerPort"/>.
    /// </summary>
    public static async Task<DashboardHost> StartAsync(string bind, int port, bool orFreePort, int brokerPort, string filter,
        ReadingStore? store, string historyHint, CancellationToken cancellationToken)
    {
        var options = new DashboardOptions
        {
            Bind = bind,
            Port = port,
            BrokerHost = "127.0.0.1",
            BrokerPort = brokerPort,
            TopicFilter = filter,
            Store = store,
            HistoryOffHint = historyHint,
        };
        try
        {
            return await DashboardHost.StartAsync(options, cancellationToken);
        }
        catch (DashboardBindException) when (orFreePort && port != 0)
        {
            options.Port = 0;
            return await DashboardHost.StartAsync(options, cancellationToken);
        }
    }

    /// <summary>
    /// `capteur broker --dashboard [ADDR:]PORT`: the dashboard watching <paramref name="broker"/> over its own listener
    /// (127.0.0.1 when it listens on every interface), with the recorder's <paramref name="store"/> for history (null
    /// without --record). With a password file (<c>--passwd</c>) it asks for a login: a user of that file who may read every
    /// topic (<see cref="BrokerHost.CheckReaderAsync"/>); refusals of a given login are logged. Logs its address, and a
    /// warning when other devices can read it without a login.
    /// </summary>
    /// <exception cref="DashboardBindException">The address cannot be listened on.</exception>
    public static async Task<DashboardHost> StartForBrokerAsync(BrokerHost broker, (string Bind, int Port) at, ReadingStore? store, BrokerLog log, CancellationToken cancellationToken)
    {
        IPEndPoint mqtt = broker.Listeners.First(l => l.Kind == ListenerKind.Mqtt).EndPoint;
        string host = IPAddress.Any.Equals(mqtt.Address) ? "127.0.0.1" : IPAddress.IPv6Any.Equals(mqtt.Address) ? "::1" : mqtt.Address.ToString();
        const string hint = "History is off: start the broker with --record to keep every reading and chart it here.";
        var options = new DashboardOptions
        {
            Bind = at.Bind, Port = at.Port, BrokerHost = host, BrokerPort = mqtt.Port, Store = store, HistoryOffHint = hint,
            Login = new MqttLogin(BrokerHost.InternalUserName, broker.InternalPassword), // reads every topic, whatever --anonymous and --acl say
            Authorize = broker.HasPasswordFile ? (user, password, cancellation) => CheckLoginAsync(broker, log, user, password, cancellation) : null,
        };
        DashboardHost dashboard = await DashboardHost.StartAsync(options, cancellationToken);
        foreach (string line in Lines(dashboard, at.Bind))
        {
            if (line.StartsWith("warning: ", StringComparison.Ordinal))
            {
                log.Warning(line["warning: ".Length..]);
            }
            else
            {
                log.Info(line);
            }
        }

        return dashboard;
    }

    private static async Task<DashboardAccess> CheckLoginAsync(BrokerHost broker, BrokerLog log, string user, string password, CancellationToken cancellationToken)
    {
        if (await broker.CheckReaderAsync(user, password, cancellationToken) is not { } refusal)
        {
            return DashboardAccess.Allow;
        }

        log.Warning($"dashboard: {refusal.Reason}");
        return refusal.KnownUser ? DashboardAccess.Forbidden($"dashboard: {refusal.Reason}") : DashboardAccess.WrongLogin($"dashboard: {refusal.Reason}");
    }

    /// <summary>
    /// The start-up line(s): the address (and that it asks for a login), and on every interface without a login a warning
    /// that anyone on the network can read it.
    /// </summary>
    public static IEnumerable<string> Lines(DashboardHost dashboard, string bind)
    {
        if (dashboard.RequiresLogin)
        {
            yield return $"dashboard on {dashboard.Url}" + (dashboard.ListensOnEveryInterface ? $" (every interface: other devices use this machine's address, port {dashboard.Url.Port})" : "")
                + "; login: a user of the broker's password file";
            yield break;
        }

        if (!dashboard.ListensOnEveryInterface && !IPAddress.IsLoopback(IPAddress.Parse(bind)))
        {
            yield return $"dashboard on {dashboard.Url}";
            yield return $"warning: the dashboard on {bind} is unauthenticated: anyone who can reach this address can read the fleet's readings (read-only)";
            yield break;
        }

        if (dashboard.ListensOnEveryInterface)
        {
            yield return $"dashboard on {dashboard.Url} (every interface: other devices use this machine's address, port {dashboard.Url.Port})";
            yield return "warning: the dashboard is unauthenticated: anyone on the network can read the fleet's readings (read-only); --dashboard PORT keeps it on this machine";
            yield break;
        }

        yield return $"dashboard on {dashboard.Url}";
    }
}
