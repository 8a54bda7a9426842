using System;
using System.Net.NetworkInformation;
using System.Threading;
using Capteur.Firmware.Adapters;
using Capteur.Node.Config;
using Capteur.Node.Engine;
using Capteur.Node.Outbox;
using Capteur.Node.Ports;

namespace Capteur.Firmware
{
    /// <summary>
    /// Entry point of the node firmware: loads the config from flash, prints it (secrets masked), wires the adapters
    /// and runs the shared node engine on two threads, one sampling and one for the network.
    /// </summary>
    public static class Program
    {
        /// <summary>Firmware version, printed at boot and reported by the node.</summary>
        public const string Version = "0.1.0";

        /// <summary>Folder of the node's files on the internal flash drive.</summary>
        public const string DataFolder = "capteur";

        private static NodeEngine _engine;

        /// <summary>Boots the node.</summary>
        public static void Main()
        {
            ConsoleLog log = new ConsoleLog();
            NanoSystemStatus system = new NanoSystemStatus();
            Console.WriteLine("Capteur firmware " + Version + ", free memory " + system.FreeMemoryBytes.ToString() + " bytes");
            FlashStorage storage = new FlashStorage(DataFolder);
            ConfigLoadResult loaded = ConfigStore.Load(storage);
            PrintConfig(loaded.Config);
            foreach (ConfigLoadError error in loaded.Errors)
            {
                log.Write(LogLevel.Error, "config " + storage.Folder + ConfigStore.FileName + " " + error.ToString());
            }

            string[] problems = loaded.Config.Validate();
            foreach (string problem in problems)
            {
                log.Write(LogLevel.Error, "config: " + problem);
            }

            bool noWifi = loaded.Config.Get("wifi.ssid").Length == 0;
            if (noWifi)
            {
                log.Write(LogLevel.Error, "config: wifi.ssid is not set (set wifi.ssid NAME and wifi.password SECRET)");
            }

            if (loaded.HasErrors || problems.Length > 0 || noWifi)
            {
                log.Write(LogLevel.Error, "the node does not start on this config: fix it over the serial console (COM2) and save");
                Thread.Sleep(Timeout.Infinite);
            }

            NodeConfig config = loaded.Config;
            NodeOptions options = NodeSetup.OptionsFrom(config, Version, DefaultClientId());
            ISensorChannel[] sensors = NodeSetup.SensorsFrom(config, new PinInputs(), log);
            OutboxJournal journal = new OutboxJournal(storage, log, options.CheckpointS, 1024);
            ReadingOutbox outbox = journal.Load(options.OutboxCapacity, options.Window);
            NanoClock clock = new NanoClock();
            _engine = new NodeEngine(options, clock, new WifiStation(), new M2MqttLink(), journal, outbox, sensors, system, log,
                (uint)clock.UptimeMs ^ (uint)DateTime.UtcNow.Ticks);
            log.Write(LogLevel.Info, "node " + options.BaseTopic + ": " + sensors.Length.ToString() + " sensors, "
                + outbox.Count.ToString() + " readings waiting from before the restart, next seq " + outbox.NextSeq.ToString());

            new Thread(SampleLoop).Start();
            while (true)
            {
                _engine.NetworkTick();
                _engine.Activity.WaitOne(50, false);
            }
        }

        // Sampling never waits on the network: it has its own thread and takes only the outbox lock.
        private static void SampleLoop()
        {
            while (true)
            {
                _engine.SampleTick();
                long wait = _engine.NextSampleDueMs() - Environment.TickCount64;
                Thread.Sleep(wait < 5 ? 5 : (wait > 1000 ? 1000 : (int)wait));
            }
        }

        // Like esphome's dump_config: every key as the node will use it, secrets masked.
        private static void PrintConfig(NodeConfig config)
        {
            foreach (ConfigKey key in ConfigSchema.Keys)
            {
                if (key.Slot > 0 && !config.IsSlotUsed(key.Slot))
                {
                    continue;
                }

                Console.WriteLine("  " + key.Name + " = " + config.Display(key.Name));
            }
        }

        // "capteur-" and the last three bytes of the MAC address, unique per board, stable across flashes.
        private static string DefaultClientId()
        {
            NetworkInterface[] interfaces = NetworkInterface.GetAllNetworkInterfaces();
            byte[] mac = interfaces.Length > 0 ? interfaces[0].PhysicalAddress : null;
            if (mac == null || mac.Length < 3)
            {
                return "capteur";
            }

            return "capteur-" + mac[mac.Length - 3].ToString("x2") + mac[mac.Length - 2].ToString("x2") + mac[mac.Length - 1].ToString("x2");
        }
    }
}
