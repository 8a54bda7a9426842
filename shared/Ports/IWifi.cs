namespace Capteur.Node.Ports
{
    /// <summary>The station interface.</summary>
    public interface IWifi
    {
        /// <summary>Joins the network and waits for an address, at most <paramref name="timeoutMs"/>; true on success.</summary>
        bool Connect(string ssid, string password, int timeoutMs);

        /// <summary>True while associated with an IPv4 address.</summary>
        bool IsConnected { get; }

        /// <summary>Signal strength in dBm (0 when unknown).</summary>
        int Rssi { get; }

        /// <summary>The IPv4 address as text, or an empty string when there is none.</summary>
        string IpAddress { get; }

        /// <summary>
        /// Scans for networks, waiting at most <paramref name="timeoutMs"/>; fills <paramref name="ssids"/> and
        /// <paramref name="rssiDbm"/> (as many as they hold) and returns how many were found.
        /// </summary>
        int Scan(string[] ssids, int[] rssiDbm, int timeoutMs);
    }
}
