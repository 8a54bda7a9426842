#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using Capteur.Node.Outbox;

namespace Capteur.Node.Tests.Outbox
{
    [TestClass]
    public class OutboxTests
    {
        private const long T0 = 1795000000000; // 2026-11-18, unix ms

        private static ReadingOutbox Filled(int capacity, int window, int readings)
        {
            ReadingOutbox outbox = new ReadingOutbox(capacity, window, 1);
            for (int i = 0; i < readings; i++)
            {
                outbox.Add(0, 2100 + i, 2, T0 + i * 1000, false);
            }

            return outbox;
        }

        // Sends what the window allows; message ids are 100 + seq.
        private static int SendAll(ReadingOutbox outbox)
        {
            int sent = 0;
            int slot;
            while ((slot = outbox.NextToSend()) >= 0)
            {
                outbox.MarkSent(slot, 100 + (int)outbox.SeqOf(slot));
                sent++;
            }

            return sent;
        }

        [TestMethod]
        public void Readings_get_consecutive_sequence_numbers_from_the_first()
        {
            ReadingOutbox outbox = new ReadingOutbox(10, 4, 1);
            Assert.AreEqual(1L, outbox.Add(0, 2152, 2, T0, false));
            Assert.AreEqual(2L, outbox.Add(1, 1, 0, T0, false));
            Assert.AreEqual(3L, outbox.NextSeq);
            Assert.AreEqual(2, outbox.Count);
        }

        [TestMethod]
        public void Readings_are_sent_oldest_first_and_at_most_a_window_at_a_time()
        {
            ReadingOutbox outbox = Filled(10, 3, 5);
            int first = outbox.NextToSend();
            Assert.AreEqual(1L, outbox.SeqOf(first));
            Assert.AreEqual(2100, outbox.ScaledValueOf(first));
            Assert.AreEqual(3, SendAll(outbox));
            Assert.AreEqual(3, outbox.InFlight);
            Assert.AreEqual(-1, outbox.NextToSend());
        }

        [TestMethod]
        public void A_reading_leaves_only_when_its_message_id_is_acknowledged()
        {
            ReadingOutbox outbox = Filled(10, 3, 3);
            SendAll(outbox);
            Assert.AreEqual(2L, outbox.Acknowledge(102));
            Assert.AreEqual(2, outbox.Count);
            Assert.AreEqual(-1L, outbox.Acknowledge(102));
            Assert.AreEqual(1L, outbox.Acknowledge(101));
            Assert.AreEqual(3L, outbox.Acknowledge(103));
            Assert.AreEqual(0, outbox.Count);
            Assert.AreEqual(0, outbox.InFlight);
            Assert.AreEqual(4L, outbox.NextSeq);
        }

        [TestMethod]
        public void A_lost_link_with_a_full_window_in_flight_resends_every_reading_with_its_number()
        {
            ReadingOutbox outbox = Filled(10, 4, 6);
            SendAll(outbox);
            outbox.Acknowledge(102);
            outbox.ConnectionLost();
            Assert.AreEqual(0, outbox.InFlight);
            Assert.AreEqual(5, outbox.Count);
            int slot = outbox.NextToSend();
            Assert.AreEqual(1L, outbox.SeqOf(slot));
            outbox.MarkSent(slot, 7);
            Assert.AreEqual(1L, outbox.Resent);
            slot = outbox.NextToSend();
            Assert.AreEqual(3L, outbox.SeqOf(slot));
            outbox.MarkSent(slot, 8);
            slot = outbox.NextToSend();
            Assert.AreEqual(4L, outbox.SeqOf(slot));
            outbox.MarkSent(slot, 9);
            slot = outbox.NextToSend();
            Assert.AreEqual(5L, outbox.SeqOf(slot));
            Assert.AreEqual(3L, outbox.Resent);
        }

        [TestMethod]
        public void A_publish_the_link_gave_up_on_is_sent_again()
        {
            ReadingOutbox outbox = Filled(10, 1, 2);
            SendAll(outbox);
            outbox.Fail(101);
            int slot = outbox.NextToSend();
            Assert.AreEqual(1L, outbox.SeqOf(slot));
            outbox.MarkSent(slot, 55);
            Assert.AreEqual(1L, outbox.Resent);
            Assert.AreEqual(1L, outbox.Acknowledge(55));
        }

        [TestMethod]
        public void A_full_outbox_drops_the_oldest_readings_and_counts_each()
        {
            ReadingOutbox outbox = Filled(5, 2, 8);
            Assert.AreEqual(3L, outbox.Dropped);
            Assert.AreEqual(5, outbox.Count);
            Assert.AreEqual(4L, outbox.SeqOf(outbox.NextToSend()));
            Assert.AreEqual(9L, outbox.NextSeq);
        }

        [TestMethod]
        public void Dropping_a_reading_in_flight_frees_its_window_place_and_ignores_its_late_acknowledgement()
        {
            ReadingOutbox outbox = Filled(3, 2, 3);
            SendAll(outbox);
            outbox.Add(0, 1, 0, T0, false);
            Assert.AreEqual(1L, outbox.Dropped);
            Assert.AreEqual(1, outbox.InFlight);
            Assert.AreEqual(-1L, outbox.Acknowledge(101));
            Assert.AreEqual(2L, outbox.Acknowledge(102));
            Assert.AreEqual(2, outbox.Count);
        }

        [TestMethod]
        public void Acknowledged_holes_in_the_middle_do_not_take_capacity_once_the_oldest_leaves()
        {
            ReadingOutbox outbox = Filled(4, 4, 4);
            SendAll(outbox);
            outbox.Acknowledge(102);
            outbox.Acknowledge(103);
            outbox.Acknowledge(101);
            Assert.AreEqual(1, outbox.Count);
            outbox.Add(0, 0, 0, T0, false);
            outbox.Add(0, 0, 0, T0, false);
            outbox.Add(0, 0, 0, T0, false);
            Assert.AreEqual(0L, outbox.Dropped);
            Assert.AreEqual(4, outbox.Count);
        }

        [TestMethod]
        public void Readings_taken_before_the_clock_is_set_wait_and_are_restamped_from_uptime()
        {
            ReadingOutbox outbox = new ReadingOutbox(10, 4, 1);
            outbox.Add(0, 2000, 2, 1500, true);
            outbox.Add(0, 2001, 2, 2500, true);
            Assert.AreEqual(-1, outbox.NextToSend());
            Assert.AreEqual(2, outbox.UnstampedCount);
            Assert.AreEqual(2, outbox.Restamp(T0));
            int slot = outbox.NextToSend();
            Assert.IsFalse(outbox.IsUptimeAt(slot));
            Assert.AreEqual(T0 + 1500, outbox.TimeOf(slot));
            Assert.AreEqual(0, outbox.UnstampedCount);
        }

        [TestMethod]
        public void A_stamped_reading_from_flash_is_sent_even_while_newer_ones_wait_for_the_clock()
        {
            ReadingOutbox outbox = new ReadingOutbox(10, 4, 1);
            outbox.Add(0, 1, 0, 100, true);
            outbox.Add(0, 2, 0, T0, false);
            Assert.AreEqual(2L, outbox.SeqOf(outbox.NextToSend()));
        }
    }
}
