using Capteur.Node.Config;

namespace Capteur.Node.Shell
{
    /// <summary>
    /// What the console needs from the running node, implemented by the node's wiring (firmware or virtual node).
    /// Not a port: no hardware behind it, only the node's own state, which the shell must not reach into. Calls
    /// come from the console's thread; an exception thrown by a call is shown as that command's error.
    /// </summary>
    public interface IShellHost
    {
        /// <summary>A snapshot for <c>status</c> and <c>outbox</c>.</summary>
        ShellStatus Status();

        /// <summary>Samples every configured sensor now (<c>read</c>), in slot order; empty when none is configured.</summary>
        ShellReading[] ReadSensorsNow();

        /// <summary>Scans for Wi-Fi networks (<c>wifi scan</c>), in any order; empty when none was found.</summary>
        ShellWifiNetwork[] ScanWifi();

        /// <summary>
        /// Publishes a test message (<c>publish test</c>); true when it went out. <paramref name="message"/> says what
        /// happened either way, e.g. <c>published to capteur/kitchen/test</c> or what to fix.
        /// </summary>
        bool PublishTest(out string message);

        /// <summary>Reboots the node. Called once the output of the line that asked for it has been written.</summary>
        void RequestReboot();

        /// <summary>
        /// The config on flash changed (<c>save</c>, <c>factory-reset</c>): <paramref name="config"/> is a copy of what
        /// is now stored, for the node to apply (new broker, topic, sensors) or to reboot on.
        /// </summary>
        void ConfigSaved(NodeConfig config);
    }
}
