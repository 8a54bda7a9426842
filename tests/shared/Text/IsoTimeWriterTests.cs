#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;
using Capteur.Node.Text;

namespace Capteur.Node.Tests.Text
{
    [TestClass]
    public class IsoTimeWriterTests
    {
        private const long MsPerDay = 86400000;

        private static string IsoError(long unixMs)
        {
            try
            {
                NumberText.IsoUtc(unixMs);
                return null;
            }
            catch (ArgumentException e)
            {
                return e.Message;
            }
        }

        private static string TwoDigits(int value)
        {
            return value < 10 ? "0" + value : value.ToString();
        }

        // Expected instants: the Unix epoch, 2000-01-01 = 946684800 s and 2025-01-01 = 1735689600 s (well-known
        // values), and from them whole days (86400 s) as RFC 3339 and the Gregorian leap rules count them.
        [TestMethod]
        [DataRow(0L, "1970-01-01T00:00:00.000Z")]
        [DataRow(1L, "1970-01-01T00:00:00.001Z")]
        [DataRow(86399999L, "1970-01-01T23:59:59.999Z")]
        [DataRow(1795341600000L, "2026-11-22T10:00:00.000Z")]
        [DataRow(946684799999L, "1999-12-31T23:59:59.999Z")]
        [DataRow(946684800000L, "2000-01-01T00:00:00.000Z")]
        [DataRow(951782400000L, "2000-02-29T00:00:00.000Z")]
        [DataRow(951868800000L, "2000-03-01T00:00:00.000Z")]
        [DataRow(1709164800000L, "2024-02-29T00:00:00.000Z")]
        [DataRow(1709210096789L, "2024-02-29T12:34:56.789Z")]
        [DataRow(1709251200000L, "2024-03-01T00:00:00.000Z")]
        [DataRow(1735689599999L, "2024-12-31T23:59:59.999Z")]
        [DataRow(1735689600000L, "2025-01-01T00:00:00.000Z")]
        [DataRow(4107456000000L, "2100-02-28T00:00:00.000Z")]
        [DataRow(4107542400000L, "2100-03-01T00:00:00.000Z")]
        [DataRow(253402300799999L, "9999-12-31T23:59:59.999Z")]
        public void An_instant_is_written_as_ISO_8601_UTC_with_milliseconds(long unixMs, string expected)
        {
            Assert.AreEqual(expected, NumberText.IsoUtc(unixMs));
        }

        [TestMethod]
        public void WriteUtc_writes_24_bytes_at_the_offset()
        {
            byte[] buffer = new byte[30];
            int length = IsoTimeWriter.WriteUtc(buffer, 5, 1795341600000);
            Assert.AreEqual(24, length);
            Assert.AreEqual((byte)0, buffer[4]);
            Assert.AreEqual((byte)'2', buffer[5]);
            Assert.AreEqual((byte)'Z', buffer[28]);
            Assert.AreEqual((byte)0, buffer[29]);
        }

        [TestMethod]
        public void Instants_outside_1970_to_9999_are_refused()
        {
            Assert.AreEqual("unixMs: -1 is out of range (0..253402300799999, years 1970..9999); check the clock", IsoError(-1));
            Assert.AreEqual(
                "unixMs: 253402300800000 is out of range (0..253402300799999, years 1970..9999); check the clock",
                IsoError(253402300800000));
        }

        [TestMethod]
        public void Every_day_of_the_century_leap_years_2096_to_2104_matches_the_calendar()
        {
            // 2100 is not a leap year (divisible by 100, not by 400); 2096 and 2104 are.
            DateTime day = new DateTime(2096, 1, 1);
            long unixMs = IsoTimeWriter.UnixMsOf(day);
            for (int i = 0; i < 9 * 366; i++)
            {
                string expected = day.Year + "-" + TwoDigits(day.Month) + "-" + TwoDigits(day.Day) + "T00:00:00.000Z";
                Assert.AreEqual(expected, NumberText.IsoUtc(unixMs));
                day = day.AddDays(1);
                unixMs += MsPerDay;
            }
        }

        [TestMethod]
        public void Days_spread_over_1970_to_3000_match_the_calendar()
        {
            // nanoFramework's DateTime ends in 3000, the writer itself goes on to 9999.
            DateTime day = new DateTime(1970, 1, 1);
            long unixMs = 0;
            while (day.Year < 3000)
            {
                string expected = day.Year + "-" + TwoDigits(day.Month) + "-" + TwoDigits(day.Day) + "T00:00:00.000Z";
                Assert.AreEqual(expected, NumberText.IsoUtc(unixMs));
                day = day.AddDays(211);
                unixMs += 211 * MsPerDay;
            }
        }

        [TestMethod]
        public void UnixMsOf_counts_milliseconds_since_1970()
        {
            Assert.AreEqual(0L, IsoTimeWriter.UnixMsOf(new DateTime(1970, 1, 1)));
            Assert.AreEqual(1795341600000L, IsoTimeWriter.UnixMsOf(new DateTime(2026, 11, 22, 10, 0, 0)));
            Assert.AreEqual(1709210096789L, IsoTimeWriter.UnixMsOf(new DateTime(2024, 2, 29, 12, 34, 56, 789)));
        }

        [TestMethod]
        public void UnixMsOf_rounds_sub_millisecond_ticks_down()
        {
            DateTime t = new DateTime(2026, 11, 22, 10, 0, 0).AddTicks(9999);
            Assert.AreEqual(1795341600000L, IsoTimeWriter.UnixMsOf(t));
        }
    }
}
