namespace Capteur.Node.Shell
{
    /// <summary>One network found by <c>wifi scan</c>.</summary>
    public sealed class ShellWifiNetwork
    {
        /// <summary>The network name; empty for a hidden network.</summary>
        public string Ssid = "";

        /// <summary>Signal strength in dBm, e.g. -61.</summary>
        public int RssiDbm;
    }
}
