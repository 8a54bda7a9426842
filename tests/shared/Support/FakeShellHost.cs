using System;
using Capteur.Node.Config;
using Capteur.Node.Shell;

namespace Capteur.Node.Tests.Support
{
    /// <summary>A node behind the console whose answers the test sets, and which records what the shell asked of it.</summary>
    public sealed class FakeShellHost : IShellHost
    {
        /// <summary>What <see cref="Status"/> returns.</summary>
        public ShellStatus StatusSnapshot = new ShellStatus();

        /// <summary>What <see cref="ReadSensorsNow"/> returns.</summary>
        public ShellReading[] Readings = new ShellReading[0];

        /// <summary>What <see cref="ScanWifi"/> returns.</summary>
        public ShellWifiNetwork[] Networks = new ShellWifiNetwork[0];

        /// <summary>What <see cref="PublishTest"/> returns.</summary>
        public bool PublishOk = true;

        /// <summary>The message <see cref="PublishTest"/> gives.</summary>
        public string PublishMessage = "published to capteur/node/test";

        /// <summary>When set, every call but <see cref="RequestReboot"/> and <see cref="ConfigSaved"/> throws this message.</summary>
        public string ThrowMessage;

        /// <summary>Number of <see cref="RequestReboot"/> calls.</summary>
        public int Reboots;

        /// <summary>Number of <see cref="ConfigSaved"/> calls.</summary>
        public int SavedCount;

        /// <summary>The config of the last <see cref="ConfigSaved"/> call, or null.</summary>
        public NodeConfig LastSaved;

        /// <summary>The terminal whose output length <see cref="RequestReboot"/> records, or null.</summary>
        public FakeShellTerminal Terminal;

        /// <summary>The terminal's output length when <see cref="RequestReboot"/> was called, -1 before.</summary>
        public int OutputAtReboot = -1;

        /// <summary>The terminal's output length at the last call of a node command (status, read, scan, publish), -1 before.</summary>
        public int OutputAtLastCall = -1;

        /// <inheritdoc />
        public ShellStatus Status()
        {
            Fail();
            return StatusSnapshot;
        }

        /// <inheritdoc />
        public ShellReading[] ReadSensorsNow()
        {
            Fail();
            return Readings;
        }

        /// <inheritdoc />
        public ShellWifiNetwork[] ScanWifi()
        {
            Fail();
            return Networks;
        }

        /// <inheritdoc />
        public bool PublishTest(out string message)
        {
            Fail();
            message = PublishMessage;
            return PublishOk;
        }

        /// <inheritdoc />
        public void RequestReboot()
        {
            Reboots++;
            OutputAtReboot = Terminal == null ? -1 : Terminal.Output.Length;
        }

        /// <inheritdoc />
        public void ConfigSaved(NodeConfig config)
        {
            SavedCount++;
            LastSaved = config;
        }

        /// <summary>A reading of a working sensor.</summary>
        public static ShellReading Reading(string name, double value, int decimals, string unit)
        {
            ShellReading reading = new ShellReading();
            reading.Name = name;
            reading.Value = value;
            reading.Decimals = decimals;
            reading.Unit = unit;
            return reading;
        }

        /// <summary>A network found by a scan.</summary>
        public static ShellWifiNetwork Network(string ssid, int rssiDbm)
        {
            ShellWifiNetwork network = new ShellWifiNetwork();
            network.Ssid = ssid;
            network.RssiDbm = rssiDbm;
            return network;
        }

        private void Fail()
        {
            OutputAtLastCall = Terminal == null ? -1 : Terminal.Output.Length;
            if (ThrowMessage != null)
            {
                throw new InvalidOperationException(ThrowMessage);
            }
        }
    }
}
