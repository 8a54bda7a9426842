using System.Diagnostics;
using System.Text.Json;
using Capteur.Interop.Tests.Peers;

namespace Capteur.Interop.Tests.Cluster;

/// <summary>
/// A RabbitMQ cluster on this machine: two or three <see cref="RabbitMq"/> nodes (capteur-a@localhost, capteur-b@...,
/// each with its own MQTT, AMQP and distribution ports) sharing one epmd of their own and one cookie. The first member
/// boots alone (from the template); the others then boot together and join it at boot (peer discovery
/// <c>classic_config</c> naming the first member: the config-file form of <c>rabbitmqctl stop_app; join_cluster A;
/// start_app</c>, without its three CLI round trips, each about 1 s here).
/// </summary>
internal sealed class RabbitCluster : IDisposable
{
    private readonly ErlangDistribution _erlang;

    private RabbitCluster(ErlangDistribution erlang, RabbitMq[] members)
    {
        _erlang = erlang;
        Members = members;
    }

    /// <summary>The members, the first one first.</summary>
    public IReadOnlyList<RabbitMq> Members { get; }

    /// <summary>How long the whole cluster took to be ready.</summary>
    public TimeSpan StartTook { get; private set; }

    /// <summary>Boots a cluster of <paramref name="size"/> members (2 or 3) and checks that every member runs in it.</summary>
    public static RabbitCluster Start(int size)
    {
        RabbitMq.RequireInstalled();
        var took = Stopwatch.StartNew();
        ErlangDistribution erlang = ErlangDistribution.Start();
        var members = new List<RabbitMq>();
        try
        {
            RabbitMq first = RabbitMq.CreateFirst(erlang);
            members.Add(first);
            first.Start();
            first.WaitReady(TimeSpan.FromSeconds(120));
            string[] join =
            [
                "cluster_formation.peer_discovery_backend = classic_config",
                $"cluster_formation.classic_config.nodes.1 = {first.Name}",
            ];
            for (int i = 1; i < size; i++)
            {
                members.Add(RabbitMq.Create(erlang, ((char)('a' + i)).ToString(), join));
            }

            foreach (RabbitMq member in members.Skip(1))
            {
                member.Start();
            }

            foreach (RabbitMq member in members.Skip(1))
            {
                member.WaitReady(TimeSpan.FromSeconds(120));
            }

            var cluster = new RabbitCluster(erlang, [.. members]);
            string[] running = cluster.RunningNodes(first);
            foreach (RabbitMq member in members)
            {
                if (!running.Contains(member.Name))
                {
                    throw new InvalidOperationException($"{member.Name} is not a running member of the cluster (running: {string.Join(", ", running)}):\n{member.Tail()}");
                }
            }

            cluster.StartTook = took.Elapsed;
            return cluster;
        }
        catch
        {
            foreach (RabbitMq member in members)
            {
                member.Dispose();
            }

            erlang.Dispose();
            throw;
        }
    }

    /// <summary>The nodes <paramref name="member"/> sees running in its cluster (<c>rabbitmqctl cluster_status</c>).</summary>
    public string[] RunningNodes(RabbitMq member)
    {
        string json = member.CtlOk(TimeSpan.FromSeconds(60), "cluster_status", "--formatter", "json");
        using JsonDocument status = JsonDocument.Parse(json[json.IndexOf('{')..]);
        return [.. status.RootElement.GetProperty("running_nodes").EnumerateArray().Select(n => n.GetString()!)];
    }

    /// <summary>
    /// The MQTT plugin's client-ID tracker (a Raft cluster named mqtt_node, one member per node) as
    /// <paramref name="member"/> sees it: <c>ra:members</c>, which names the leader, or times out (after 5 s) when there
    /// is none, as when a majority of its members is gone.
    /// </summary>
    public static string ClientIdTracker(RabbitMq member)
        => string.Join(" ", member.Ctl(TimeSpan.FromSeconds(60), "eval", "ra:members({mqtt_node, node()}).").Output.Split((char[])['\n', ' '], StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The node on which queue <paramref name="queue"/> runs (its process id names it), or null when there is no such queue.</summary>
    public static string? QueueNode(RabbitMq member, string queue)
    {
        // "mqtt-subscription-watchqos1	<capteur-b-1a2b3c@localhost.1795451374.1477.0>" (the JSON formatter shows local pids)
        string table = member.CtlOk(TimeSpan.FromSeconds(60), "-q", "--no-table-headers", "list_queues", "name", "pid");
        foreach (string line in table.Split('\n'))
        {
            string[] columns = line.Split('\t');
            if (columns.Length == 2 && columns[0] == queue && columns[1].Contains('@', StringComparison.Ordinal))
            {
                string pid = columns[1].Trim().Trim('<', '>');
                return pid[..pid.IndexOf('.', pid.IndexOf('@'))];
            }
        }

        return null;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (RabbitMq member in Members)
        {
            member.Dispose();
        }

        _erlang.Dispose();
    }
}
