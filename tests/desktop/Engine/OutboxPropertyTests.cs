using System;
using System.Collections.Generic;
using Capteur.Node.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Capteur.Desktop.Tests.Engine
{
    /// <summary>
    /// Random lives of a node (samples, connects, drops, acknowledgements lost or refused, reboots, the clock being
    /// set late) checked after every step: every reading produced is acknowledged by the broker, still queued, or
    /// counted as dropped; sequence numbers only grow; nothing is published with a time before the clock was set.
    /// </summary>
    [TestClass]
    public class OutboxPropertyTests
    {
        private enum Op
        {
            Sample, Sample2, Sample3, Network, Drop, AcknowledgeAll, LoseAnswers, Refuse, Reboot, SetClock, Unreachable, Reachable,
        }

        [TestMethod]
        public void Every_reading_is_acknowledged_queued_or_counted_as_dropped_whatever_happens()
        {
            Gen<Op[]> lives = Gen.Elements((Op[])Enum.GetValues(typeof(Op))).ArrayOf();
            Prop.ForAll(Arb.From(lives), (Op[] life) => Live(life, smallOutbox: false))
                .Check(Config.QuickThrowOnFailure.WithMaxTest(300).WithEndSize(200));
        }

        [TestMethod]
        public void The_accounting_holds_when_the_outbox_overflows()
        {
            Gen<Op[]> lives = Gen.Elements((Op[])Enum.GetValues(typeof(Op))).ArrayOf();
            Prop.ForAll(Arb.From(lives), (Op[] life) => Live(life, smallOutbox: true))
                .Check(Config.QuickThrowOnFailure.WithMaxTest(300).WithEndSize(200));
        }

        private static bool Live(Op[] life, bool smallOutbox)
        {
            NodeRig rig = new NodeRig(clockSet: false);
            rig.Options.OutboxCapacity = smallOutbox ? 5 : 1000;
            rig.Boot();
            long maxSeq = 0;
            foreach (Op op in life)
            {
                long before = rig.Engine.Outbox.NextSeq;
                Apply(rig, op);
                if (rig.Engine.Outbox.NextSeq < before)
                {
                    throw new InvalidOperationException($"numbering went back from {before} to {rig.Engine.Outbox.NextSeq} after {op}");
                }

                maxSeq = Math.Max(maxSeq, rig.Engine.Outbox.NextSeq - 1);
                CheckAccounting(rig, maxSeq, op);
            }

            // then the world heals: the clock is set, the broker answers; everything not dropped must arrive
            rig.Link.Reachable = true;
            if (rig.Clock.UtcNow.Year < 2024)
            {
                rig.Clock.SetWallClock(NodeRig.WallStart);
            }

            for (int i = 0; i < 400 && rig.Engine.Outbox.Count > 0; i++)
            {
                rig.Clock.Advance(1000);
                rig.Engine.NetworkTick();
                rig.Link.AcknowledgeAll();
            }

            if (rig.Engine.Outbox.Count != 0)
            {
                throw new InvalidOperationException($"{rig.Engine.Outbox.Count} readings still queued after recovery");
            }

            CheckAccounting(rig, maxSeq, Op.Network);
            return true;
        }

        private static void Apply(NodeRig rig, Op op)
        {
            switch (op)
            {
                case Op.Sample:
                case Op.Sample2:
                case Op.Sample3:
                    rig.Clock.Advance(1000);
                    rig.Engine.SampleTick();
                    break;
                case Op.Network:
                    rig.Clock.Advance(500);
                    rig.Engine.NetworkTick();
                    break;
                case Op.Drop:
                    if (rig.Link.IsConnected)
                    {
                        rig.Link.Drop();
                    }

                    break;
                case Op.AcknowledgeAll:
                    rig.Link.AcknowledgeAll();
                    break;
                case Op.LoseAnswers:
                    rig.Link.LoseAllAnswers();
                    break;
                case Op.Refuse:
                    rig.Link.RefuseAll();
                    break;
                case Op.Reboot:
                    // a power cut: the TCP session dies with the board, unanswered publishes stay unanswered
                    rig.Link.LoseAllAnswers();
                    rig.Link.Disconnect();
                    rig.Clock.Reboot();
                    rig.Boot();
                    break;
                case Op.SetClock:
                    if (rig.Clock.UtcNow.Year < 2024)
                    {
                        rig.Clock.SetWallClock(NodeRig.WallStart.AddMilliseconds(rig.Clock.UptimeMs));
                    }

                    break;
                case Op.Unreachable:
                    rig.Link.Reachable = false;
                    break;
                case Op.Reachable:
                    rig.Link.Reachable = true;
                    break;
            }
        }

        private static void CheckAccounting(NodeRig rig, long maxSeq, Op after)
        {
            var acknowledged = new HashSet<long>();
            foreach (PublishedMessage message in rig.Link.Published)
            {
                if (!message.Topic.EndsWith("/temperature", StringComparison.Ordinal))
                {
                    continue;
                }

                var json = System.Text.Json.JsonDocument.Parse(message.Payload).RootElement;
                DateTimeOffset ts = DateTimeOffset.Parse(json.GetProperty("ts").GetString()!);
                if (ts.Year < 2024)
                {
                    throw new InvalidOperationException($"published with an unset clock: {message.Payload}");
                }

                if (message.Acknowledged)
                {
                    acknowledged.Add(json.GetProperty("seq").GetInt64());
                }
            }

            var outbox = rig.Engine.Outbox;
            var queued = new HashSet<long>();
            for (int i = 0; i < outbox.Span; i++)
            {
                int slot = outbox.SlotAt(i);
                if (outbox.IsLive(slot))
                {
                    queued.Add(outbox.SeqOf(slot));
                }
            }

            long missing = 0;
            for (long seq = 1; seq <= maxSeq; seq++)
            {
                if (!acknowledged.Contains(seq) && !queued.Contains(seq))
                {
                    missing++;
                }
            }

            if (missing > outbox.Dropped)
            {
                throw new InvalidOperationException($"after {after}: {missing} readings neither acknowledged nor queued, but only {outbox.Dropped} counted as dropped");
            }
        }
    }
}
