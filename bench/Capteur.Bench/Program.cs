using System;
using Capteur.Node.Engine;
using Capteur.Node.Outbox;

namespace Capteur.Bench
{
    /// <summary>
    /// Node-side memory figures on .NET: RAM per queued reading (outbox arrays) and bytes allocated per reading on
    /// the whole publish path (sample, outbox, journal, payload, publish, acknowledgement) once warm. With the
    /// argument <c>loop</c>: the whole loop's latency and backlog drain rate (<see cref="LoopBench"/>).
    /// </summary>
    internal static class Program
    {
        private static int Main(string[] args)
        {
            if (args.Length > 0 && args[0] == "loop")
            {
                LoopBench.RunAsync().GetAwaiter().GetResult();
                return 0;
            }

            const int capacity = 100000;
            long before = GC.GetTotalMemory(true);
            ReadingOutbox big = new ReadingOutbox(capacity, 8, 1);
            long after = GC.GetTotalMemory(true);
            GC.KeepAlive(big);
            double perReading = (after - before) / (double)capacity;

            foreach (int checkpointS in new[] { 0, 60 })
            {
                BenchClock clock = new BenchClock();
                InstantAckLink link = new InstantAckLink();
                NodeOptions options = new NodeOptions { BaseTopic = "maison/salon", CheckpointS = checkpointS, InfoIntervalS = 0, OutboxCapacity = 1000 };
                OutboxJournal journal = new OutboxJournal(new NullStorage(), new NullLog(), checkpointS, 2048);
                ReadingOutbox outbox = journal.Load(options.OutboxCapacity, options.Window);
                NodeEngine engine = new NodeEngine(options, clock, null, link, journal, outbox, new ISensorChannel[] { new DriftingSensor() }, null, new NullLog(), 1);
                Run(engine, clock, 5000);
                long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
                const int readings = 100000;
                Run(engine, clock, readings);
                long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
                Console.WriteLine($"publish path, checkpoint {checkpointS} s: {allocated / (double)readings:F2} bytes allocated per reading over {readings} readings ({allocated} bytes in all)");
            }

            Console.WriteLine($"outbox RAM: {perReading:F2} bytes per queued reading (.NET, capacity {capacity})");
            return 0;
        }

        private static void Run(NodeEngine engine, BenchClock clock, int readings)
        {
            for (int i = 0; i < readings; i++)
            {
                clock.Advance(1000);
                engine.SampleTick();
                engine.NetworkTick();
            }
        }
    }
}
