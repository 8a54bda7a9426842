using System;
using System.Device.Wifi;
using System.Net.NetworkInformation;
using System.Threading;
using Capteur.Node.Ports;
using nanoFramework.Networking;

namespace Capteur.Firmware.Adapters
{
    /// <summary>
    /// The Wi-Fi station through <see cref="WifiNetworkHelper"/>. Each <see cref="Connect"/> to a network other than
    /// the stored one rewrites the stored Wi-Fi configuration in flash, so call it when the link is down, not on a
    /// timer. The ESP32 firmware starts SNTP by itself once it has an address.
    /// </summary>
    internal sealed class WifiStation : IWifi
    {
        private const string NoAddress = "0.0.0.0";

        private string _lastError = "";
        private WifiAdapter _adapter;
        private AutoResetEvent _scanDone;

        /// <summary>Why the last <see cref="Connect"/> failed, empty after a success (for the log).</summary>
        public string LastError
        {
            get { return _lastError; }
        }

        /// <inheritdoc />
        public bool Connect(string ssid, string password, int timeoutMs)
        {
            bool connected;
            // Without a token ConnectDhcp waits for an address forever.
            using (CancellationTokenSource timeout = new CancellationTokenSource(timeoutMs))
            {
                connected = WifiNetworkHelper.ConnectDhcp(
                    ssid, password, WifiReconnectionKind.Automatic, false, 0, timeout.Token);
            }

            if (connected)
            {
                _lastError = "";
                return true;
            }

            // NetworkHelperStatus prints as its number on nanoFramework (no enum names).
            Exception cause = WifiNetworkHelper.HelperException;
            _lastError = "wifi: joining '" + ssid + "' failed within " + timeoutMs.ToString() + " ms (helper status "
                + ((int)WifiNetworkHelper.Status).ToString()
                + (cause == null ? "" : ", " + cause.Message) + ")";
            return false;
        }

        /// <inheritdoc />
        public bool IsConnected
        {
            get { return IpAddress.Length > 0; }
        }

        /// <summary>Always 0: System.Device.Wifi reports RSSI only for scanned networks, not for the joined one.</summary>
        public int Rssi
        {
            get { return 0; }
        }

        /// <inheritdoc />
        public string IpAddress
        {
            get
            {
                NetworkInterface[] interfaces = NetworkInterface.GetAllNetworkInterfaces();
                for (int i = 0; i < interfaces.Length; i++)
                {
                    if (interfaces[i].NetworkInterfaceType == NetworkInterfaceType.Wireless80211)
                    {
                        string address = interfaces[i].IPv4Address;
                        return address == null || address == NoAddress ? "" : address;
                    }
                }

                return "";
            }
        }

        /// <inheritdoc />
        public int Scan(string[] ssids, int[] rssiDbm, int timeoutMs)
        {
            try
            {
                if (_adapter == null)
                {
                    _adapter = WifiAdapter.FindAllAdapters()[0];
                    _scanDone = new AutoResetEvent(false);
                    _adapter.AvailableNetworksChanged += OnScanDone;
                }

                _scanDone.Reset();
                _adapter.ScanAsync();
                _scanDone.WaitOne(timeoutMs, false);
                WifiAvailableNetwork[] networks = _adapter.NetworkReport.AvailableNetworks;
                int found = 0;
                for (int i = 0; i < networks.Length && found < ssids.Length; i++)
                {
                    ssids[found] = networks[i].Ssid;
                    rssiDbm[found] = (int)networks[i].NetworkRssiInDecibelMilliwatts;
                    found++;
                }

                return found;
            }
            catch (Exception e)
            {
                // InvalidOperationException before the radio starts, busy while joining: an empty scan, said in the log
                _lastError = "wifi: scan failed: " + e.Message;
                return 0;
            }
        }

        private void OnScanDone(WifiAdapter sender, object e)
        {
            _scanDone.Set();
        }
    }
}
