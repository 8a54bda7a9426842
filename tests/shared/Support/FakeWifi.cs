using Capteur.Node.Ports;

namespace Capteur.Node.Tests.Support
{
    /// <summary>A Wi-Fi station that joins only when the test allows it.</summary>
    public sealed class FakeWifi : IWifi
    {
        private bool _connected;

        /// <summary>True: the next Connect succeeds.</summary>
        public bool InRange = true;

        /// <summary>Connect calls so far.</summary>
        public int Attempts;

        /// <inheritdoc />
        public bool Connect(string ssid, string password, int timeoutMs)
        {
            Attempts++;
            _connected = InRange;
            return _connected;
        }

        /// <inheritdoc />
        public bool IsConnected
        {
            get { return _connected; }
        }

        /// <inheritdoc />
        public int Rssi
        {
            get { return _connected ? -61 : 0; }
        }

        /// <inheritdoc />
        public string IpAddress
        {
            get { return _connected ? "192.0.2.10" : ""; }
        }

        /// <inheritdoc />
        public int Scan(string[] ssids, int[] rssiDbm, int timeoutMs)
        {
            if (!InRange || ssids.Length == 0)
            {
                return 0;
            }

            ssids[0] = "maison";
            rssiDbm[0] = -61;
            return 1;
        }

        /// <summary>The access point goes away.</summary>
        public void Lose()
        {
            _connected = false;
        }
    }
}
