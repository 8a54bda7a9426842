namespace Capteur.Broker.Tests;

[TestClass]
public sealed class BrokerOptionsTests
{
    [TestMethod]
    public void Defaults_are_valid_and_listen_on_every_interface_without_anonymous_clients()
    {
        var options = new BrokerOptions();
        Assert.AreEqual(0, options.Validate().Count);
        Assert.AreEqual(1883, options.Port);
        Assert.IsFalse(options.AnonymousAllowed);
        Assert.AreEqual(0, options.MaxQueuedMessagesPerClient);
    }

    [TestMethod]
    public void Out_of_range_values_are_named_with_their_range()
    {
        var options = new BrokerOptions { Port = 70000, Bind = "wifi", MaxPacketBytes = 10, TlsPort = 8883 };
        CollectionAssert.AreEqual(new[]
        {
            "port: 70000 is out of range (0..65535)",
            "bind: 'wifi' is not an IP address (use 0.0.0.0 for every interface, 127.0.0.1 for this machine only)",
            "tls-port: 8883 needs --cert FILE and --key FILE (PEM)",
            "max-packet-bytes: 10 is out of range (64..268435460)",
        }, options.Validate().ToArray());
    }

    [TestMethod]
    public void Config_file_keys_are_the_flag_names_and_unknown_keys_are_refused()
    {
        var dir = Directory.CreateTempSubdirectory().FullName;
        var path = Path.Combine(dir, "broker.json");
        File.WriteAllText(path, """{ "port": 1884, "anonymous": true, "passwd": "users.txt", "queue-overflow": "drop-oldest", "max-queued-messages": 1000 }""");
        var options = new BrokerOptions();
        BrokerConfigFile.Apply(path, options);
        Assert.AreEqual(1884, options.Port);
        Assert.IsTrue(options.Anonymous);
        Assert.AreEqual(Path.Combine(dir, "users.txt"), options.PasswordFile);
        Assert.AreEqual(QueueOverflowPolicy.DropOldest, options.QueueOverflow);
        Assert.AreEqual(1000, options.MaxQueuedMessagesPerClient);

        File.WriteAllText(path, """{ "prot": 1884 }""");
        var error = Assert.ThrowsExactly<BrokerConfigException>(() => BrokerConfigFile.Apply(path, new BrokerOptions()));
        StringAssert.StartsWith(error.Message, $"{path}: unknown key 'prot' (known keys: port, bind, data,");
        Directory.Delete(dir, true);
    }
}
