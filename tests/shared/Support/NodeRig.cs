using System;
using Capteur.Node.Engine;
using Capteur.Node.Outbox;

namespace Capteur.Node.Tests.Support
{
    /// <summary>A node engine wired to fakes, with a clock that only the test moves.</summary>
    public sealed class NodeRig
    {
        /// <summary>2026-11-22T10:00:00Z.</summary>
        public static readonly DateTime WallStart = new DateTime(2026, 11, 22, 10, 0, 0);

        /// <summary>The clock.</summary>
        public readonly FakeClock Clock;

        /// <summary>The broker connection.</summary>
        public readonly FakeMqttLink Link = new FakeMqttLink();

        /// <summary>The flash.</summary>
        public readonly MemoryStorage Flash;

        /// <summary>The log.</summary>
        public readonly MemoryLog Log = new MemoryLog();

        /// <summary>The settings the engine was built with.</summary>
        public readonly NodeOptions Options;

        /// <summary>The one sensor: <c>temperature</c>, °C, 2 decimals, every second, 21.00 then +0.25 each time.</summary>
        public readonly FakeSensorChannel Sensor;

        /// <summary>The engine.</summary>
        public NodeEngine Engine;

        /// <summary>A rig whose clock is set (or not) and whose options the caller may change before <see cref="Boot"/>.</summary>
        public NodeRig(bool clockSet)
        {
            Clock = clockSet ? new FakeClock(WallStart) : FakeClock.Unset();
            Flash = new MemoryStorage();
            Options = new NodeOptions();
            Options.BaseTopic = "maison/salon";
            Options.ClientId = "salon";
            Options.CheckpointS = 0;
            Options.InfoIntervalS = 0;
            Options.Window = 4;
            Options.OutboxCapacity = 100;
            Sensor = new FakeSensorChannel("temperature", "°C", 2, 1000, 21.0, 0.25);
        }

        /// <summary>Builds the engine (again, after a reboot) over the same flash.</summary>
        public NodeEngine Boot()
        {
            OutboxJournal journal = new OutboxJournal(Flash, Log, Options.CheckpointS, 512);
            ReadingOutbox outbox = journal.Load(Options.OutboxCapacity, Options.Window);
            Engine = new NodeEngine(Options, Clock, null, Link, journal, outbox, new ISensorChannel[] { Sensor }, null, Log, 42);
            return Engine;
        }

        /// <summary>Runs both engine steps every <paramref name="stepMs"/> for <paramref name="durationMs"/>.</summary>
        public void Run(long durationMs, long stepMs)
        {
            for (long t = 0; t < durationMs; t += stepMs)
            {
                Engine.SampleTick();
                Engine.NetworkTick();
                Clock.Advance(stepMs);
            }
        }

        /// <summary>One step of both (no time passes).</summary>
        public void Step()
        {
            Engine.SampleTick();
            Engine.NetworkTick();
        }
    }
}
