using System.Diagnostics;
using Capteur.Desktop.Tests.Infrastructure;
using Capteur.Interop.Tests.Peers;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Capteur.Interop.Tests.Cluster;

/// <summary>
/// <see cref="RabbitMq"/> itself: a node of our own (no system service), ready when it says so, stopped and killed by
/// process id, with the times each step takes on this machine.
/// </summary>
[TestClass]
[TestCategory("full")]
public class RabbitMqNodeTests
{
    [TestMethod]
    [Timeout(300000)]
    public async Task A_single_node_accepts_mqtt_once_ready_and_stops_by_sigterm_and_by_sigkill()
    {
        var first = Stopwatch.StartNew();
        using RabbitMq rabbit = RabbitMq.StartSingle();
        first.Stop();
        TimeSpan boot = rabbit.StartTook;
        Assert.AreEqual("Success", await ConnackProbe.Connect(rabbit.Port), $"{rabbit.Name} accepts MQTT once ready");
        Assert.IsTrue(rabbit.Pid > 0 && rabbit.IsRunning);
        StringAssert.StartsWith(RabbitMq.Version, "RabbitMQ 3.");

        TimeSpan stop = rabbit.Stop(TimeSpan.FromSeconds(30));
        Assert.IsFalse(rabbit.IsRunning, "SIGTERM stopped the VM");
        Assert.IsFalse(FreePort.IsListening(rabbit.Port), "nothing listens on its MQTT port after the stop");

        rabbit.Start();
        rabbit.WaitReady(TimeSpan.FromSeconds(120));
        Assert.AreEqual("Success", await ConnackProbe.Connect(rabbit.Port), "it restarts on its folder, name and ports");
        int pid = rabbit.Pid;
        var kill = Stopwatch.StartNew();
        rabbit.Kill9();
        Assert.IsFalse(rabbit.IsRunning, $"SIGKILL ended the VM (pid {pid})");
        Console.WriteLine($"{RabbitMq.Version} {rabbit.Name}: StartSingle {first.Elapsed.TotalSeconds:F1} s (boot to ready {boot.TotalSeconds:F1} s), restart {rabbit.StartTook.TotalSeconds:F1} s, "
            + $"SIGTERM stop {stop.TotalSeconds:F1} s, SIGKILL {kill.Elapsed.TotalSeconds:F1} s");
    }
}
