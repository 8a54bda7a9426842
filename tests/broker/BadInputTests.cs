using System.Net.Sockets;
using Capteur.Broker.Tests.Support;

namespace Capteur.Broker.Tests;

/// <summary>Malformed and hostile input closes the offending connection with a log line; the broker and other clients carry on.</summary>
[TestClass]
public sealed class BadInputTests
{
    [TestMethod]
    public async Task Thousands_of_random_and_mutated_packets_leave_the_broker_serving()
    {
        using var data = new TempDirectory();
        using var broker = await BrokerProcess.StartBrokerAsync(data.Path, "--bind", "127.0.0.1", "--connect-timeout-ms", "2000");
        await using var bystander = await TestClient.ConnectAsync(broker.Port, "bystander");
        await bystander.SubscribeAsync("fuzz/#");

        var random = new Random(20261123);
        var seeds = new[]
        {
            RawPackets.Connect("fuzz").Concat(RawPackets.Subscribe(1, "fuzz/#", 1)).Concat(RawPackets.Publish("fuzz/a", [1, 2, 3])).ToArray(),
            RawPackets.Connect("fuzz5", level: 5).Concat(RawPackets.PingRequest()).ToArray(),
            RawPackets.Connect("fuzz").Concat(RawPackets.Publish("fuzz/b", new byte[300])).ToArray(),
        };
        var cases = new List<byte[]>();
        for (var i = 0; i < 3000; i++)
        {
            var seed = seeds[i % seeds.Length];
            cases.Add((i % 4) switch
            {
                0 => RandomBytes(random, random.Next(1, 200)),
                1 => Flip(random, seed),
                2 => seed.Take(random.Next(1, seed.Length)).Concat(RandomBytes(random, random.Next(0, 50))).ToArray(),
                _ => Insert(random, seed),
            });
        }

        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (bytes, _) =>
        {
            using var socket = await RawPackets.OpenAsync(broker.Port);
            try
            {
                await socket.SendAsync(bytes, SocketFlags.None);
                socket.Shutdown(SocketShutdown.Send);
                await RawPackets.WaitForServerCloseAsync(socket, TimeSpan.FromSeconds(5));
            }
            catch (SocketException)
            {
                // The broker may reset the connection before everything is sent: that is the point.
            }
        });

        Assert.IsFalse(broker.HasExited);
        await using var after = await TestClient.ConnectAsync(broker.Port, "after-fuzz");
        var marker = $"still serving {Guid.NewGuid()}";
        await after.PublishAsync("fuzz/marker", marker);
        await Wait.UntilAsync(() => bystander.ReceivedTexts.Contains("fuzz/marker=" + marker), TimeSpan.FromSeconds(10), "the bystander to get the marker");
        Assert.IsTrue(bystander.Client.IsConnected);
        Assert.IsTrue(broker.Output.Lines.Any(l => l.Contains("warning:", StringComparison.Ordinal)), "bad connections are logged");
    }

    [TestMethod]
    public async Task Malformed_connect_is_closed_with_a_log_line_naming_the_address_and_the_problem()
    {
        await using var broker = await InProcessBroker.StartAsync();
        using var socket = await RawPackets.OpenAsync(broker.Port);
        var local = socket.LocalEndPoint!.ToString();
        var connect = RawPackets.Connect("bad");
        connect[7] = (byte)'X'; // protocol name "MQTX" (MQTT 3.1.1 §3.1.2.1 requires "MQTT")
        await socket.SendAsync(connect, SocketFlags.None);
        Assert.IsTrue(await RawPackets.WaitForServerCloseAsync(socket, TimeSpan.FromSeconds(10)));
        await Wait.UntilAsync(() => broker.Log.Contains($"{local}: connection closed: malformed packet: Protocol 'MQTX' not supported."), TimeSpan.FromSeconds(5), "the log line");
    }

    [TestMethod]
    public async Task Oversized_packet_closes_only_that_connection_with_a_log_line()
    {
        await using var broker = await InProcessBroker.StartAsync(o => o.MaxPacketBytes = 1024);
        await using var bystander = await TestClient.ConnectAsync(broker.Port, "bystander");
        using var socket = await RawPackets.OpenAsync(broker.Port);
        await socket.SendAsync(RawPackets.Connect("big"), SocketFlags.None);
        await socket.SendAsync(RawPackets.Publish("x", new byte[4000]), SocketFlags.None);
        Assert.IsTrue(await RawPackets.WaitForServerCloseAsync(socket, TimeSpan.FromSeconds(10)));
        await Wait.UntilAsync(() => broker.Log.Contains("connection closed: packet of 4006 bytes exceeds max-packet-bytes 1024"), TimeSpan.FromSeconds(5), "the log line");
        var result = await bystander.PublishAsync("still", "fine");
        Assert.IsTrue(result.IsSuccess);
    }

    [TestMethod]
    public async Task Connections_that_never_send_connect_are_closed_after_the_connect_timeout()
    {
        await using var broker = await InProcessBroker.StartAsync(o => o.ConnectTimeoutMs = 500);
        var sockets = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => RawPackets.OpenAsync(broker.Port)));
        var closed = await Task.WhenAll(sockets.Select(s => RawPackets.WaitForServerCloseAsync(s, TimeSpan.FromSeconds(10))));
        Assert.IsTrue(closed.All(c => c));
        await using var client = await TestClient.ConnectAsync(broker.Port, "after-flood");
        Assert.IsTrue(client.Client.IsConnected);
        foreach (var s in sockets)
        {
            s.Dispose();
        }
    }

    [TestMethod]
    public async Task A_client_silent_beyond_one_and_a_half_keep_alive_periods_is_disconnected()
    {
        await using var broker = await InProcessBroker.StartAsync();
        using var silent = await RawPackets.OpenAsync(broker.Port);
        await silent.SendAsync(RawPackets.Connect("silent", keepAliveSeconds: 1), SocketFlags.None);
        var started = DateTime.UtcNow;

        // MQTT 3.1.1 §3.1.2.10: the server disconnects after 1.5 keep-alive periods without a packet; the deadline leaves room for
        // MQTTnet's 0.5 s monitor interval.
        Assert.IsTrue(await RawPackets.WaitForServerCloseAsync(silent, TimeSpan.FromSeconds(5)));
        Assert.IsTrue(DateTime.UtcNow - started >= TimeSpan.FromSeconds(1.4));
        await Wait.UntilAsync(() => broker.Log.Contains("Client 'silent': Did not receive any packet or keep alive signal"), TimeSpan.FromSeconds(5), "the keep-alive log line");
    }

    [TestMethod]
    public async Task Connections_beyond_max_connections_are_closed_at_once_with_a_log_line()
    {
        await using var broker = await InProcessBroker.StartAsync(o => o.MaxConnections = 2);
        await using var a = await TestClient.ConnectAsync(broker.Port, "a");
        await using var b = await TestClient.ConnectAsync(broker.Port, "b");
        using var third = await RawPackets.OpenAsync(broker.Port);
        Assert.IsTrue(await RawPackets.WaitForServerCloseAsync(third, TimeSpan.FromSeconds(5)));
        Assert.IsTrue(broker.Log.Contains("connection refused: max-connections 2 reached"));
        Assert.IsTrue((await a.PublishAsync("t", "x")).IsSuccess);
    }

    [TestMethod]
    public async Task A_subscriber_that_never_reads_is_disconnected_after_the_write_timeout()
    {
        await using var broker = await InProcessBroker.StartAsync(o => o.WriteTimeoutMs = 500);
        using var stuck = await RawPackets.OpenAsync(broker.Port, receiveBufferBytes: 4096);
        await stuck.SendAsync(RawPackets.Connect("stuck"), SocketFlags.None);
        await stuck.SendAsync(RawPackets.Subscribe(1, "flood/#", 0), SocketFlags.None);
        await using var publisher = await TestClient.ConnectAsync(broker.Port, "publisher");
        await using var other = await TestClient.ConnectAsync(broker.Port, "other");
        await other.SubscribeAsync("flood/#", MQTTnet.Protocol.MqttQualityOfServiceLevel.AtMostOnce);
        var payload = new string('x', 60_000);
        await Wait.UntilAsync(async () =>
        {
            for (var i = 0; i < 20; i++)
            {
                await publisher.PublishAsync("flood/data", payload, MQTTnet.Protocol.MqttQualityOfServiceLevel.AtMostOnce);
            }

            return broker.Log.Contains("connection closed: client did not read for 500 ms (write-timeout-ms)");
        }, TimeSpan.FromSeconds(30), "the stuck subscriber to be disconnected");
        Assert.IsTrue(publisher.Client.IsConnected);
        Assert.IsTrue(other.Client.IsConnected);
    }

    static byte[] RandomBytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    static byte[] Flip(Random random, byte[] seed)
    {
        var copy = (byte[])seed.Clone();
        for (var n = random.Next(1, 4); n > 0; n--)
        {
            copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
        }

        return copy;
    }

    static byte[] Insert(Random random, byte[] seed)
    {
        var at = random.Next(seed.Length);
        return seed.Take(at).Concat(RandomBytes(random, random.Next(1, 8))).Concat(seed.Skip(at)).ToArray();
    }
}
