#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using Capteur.Node.Outbox;
using Capteur.Node.Storage;
using Capteur.Node.Tests.Support;

namespace Capteur.Node.Tests.Outbox
{
    [TestClass]
    public class OutboxJournalTests
    {
        private const long T0 = 1795000000000;

        // A node restarting on the same flash: a fresh journal reads the outbox back.
        private static ReadingOutbox Reboot(MemoryStorage flash, int checkpointS)
        {
            return new OutboxJournal(flash, new MemoryLog(), checkpointS, checkpointS == 0 ? 256 : 1024).Load(100, 4);
        }

        private static void AddReading(ReadingOutbox outbox, OutboxJournal journal, int value)
        {
            outbox.Add(0, value, 2, T0 + value, false);
            journal.Added(outbox, outbox.SlotAt(outbox.Span - 1), 0);
        }

        private static int Send(ReadingOutbox outbox, OutboxJournal journal)
        {
            int slot = outbox.NextToSend();
            journal.BeforePublish(outbox.SeqOf(slot));
            outbox.MarkSent(slot, 100 + (int)outbox.SeqOf(slot));
            return 100 + (int)outbox.SeqOf(slot);
        }

        private static void Ack(ReadingOutbox outbox, OutboxJournal journal, int messageId)
        {
            journal.Acknowledged(outbox.Acknowledge(messageId), 0);
        }

        [TestMethod]
        public void Uncheckpointed_journal_brings_back_every_unacknowledged_reading_after_a_reboot()
        {
            MemoryStorage flash = new MemoryStorage();
            OutboxJournal journal = new OutboxJournal(flash, new MemoryLog(), 0, 256);
            ReadingOutbox outbox = journal.Load(100, 4);
            for (int i = 0; i < 5; i++)
            {
                AddReading(outbox, journal, 2100 + i);
            }

            Ack(outbox, journal, Send(outbox, journal));
            Send(outbox, journal);
            journal.Tick(outbox, OutboxJournal.AckFlushMs);

            ReadingOutbox after = Reboot(flash, 0);
            Assert.AreEqual(4, after.Count);
            Assert.AreEqual(6L, after.NextSeq);
            int slot = after.NextToSend();
            Assert.AreEqual(2L, after.SeqOf(slot));
            Assert.AreEqual(2101, after.ScaledValueOf(slot));
            Assert.AreEqual(2, after.DecimalsOf(slot));
            Assert.AreEqual(T0 + 2101, after.TimeOf(slot));
        }

        [TestMethod]
        public void A_reading_is_on_flash_at_once_and_an_acknowledgement_within_a_second()
        {
            MemoryStorage flash = new MemoryStorage();
            OutboxJournal journal = new OutboxJournal(flash, new MemoryLog(), 0, 256);
            ReadingOutbox outbox = journal.Load(100, 4);
            AddReading(outbox, journal, 1);
            Assert.AreEqual(1, Reboot(flash, 0).Count);
            Ack(outbox, journal, Send(outbox, journal));
            journal.Tick(outbox, OutboxJournal.AckFlushMs - 1);
            // a power cut now only means sending it again
            Assert.AreEqual(1, Reboot(flash, 0).Count);
            journal.Tick(outbox, OutboxJournal.AckFlushMs);
            Assert.AreEqual(0, Reboot(flash, 0).Count);
        }

        [TestMethod]
        public void Batched_changes_reach_flash_only_at_the_checkpoint()
        {
            MemoryStorage flash = new MemoryStorage();
            OutboxJournal journal = new OutboxJournal(flash, new MemoryLog(), 60, 1024);
            ReadingOutbox outbox = journal.Load(100, 4);
            AddReading(outbox, journal, 1);
            AddReading(outbox, journal, 2);
            journal.Tick(outbox, 59999);
            Assert.AreEqual(0, Reboot(flash, 60).Count);
            journal.Tick(outbox, 60000);
            Assert.AreEqual(0, journal.UnsavedBytes);
            Assert.AreEqual(2, Reboot(flash, 60).Count);
        }

        [TestMethod]
        public void A_reboot_never_reuses_a_sequence_number_that_may_have_been_published()
        {
            MemoryStorage flash = new MemoryStorage();
            OutboxJournal journal = new OutboxJournal(flash, new MemoryLog(), 60, 1024);
            ReadingOutbox outbox = journal.Load(100, 4);
            AddReading(outbox, journal, 1);
            AddReading(outbox, journal, 2);
            Ack(outbox, journal, Send(outbox, journal));
            Ack(outbox, journal, Send(outbox, journal));

            // power cut before the checkpoint: the two readings were published but never reached flash
            ReadingOutbox after = Reboot(flash, 60);
            Assert.IsTrue(after.NextSeq > 2);
        }

        [TestMethod]
        public void Queued_readings_keep_their_numbers_when_a_restart_resumes_at_the_reserved_ceiling()
        {
            MemoryStorage flash = new MemoryStorage();
            OutboxJournal journal = new OutboxJournal(flash, new MemoryLog(), 60, 1024);
            ReadingOutbox outbox = journal.Load(100, 4);
            AddReading(outbox, journal, 1);
            AddReading(outbox, journal, 2);
            AddReading(outbox, journal, 3);
            journal.Flush(0);
            Send(outbox, journal);

            ReadingOutbox after = Reboot(flash, 60);
            Assert.AreEqual(3, after.Count);
            Assert.AreEqual(1L + OutboxJournal.SeqReserve, after.NextSeq);
            Assert.AreEqual(1L, after.SeqOf(after.SlotAt(0)));
            Assert.AreEqual(3L, after.SeqOf(after.SlotAt(2)));
            Assert.AreEqual(65L, after.Add(0, 4, 0, T0, false));
            Assert.AreEqual(65L, after.SeqOf(after.SlotAt(3)));
            for (int i = 0; i < 4; i++)
            {
                int slot = after.NextToSend();
                after.MarkSent(slot, 10 + i);
            }

            Assert.AreEqual(65L, after.Acknowledge(13));
            Assert.AreEqual(1L, after.Acknowledge(10));
            Assert.AreEqual(2L, after.Acknowledge(11));
            Assert.AreEqual(3L, after.Acknowledge(12));
            Assert.AreEqual(0, after.Count);
            Assert.AreEqual(66L, after.Add(0, 5, 0, T0, false));
        }

        [TestMethod]
        public void After_a_clean_stop_numbering_goes_on_without_a_skip()
        {
            MemoryStorage flash = new MemoryStorage();
            OutboxJournal journal = new OutboxJournal(flash, new MemoryLog(), 60, 1024);
            ReadingOutbox outbox = journal.Load(100, 4);
            AddReading(outbox, journal, 1);
            AddReading(outbox, journal, 2);
            Ack(outbox, journal, Send(outbox, journal));
            journal.Close(outbox, 0);

            ReadingOutbox after = Reboot(flash, 60);
            Assert.AreEqual(3L, after.NextSeq);
            Assert.AreEqual(1, after.Count);
        }

        [TestMethod]
        public void A_record_cut_short_by_a_power_cut_is_ignored_and_the_rest_kept()
        {
            MemoryStorage flash = new MemoryStorage();
            OutboxJournal journal = new OutboxJournal(flash, new MemoryLog(), 0, 256);
            ReadingOutbox outbox = journal.Load(100, 4);
            AddReading(outbox, journal, 1);
            AddReading(outbox, journal, 2);
            byte[] file = flash.Read(OutboxJournal.FileName);
            byte[] cut = new byte[file.Length - 5];
            System.Array.Copy(file, cut, cut.Length);
            flash.Put(OutboxJournal.FileName, cut);

            MemoryLog log = new MemoryLog();
            ReadingOutbox after = new OutboxJournal(flash, log, 0, 256).Load(100, 4);
            Assert.AreEqual(1, after.Count);
            Assert.AreEqual("INFO outbox: ignored a record cut short at byte 63 (power cut during a write)", log.Find("cut short"));
            Assert.IsFalse(flash.Exists(OutboxJournal.CorruptFileName));
        }

        [TestMethod]
        public void A_corrupt_outbox_file_is_set_aside_reported_and_the_readings_before_it_kept()
        {
            MemoryStorage flash = new MemoryStorage();
            OutboxJournal journal = new OutboxJournal(flash, new MemoryLog(), 0, 256);
            ReadingOutbox outbox = journal.Load(100, 4);
            for (int i = 1; i <= 4; i++)
            {
                AddReading(outbox, journal, i);
            }

            byte[] file = flash.Read(OutboxJournal.FileName);
            file[OutboxJournal.HeaderLength + OutboxJournal.ReadingRecordLength + 12] ^= 0x40;
            flash.Put(OutboxJournal.FileName, file);

            MemoryLog log = new MemoryLog();
            ReadingOutbox after = new OutboxJournal(flash, log, 0, 256).Load(100, 4);
            Assert.AreEqual(1, after.Count);
            Assert.IsTrue(after.NextSeq > 4);
            Assert.AreEqual("ERROR outbox: outbox.bin is corrupt (checksum mismatch at byte 63); kept 1 readings before it, set the file aside as outbox.corrupt, readings after it are lost", log.Find("corrupt"));
            Assert.IsTrue(flash.Exists(OutboxJournal.CorruptFileName));

            // and the node carries on: the fresh file loads cleanly next time
            MemoryLog next = new MemoryLog();
            Assert.AreEqual(1, new OutboxJournal(flash, next, 0, 256).Load(100, 4).Count);
            Assert.AreEqual(0, next.Lines.Count);
        }

        [TestMethod]
        public void A_file_that_is_not_an_outbox_is_set_aside_and_numbering_continues_from_the_backup()
        {
            MemoryStorage flash = new MemoryStorage();
            OutboxJournal journal = new OutboxJournal(flash, new MemoryLog(), 0, 256);
            ReadingOutbox outbox = journal.Load(100, 4);
            for (int i = 1; i <= 3; i++)
            {
                AddReading(outbox, journal, i);
            }

            journal.Rewrite(outbox);
            flash.Put(OutboxJournal.FileName, new byte[] { 1, 2, 3 });
            MemoryLog log = new MemoryLog();
            ReadingOutbox after = new OutboxJournal(flash, log, 0, 256).Load(100, 4);
            Assert.AreEqual(0, after.Count);
            Assert.IsTrue(after.NextSeq >= 4);
            Assert.IsNotNull(log.Find("it is not an outbox file (no CPOB header)"));
        }

        [TestMethod]
        public void Acknowledged_readings_are_compacted_away()
        {
            MemoryStorage flash = new MemoryStorage();
            OutboxJournal journal = new OutboxJournal(flash, new MemoryLog(), 0, 256);
            ReadingOutbox outbox = journal.Load(100, 4);
            for (int i = 0; i < 200; i++)
            {
                AddReading(outbox, journal, i);
                Ack(outbox, journal, Send(outbox, journal));
                journal.Tick(outbox, i * 1000L);
            }

            Assert.IsTrue(journal.FileLength <= OutboxJournal.HeaderLength + 4096 + 40);
            Assert.AreEqual(201L, Reboot(flash, 0).NextSeq);
        }

        [TestMethod]
        public void A_power_cut_during_compaction_keeps_every_unacknowledged_reading()
        {
            for (int cut = 0; cut < 8; cut++)
            {
                MemoryStorage flash = new MemoryStorage();
                OutboxJournal journal = new OutboxJournal(flash, new MemoryLog(), 0, 256);
                ReadingOutbox outbox = journal.Load(100, 4);
                for (int i = 1; i <= 3; i++)
                {
                    AddReading(outbox, journal, i);
                }

                Ack(outbox, journal, Send(outbox, journal));
                journal.Flush(0);
                flash.CutPowerAfter(cut);
                try
                {
                    journal.Rewrite(outbox);
                }
                catch (SimulatedPowerCut)
                {
                }

                flash.RestorePower();
                ReadingOutbox after = Reboot(flash, 0);
                Assert.AreEqual(2, after.Count);
                Assert.AreEqual(2L, after.SeqOf(after.NextToSend()));
            }
        }

        [TestMethod]
        public void Boot_relative_times_of_an_earlier_boot_are_placed_just_before_this_boot()
        {
            MemoryStorage flash = new MemoryStorage();
            OutboxJournal journal = new OutboxJournal(flash, new MemoryLog(), 0, 256);
            ReadingOutbox outbox = journal.Load(100, 4);
            outbox.Add(0, 1, 0, 5000, true);
            journal.Added(outbox, outbox.SlotAt(0), 0);
            outbox.Add(0, 2, 0, 8000, true);
            journal.Added(outbox, outbox.SlotAt(1), 0);

            ReadingOutbox after = Reboot(flash, 0);
            Assert.AreEqual(-1, after.NextToSend());
            after.Restamp(T0);
            int slot = after.NextToSend();
            Assert.AreEqual(T0 - 3001, after.TimeOf(slot));
            Assert.AreEqual(T0 - 1, after.TimeOf(after.SlotAt(1)));
        }

        [TestMethod]
        public void Crc32_matches_the_standard_check_value()
        {
            byte[] data = System.Text.Encoding.UTF8.GetBytes("123456789");
            Assert.AreEqual(0xCBF43926u, Crc32.Compute(data, 0, data.Length));
        }
    }
}
