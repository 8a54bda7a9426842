using System;
using System.Text;
using System.Threading;
using Capteur.Firmware.Adapters;
using Capteur.Node.Config;
using Capteur.Node.Ports;
using Capteur.Node.Shell;

namespace Capteur.Firmware
{
    /// <summary>
    /// Entry point of the node firmware: loads the config from flash, prints it (secrets masked), serves the serial
    /// console on COM2 on its own thread (also when the config has problems, so they can be fixed) and runs the node
    /// (<see cref="NodeRunner"/>: sampling on one thread, the network on this one, restarts on a console save).
    /// <para>
    /// Time: nothing to do here. The ESP32 image starts SNTP by itself once Wi-Fi has an address (and
    /// nanoFramework.Networking.Sntp throws NotSupportedException on the virtual ESP32, whose clock is the host's);
    /// until the clock is set the engine queues readings with their uptime and stamps them once it is.
    /// </para>
    /// </summary>
    public static class Program
    {
        /// <summary>Firmware version, printed at boot and reported by the node.</summary>
        public const string Version = "0.1.0";

        /// <summary>Folder of the node's files on the internal flash drive.</summary>
        public const string DataFolder = "capteur";

        /// <summary>Speed of the console UART (8N1), as the USB-TTL adapter's terminal is set.</summary>
        public const int ConsoleBaudRate = 115200;

        private static ShellSession _console;
        private static SerialLine _consoleLine;
        private static NodeRunner _runner;
        private static ConsoleLog _log;

        /// <summary>Boots the node.</summary>
        public static void Main()
        {
            _log = new ConsoleLog();
            NanoSystemStatus system = new NanoSystemStatus();
            Console.WriteLine("Capteur firmware " + Version + ", free memory " + system.FreeMemoryBytes.ToString() + " bytes");
            FlashStorage storage = new FlashStorage(DataFolder);
            NanoClock clock = new NanoClock();
            WifiStation wifi = new WifiStation();
            NodeRunner runner = new NodeRunner(storage, clock, wifi, system, _log, Version);
            ConfigLoadResult loaded = ConfigStore.Load(storage);
            string[] problems = runner.StartNode(loaded);
            StartConsole(loaded.Config, storage, wifi, system, clock, runner, problems);
            runner.Run();
        }

        // The console pins come from the config as loaded at boot: a saved change of console.rx_pin/tx_pin takes
        // effect at the next boot (the console cannot move under the terminal that is typing into it).
        private static void StartConsole(NodeConfig config, FlashStorage storage, WifiStation wifi, NanoSystemStatus system,
            NanoClock clock, NodeRunner runner, string[] problems)
        {
            int rx = BoardProfiles.ConsoleRxPin(config);
            int tx = BoardProfiles.ConsoleTxPin(config);
            SerialLine line;
            try
            {
                line = new SerialLine(rx, tx, ConsoleBaudRate, 500);
            }
            catch (Exception e)
            {
                // No console is no reason to stop the node: it runs on its stored config.
                _log.Write(LogLevel.Error, "console: COM2 (RX GPIO " + rx.ToString() + ", TX GPIO " + tx.ToString() + ") cannot be opened: "
                    + e.Message + "; the node runs without its console");
                return;
            }

            _consoleLine = line;
            _runner = runner;
            NodeShellHost host = new NodeShellHost(wifi, system, clock, runner, Version);
            runner.AttachConsole(host);
            _console = new ShellSession(line, new ShellInterpreter(config, storage, host));
            _console.Start();
            for (int i = 0; i < problems.Length; i++)
            {
                byte[] text = Encoding.UTF8.GetBytes("config: " + problems[i] + "\r\n");
                line.Write(text, 0, text.Length);
            }

            new Thread(ConsoleLoop).Start();
            _log.Write(LogLevel.Info, "console: COM2 at " + ConsoleBaudRate.ToString() + " baud, RX GPIO " + rx.ToString() + ", TX GPIO " + tx.ToString());
        }

        private static void ConsoleLoop()
        {
            byte[] input = new byte[64];
            while (true)
            {
                try
                {
                    int count = _consoleLine.Read(input, 0, input.Length);
                    if (count > 0)
                    {
                        lock (_runner.ConfigLock)
                        {
                            _console.Feed(input, 0, count);
                        }
                    }
                }
                catch (Exception e)
                {
                    // a UART error must not end the console: report it and go on reading
                    _log.Write(LogLevel.Error, "console: " + e.Message);
                    Thread.Sleep(1000);
                }
            }
        }
    }
}
