using System;
using Capteur.Node.Engine;
using Capteur.Node.Outbox;

namespace Capteur.Bench
{
    /// <summary>
    /// Node-side memory on the nanoCLR (the board's interpreter): free managed heap before and after a 1,000-reading
    /// outbox, with 1,000 readings queued, and after 10,000 readings through the whole publish path.
    /// </summary>
    public static class NodeMemoryBench
    {
        /// <summary>Runs the bench and prints one line per figure.</summary>
        public static void Main()
        {
            const int capacity = 1000;
            long start = nanoFramework.Runtime.Native.GC.Run(false);
            ReadingOutbox empty = new ReadingOutbox(capacity, 8, 1);
            long withOutbox = nanoFramework.Runtime.Native.GC.Run(false);
            Console.WriteLine("nanoclr outbox RAM: " + ((start - withOutbox) / (double)capacity).ToString("F2") + " bytes per queued reading ("
                + (start - withOutbox).ToString() + " bytes for " + capacity.ToString() + ")");

            BenchClock clock = new BenchClock();
            NodeOptions options = new NodeOptions();
            options.BaseTopic = "maison/salon";
            options.CheckpointS = 0;
            options.InfoIntervalS = 0;
            options.OutboxCapacity = capacity;
            OfflineLink offline = new OfflineLink();
            OutboxJournal journal = new OutboxJournal(new NullStorage(), new NullLog(), 0, 512);
            ReadingOutbox outbox = journal.Load(capacity, options.Window);
            NodeEngine engine = new NodeEngine(options, clock, null, offline, journal, outbox, new ISensorChannel[] { new DriftingSensor() }, null, new NullLog(), 1);
            long engineBuilt = nanoFramework.Runtime.Native.GC.Run(false);
            for (int i = 0; i < capacity; i++)
            {
                clock.Advance(1000);
                engine.SampleTick();
            }

            long queued = nanoFramework.Runtime.Native.GC.Run(false);
            Console.WriteLine("nanoclr free heap: " + engineBuilt.ToString() + " bytes with the engine built, " + queued.ToString()
                + " with " + outbox.Count.ToString() + " readings queued (change " + (engineBuilt - queued).ToString() + " bytes)");

            InstantAckLink online = new InstantAckLink();
            NodeEngine live = new NodeEngine(options, clock, null, online, new OutboxJournal(new NullStorage(), new NullLog(), 0, 512),
                new ReadingOutbox(capacity, 8, 1), new ISensorChannel[] { new DriftingSensor() }, null, new NullLog(), 1);
            for (int i = 0; i < 1000; i++)
            {
                clock.Advance(1000);
                live.SampleTick();
                live.NetworkTick();
            }

            long warm = nanoFramework.Runtime.Native.GC.Run(false);
            for (int i = 0; i < 10000; i++)
            {
                clock.Advance(1000);
                live.SampleTick();
                live.NetworkTick();
            }

            long after = nanoFramework.Runtime.Native.GC.Run(false);
            Console.WriteLine("nanoclr publish path: " + online.Publishes.ToString() + " publishes; free heap " + warm.ToString() + " bytes warm, "
                + after.ToString() + " after 10000 more readings (change " + (warm - after).ToString() + " bytes)");
            Console.WriteLine("outbox capacity kept: " + empty.Capacity.ToString());
        }
    }

    /// <summary>A broker that cannot be reached.</summary>
    internal sealed class OfflineLink : Capteur.Node.Ports.IMqttLink
    {
        public void SetListener(Capteur.Node.Ports.IMqttLinkListener listener)
        {
        }

        public int Connect(Capteur.Node.Ports.MqttConnectOptions options)
        {
            return -1;
        }

        public string LastError
        {
            get { return ""; }
        }

        public bool IsConnected
        {
            get { return false; }
        }

        public void Disconnect()
        {
        }

        public int Publish(string topic, byte[] buffer, int offset, int count, int qos, bool retain)
        {
            return -1;
        }
    }
}
