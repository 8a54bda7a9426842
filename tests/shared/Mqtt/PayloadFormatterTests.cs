#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;
using Capteur.Node.Mqtt;
using Capteur.Node.Tests.Support;

namespace Capteur.Node.Tests.Mqtt
{
    [TestClass]
    public class PayloadFormatterTests
    {
        // 2026-11-22T10:00:00Z is 1795341600 s after the Unix epoch.
        private const long November22 = 1795341600000;

        private static readonly byte[] Celsius = new byte[] { 0xC2, 0xB0, 0x43 };

        private static string Json(double value, int decimals, byte[] unit, long seq, long unixMs)
        {
            byte[] buffer = new byte[PayloadFormatter.MaxJsonLength];
            int length = PayloadFormatter.WriteJson(buffer, 0, value, decimals, unit, seq, unixMs);
            return TextHex.Utf8(buffer, 0, length);
        }

        private static string JsonError(int bufferLength, double value, byte[] unit, long unixMs)
        {
            try
            {
                PayloadFormatter.WriteJson(new byte[bufferLength], 0, value, 2, unit, 1, unixMs);
                return null;
            }
            catch (ArgumentException e)
            {
                return e.Message;
            }
        }

        [TestMethod]
        public void The_json_payload_has_value_unit_seq_and_ts_in_that_order_without_spaces()
        {
            byte[] buffer = new byte[PayloadFormatter.MaxJsonLength];
            int length = PayloadFormatter.WriteJson(buffer, 0, 21.52, 2, Celsius, 1234, November22);
            Assert.AreEqual(
                TextHex.OfUtf8("{\"value\":21.52,\"unit\":\"°C\",\"seq\":1234,\"ts\":\"2026-11-22T10:00:00.000Z\"}"),
                TextHex.Of(buffer, 0, length));
            // 70 characters, '°' taking two bytes.
            Assert.AreEqual(71, length);
        }

        [TestMethod]
        public void The_unit_bytes_are_copied_as_given()
        {
            byte[] buffer = new byte[PayloadFormatter.MaxJsonLength];
            int length = PayloadFormatter.WriteJson(buffer, 0, 21.52, 2, Celsius, 1234, November22);

            // {"value":21.52,"unit": is 22 bytes, then the opening quote, ° (C2 B0), C and the closing quote.
            Assert.AreEqual("22 C2 B0 43 22", TextHex.Of(buffer, 22, 5));
            Assert.IsTrue(length > 27);
        }

        [TestMethod]
        public void The_plain_payload_is_the_number_alone()
        {
            byte[] buffer = new byte[PayloadFormatter.MaxPlainLength];
            int length = PayloadFormatter.WritePlain(buffer, 0, 21.52, 2);
            Assert.AreEqual("21.52", TextHex.Utf8(buffer, 0, length));
        }

        [TestMethod]
        [DataRow(-12.345, 1, "-12.3")]
        [DataRow(-0.001, 2, "0.00")]
        [DataRow(1013.0, 0, "1013")]
        [DataRow(0.015, 2, "0.02")]
        [DataRow(1.005, 2, "1.00")]
        public void Values_are_written_with_the_sensor_s_decimals(double value, int decimals, string expected)
        {
            byte[] buffer = new byte[PayloadFormatter.MaxPlainLength];
            int length = PayloadFormatter.WritePlain(buffer, 0, value, decimals);
            Assert.AreEqual(expected, TextHex.Utf8(buffer, 0, length));
            Assert.AreEqual(
                "{\"value\":" + expected + ",\"unit\":\"°C\",\"seq\":1,\"ts\":\"2026-11-22T10:00:00.000Z\"}",
                Json(value, decimals, Celsius, 1, November22));
        }

        [TestMethod]
        public void A_payload_written_at_an_offset_leaves_the_bytes_around_it_alone()
        {
            byte[] buffer = TextHex.Filled(10 + PayloadFormatter.MaxJsonLength + 1, 0xEE);
            int length = PayloadFormatter.WriteJson(buffer, 10, 5.0, 1, Celsius, 7, 0);
            Assert.AreEqual("{\"value\":5.0,\"unit\":\"°C\",\"seq\":7,\"ts\":\"1970-01-01T00:00:00.000Z\"}", TextHex.Utf8(buffer, 10, length));
            Assert.AreEqual((byte)0xEE, buffer[9]);
            Assert.AreEqual((byte)0xEE, buffer[10 + length]);
        }

        [TestMethod]
        public void An_empty_or_missing_unit_is_an_empty_string()
        {
            Assert.AreEqual("{\"value\":3,\"unit\":\"\",\"seq\":0,\"ts\":\"2026-11-22T10:00:00.000Z\"}", Json(3.0, 0, new byte[0], 0, November22));
            Assert.AreEqual("{\"value\":3,\"unit\":\"\",\"seq\":0,\"ts\":\"2026-11-22T10:00:00.000Z\"}", Json(3.0, 0, null, 0, November22));
        }

        [TestMethod]
        public void The_unit_is_escaped_as_RFC_8259_asks()
        {
            // quotation mark, reverse solidus, LF, NUL, U+001F, then '/' and DEL which need no escape.
            byte[] unit = new byte[] { 0x22, 0x5C, 0x0A, 0x00, 0x1F, 0x2F, 0x7F };
            byte[] buffer = new byte[PayloadFormatter.MaxJsonLength];
            int length = PayloadFormatter.WriteJson(buffer, 0, 1.0, 0, unit, 2, November22);
            Assert.AreEqual(
                TextHex.OfUtf8("{\"value\":1,\"unit\":\"\\\"\\\\\\n\\u0000\\u001F/") + " 7F "
                + TextHex.OfUtf8("\",\"seq\":2,\"ts\":\"2026-11-22T10:00:00.000Z\"}"),
                TextHex.Of(buffer, 0, length));
        }

        [TestMethod]
        public void Negative_and_large_sequence_numbers_are_written_in_full()
        {
            Assert.AreEqual(
                "{\"value\":1,\"unit\":\"\",\"seq\":9223372036854775807,\"ts\":\"2026-11-22T10:00:00.000Z\"}",
                Json(1.0, 0, null, long.MaxValue, November22));
            Assert.AreEqual(
                "{\"value\":1,\"unit\":\"\",\"seq\":-1,\"ts\":\"2026-11-22T10:00:00.000Z\"}",
                Json(1.0, 0, null, -1, November22));
        }

        [TestMethod]
        public void The_longest_payload_is_exactly_MaxJsonLength()
        {
            byte[] unit = TextHex.Filled(PayloadFormatter.MaxUnitBytes, 0x01);
            byte[] buffer = new byte[PayloadFormatter.MaxJsonLength];
            int length = PayloadFormatter.WriteJson(buffer, 0, -999999999.5, 6, unit, long.MinValue, 253402300799999);
            Assert.AreEqual(PayloadFormatter.MaxJsonLength, length);
            Assert.AreEqual(288, length);
        }

        [TestMethod]
        public void A_unit_longer_than_MaxUnitBytes_is_refused()
        {
            Assert.AreEqual(
                "unit is 33 UTF-8 bytes long: a unit holds at most 32; shorten it",
                JsonError(PayloadFormatter.MaxJsonLength, 1.0, TextHex.Filled(33, 0x41), November22));
        }

        [TestMethod]
        public void A_buffer_smaller_than_MaxJsonLength_is_refused()
        {
            Assert.AreEqual(
                "buffer: 288 bytes (PayloadFormatter.MaxJsonLength) needed at offset 0 but the buffer holds 100 bytes",
                JsonError(100, 1.0, Celsius, November22));
        }

        [TestMethod]
        public void A_buffer_smaller_than_MaxPlainLength_is_refused()
        {
            string message = null;
            try
            {
                PayloadFormatter.WritePlain(new byte[20], 4, 1.0, 2);
            }
            catch (ArgumentException e)
            {
                message = e.Message;
            }

            Assert.AreEqual("buffer: 17 bytes (PayloadFormatter.MaxPlainLength) needed at offset 4 but the buffer holds 20 bytes", message);
        }

        [TestMethod]
        public void NaN_is_refused()
        {
            Assert.AreEqual(
                "value: NaN is not a number that can be written; drop the reading",
                JsonError(PayloadFormatter.MaxJsonLength, double.NaN, Celsius, November22));
        }

        [TestMethod]
        public void A_time_before_1970_is_refused_before_anything_is_written()
        {
            byte[] buffer = new byte[PayloadFormatter.MaxJsonLength];
            string message = null;
            try
            {
                PayloadFormatter.WriteJson(buffer, 0, 1.0, 2, Celsius, 1, -1);
            }
            catch (ArgumentException e)
            {
                message = e.Message;
            }

            Assert.AreEqual("unixMs: -1 is out of range (0..253402300799999, years 1970..9999); check the clock", message);
            Assert.AreEqual((byte)0, buffer[0]);
        }

        [TestMethod]
        public void Write_picks_the_format()
        {
            byte[] buffer = new byte[PayloadFormatter.MaxLength];
            int length = PayloadFormatter.Write(PayloadFormat.Plain, buffer, 0, 21.5, 1, Celsius, 1, November22);
            Assert.AreEqual("21.5", TextHex.Utf8(buffer, 0, length));
            length = PayloadFormatter.Write(PayloadFormat.Json, buffer, 0, 21.5, 1, Celsius, 1, November22);
            Assert.AreEqual("{\"value\":21.5,\"unit\":\"°C\",\"seq\":1,\"ts\":\"2026-11-22T10:00:00.000Z\"}", TextHex.Utf8(buffer, 0, length));
        }

        [TestMethod]
        public void Json_is_the_default_format()
        {
            Assert.AreEqual(0, (int)PayloadFormat.Json);
        }

        [TestMethod]
        public void Format_names_read_and_write_json_and_plain()
        {
            PayloadFormat format;
            Assert.IsTrue(PayloadFormatter.TryParseFormat("plain", out format));
            Assert.AreEqual((int)PayloadFormat.Plain, (int)format);
            Assert.IsTrue(PayloadFormatter.TryParseFormat("json", out format));
            Assert.AreEqual((int)PayloadFormat.Json, (int)format);
            Assert.IsFalse(PayloadFormatter.TryParseFormat("JSON", out format));
            Assert.IsFalse(PayloadFormatter.TryParseFormat(null, out format));
            Assert.AreEqual("plain", PayloadFormatter.FormatName(PayloadFormat.Plain));
            Assert.AreEqual("json", PayloadFormatter.FormatName(PayloadFormat.Json));
        }

        [TestMethod]
        public void CheckUnit_accepts_units_up_to_32_UTF_8_bytes()
        {
            Assert.IsNull(PayloadFormatter.CheckUnit("°C"));
            Assert.IsNull(PayloadFormatter.CheckUnit("µg/m³"));
            Assert.IsNull(PayloadFormatter.CheckUnit(""));
            Assert.IsNull(PayloadFormatter.CheckUnit("°°°°°°°°°°°°°°°°"));
            Assert.AreEqual(
                "\"°°°°°°°°°°°°°°°°a\" is 33 UTF-8 bytes long: a unit holds at most 32; shorten it",
                PayloadFormatter.CheckUnit("°°°°°°°°°°°°°°°°a"));
        }
    }
}
