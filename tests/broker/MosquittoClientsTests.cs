using Capteur.Broker.Tests.Support;

namespace Capteur.Broker.Tests;

/// <summary>Debian's mosquitto_pub / mosquitto_sub against `capteur broker` (package mosquitto-clients).</summary>
[TestClass]
public sealed class MosquittoClientsTests
{
    [TestMethod]
    [DataRow("mqttv311")]
    [DataRow("mqttv5")]
    public async Task Mosquitto_pub_retained_message_reaches_a_later_mosquitto_sub(string protocol)
    {
        using var data = new TempDirectory();
        using var broker = await BrokerProcess.StartBrokerAsync(data.Path, "--bind", "127.0.0.1");
        var port = broker.Port.ToString();
        var pub = await Mosquitto.RunAsync("mosquitto_pub", "-h", "127.0.0.1", "-p", port, "-V", protocol, "-t", "capteur/n1/status", "-m", "online", "-r", "-q", "1");
        Assert.AreEqual(0, pub.ExitCode, pub.Error);
        var sub = await Mosquitto.RunAsync("mosquitto_sub", "-h", "127.0.0.1", "-p", port, "-V", protocol, "-t", "capteur/#", "-C", "1", "-W", "10", "-v");
        Assert.AreEqual(0, sub.ExitCode, sub.Error);
        Assert.AreEqual("capteur/n1/status online\n", sub.Output);
    }

    [TestMethod]
    public async Task Mosquitto_sub_persistent_session_gets_messages_queued_across_a_kill_9()
    {
        using var data = new TempDirectory();
        string port;
        using (var broker = await BrokerProcess.StartBrokerAsync(data.Path, "--bind", "127.0.0.1"))
        {
            port = broker.Port.ToString();
            var first = await Mosquitto.RunAsync("mosquitto_sub", "-h", "127.0.0.1", "-p", port, "-i", "archiver", "-c", "-q", "1", "-t", "q/#", "-E");
            Assert.AreEqual(0, first.ExitCode, first.Error);
            for (var i = 1; i <= 3; i++)
            {
                var pub = await Mosquitto.RunAsync("mosquitto_pub", "-h", "127.0.0.1", "-p", port, "-t", "q/x", "-m", $"m{i}", "-q", "1");
                Assert.AreEqual(0, pub.ExitCode, pub.Error);
            }

            broker.Kill9();
        }

        using var restarted = await BrokerProcess.StartBrokerAsync(data.Path, "--bind", "127.0.0.1");
        var again = await Mosquitto.RunAsync("mosquitto_sub", "-h", "127.0.0.1", "-p", restarted.Port.ToString(), "-i", "archiver", "-c", "-q", "1", "-t", "q/#", "-C", "3", "-W", "10");
        Assert.AreEqual(0, again.ExitCode, again.Error);
        Assert.AreEqual("m1\nm2\nm3\n", again.Output);
    }

    [TestMethod]
    public async Task Mosquitto_sub_sees_the_sys_broker_topics()
    {
        using var data = new TempDirectory();
        using var broker = BrokerProcess.Start("broker", "--port", "0", "--bind", "127.0.0.1", "--data", data.Path, "--sys-interval", "1");
        await broker.WaitForReadyAsync();
        var sub = await Mosquitto.RunAsync("mosquitto_sub", "-h", "127.0.0.1", "-p", broker.Port.ToString(), "-t", "$SYS/broker/version", "-t", "$SYS/broker/clients/connected", "-C", "2", "-W", "10", "-v");
        Assert.AreEqual(0, sub.ExitCode, sub.Error);
        StringAssert.Contains(sub.Output, "$SYS/broker/version capteur broker 0.1.0 (MQTTnet 5.2.0)");
        StringAssert.Contains(sub.Output, "$SYS/broker/clients/connected ");
    }
}
