using Capteur.Desktop.Tests.Infrastructure;

namespace Capteur.Desktop.Tests.ConsoleTools;

/// <summary>
/// A virtual node as `capteur node --console PTY` runs it (its own process: it can be SIGKILLed), with its console on
/// the node end of a <see cref="PtyPair"/> and its config in <see cref="Data"/>/capteur.cfg.
/// </summary>
internal static class ConsoleNode
{
    /// <summary>Starts the node on <paramref name="brokerPort"/> under <paramref name="topic"/>; returned once it has started (its console is then up).</summary>
    public static CapteurProcess Start(PtyPair pty, string data, int brokerPort, string topic)
    {
        CapteurProcess node = CapteurProcess.Start("node", "--console", pty.NodeEnd, "--data", data, "--topic", topic,
            "--broker", $"127.0.0.1:{brokerPort}", "--interval", "100ms", "--set", "node.info_s=0");
        node.StartSeq();
        return node;
    }

    /// <summary>The config file of the node whose data folder is <paramref name="data"/>.</summary>
    public static string ConfigPath(string data) => Path.Combine(data, "capteur.cfg");
}
