using System;
using System.Text;
using Capteur.Node.Mqtt;
using Capteur.Node.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Capteur.Desktop.Tests.Payloads
{
    /// <summary>The publish path allocates nothing once warm (a board has about 100 KB of heap).</summary>
    [TestClass]
    public class PayloadAllocationTests
    {
        private static readonly byte[] Unit = Encoding.UTF8.GetBytes("µg/m\"³");

        private static void WriteMany(byte[] buffer, int count)
        {
            for (int i = 0; i < count; i++)
            {
                PayloadFormatter.WriteJson(buffer, 0, 21.52 + i * 0.01, 2, Unit, i, 1795341600000 + i);
                PayloadFormatter.WritePlain(buffer, 0, -i * 0.001, 3);
                PayloadFormatter.Write(PayloadFormat.Json, buffer, 0, i, 0, Unit, long.MinValue + i, 253402300799999 - i);
            }
        }

        [TestMethod]
        public void A_thousand_payloads_into_the_same_buffer_allocate_zero_bytes()
        {
            byte[] buffer = new byte[PayloadFormatter.MaxJsonLength];
            WriteMany(buffer, 10);

            long before = GC.GetAllocatedBytesForCurrentThread();
            WriteMany(buffer, 1000);
            long after = GC.GetAllocatedBytesForCurrentThread();

            Assert.AreEqual(0L, after - before);
        }

        [TestMethod]
        public void The_number_and_time_writers_allocate_zero_bytes()
        {
            byte[] buffer = new byte[64];
            NumberWriter.WriteFixed(buffer, 0, 1.5, 1);
            NumberWriter.WriteInteger(buffer, 0, -1);
            IsoTimeWriter.WriteUtc(buffer, 0, 0);

            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 1000; i++)
            {
                NumberWriter.WriteFixed(buffer, 0, i * -1.25, i % 7);
                NumberWriter.WriteInteger(buffer, 20, long.MaxValue - i);
                IsoTimeWriter.WriteUtc(buffer, 40, i * 86400000L * 37);
            }

            long after = GC.GetAllocatedBytesForCurrentThread();
            Assert.AreEqual(0L, after - before);
        }

        [TestMethod]
        public void The_allocation_counter_does_see_allocations()
        {
            // Guards the two tests above against a counter that always reads the same.
            long before = GC.GetAllocatedBytesForCurrentThread();
            string text = NumberText.Fixed(21.52, 2);
            long after = GC.GetAllocatedBytesForCurrentThread();
            Assert.AreEqual("21.52", text);
            Assert.IsTrue(after - before > 0);
        }
    }
}
