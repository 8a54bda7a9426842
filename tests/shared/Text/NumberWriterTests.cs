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
    public class NumberWriterTests
    {
        private static string FixedError(double value, int decimals)
        {
            try
            {
                NumberText.Fixed(value, decimals);
                return null;
            }
            catch (ArgumentException e)
            {
                return e.Message;
            }
        }

        private static string Ascii(byte[] bytes, int offset, int length)
        {
            char[] chars = new char[length];
            for (int i = 0; i < length; i++)
            {
                chars[i] = (char)bytes[offset + i];
            }

            return new string(chars);
        }

        [TestMethod]
        [DataRow(21.52, 2, "21.52")]
        [DataRow(21.5, 2, "21.50")]
        [DataRow(21.456, 1, "21.5")]
        [DataRow(7.0, 0, "7")]
        [DataRow(0.0, 3, "0.000")]
        [DataRow(0.000001, 6, "0.000001")]
        [DataRow(123456.789, 6, "123456.789000")]
        [DataRow(1013.25, 2, "1013.25")]
        public void A_value_is_written_with_exactly_the_decimals_asked(double value, int decimals, string expected)
        {
            Assert.AreEqual(expected, NumberText.Fixed(value, decimals));
        }

        [TestMethod]
        [DataRow(0.005, 2, "0.01")]
        [DataRow(0.015, 2, "0.02")]
        [DataRow(0.125, 2, "0.13")]
        [DataRow(2.5, 0, "3")]
        [DataRow(0.5, 0, "1")]
        [DataRow(9.96, 1, "10.0")]
        [DataRow(99.95, 1, "100.0")]
        [DataRow(0.0000004, 6, "0.000000")]
        public void Halves_of_the_last_digit_round_away_from_zero(double value, int decimals, string expected)
        {
            Assert.AreEqual(expected, NumberText.Fixed(value, decimals));
        }

        [TestMethod]
        [DataRow(1.005, 2, "1.00")]
        [DataRow(0.145, 2, "0.14")]
        [DataRow(0.575, 2, "0.57")]
        public void A_half_whose_scaled_double_stays_below_the_half_rounds_down(double value, int decimals, string expected)
        {
            // 1.005 is 1.00499999999999989... as an IEEE 754 double and 1.005 x 100 is 100.49999999999999;
            // likewise 0.145 x 100 is 14.499999999999998 and 0.575 x 100 is 57.49999999999999.
            Assert.AreEqual(expected, NumberText.Fixed(value, decimals));
        }

        [TestMethod]
        public void A_half_whose_scaled_double_is_the_exact_half_rounds_up()
        {
            // 2.675 is 2.67499999999999982... but 2.675 x 100 rounds to exactly 267.5 in double arithmetic, and the
            // rule looks at the scaled double. (nanoFramework's own ToString("F2") prints 2.67 here.)
            Assert.AreEqual("2.68", NumberText.Fixed(2.675, 2));
        }

        [TestMethod]
        [DataRow(-21.52, 2, "-21.52")]
        [DataRow(-0.005, 2, "-0.01")]
        [DataRow(-2.5, 0, "-3")]
        [DataRow(-0.5, 0, "-1")]
        [DataRow(-40.0, 1, "-40.0")]
        public void Negative_values_keep_their_sign_and_round_away_from_zero(double value, int decimals, string expected)
        {
            Assert.AreEqual(expected, NumberText.Fixed(value, decimals));
        }

        [TestMethod]
        [DataRow(-0.001, 2)]
        [DataRow(-0.4, 0)]
        [DataRow(-0.0000001, 6)]
        public void A_negative_value_that_rounds_to_zero_has_no_sign(double value, int decimals)
        {
            string zero = decimals == 0 ? "0" : "0." + new string('0', decimals);
            Assert.AreEqual(zero, NumberText.Fixed(value, decimals));
        }

        [TestMethod]
        public void A_scaled_integer_divided_by_its_power_of_ten_prints_its_own_digits()
        {
            // The node keeps readings as scaled integers and divides before writing: that division must never cost
            // a digit, whatever the rounding of k / 10^d in binary.
            double[] powers = { 1, 10, 100, 1000, 10000, 100000, 1000000 };
            for (int decimals = 0; decimals <= NumberWriter.MaxDecimals; decimals++)
            {
                for (long k = -100003; k <= 100003; k += 997)
                {
                    string digits = (k < 0 ? -k : k).ToString();
                    while (digits.Length < decimals + 1)
                    {
                        digits = "0" + digits;
                    }

                    string expected = (k < 0 ? "-" : "")
                        + (decimals == 0 ? digits : digits.Substring(0, digits.Length - decimals) + "." + digits.Substring(digits.Length - decimals));
                    Assert.AreEqual(expected, NumberText.Fixed(k / powers[decimals], decimals));
                }

                long large = 999999999999999;
                Assert.AreEqual(15 + (decimals == 0 ? 0 : 1), NumberText.Fixed(large / powers[decimals], decimals).Length);
            }
        }

        [TestMethod]
        public void Negative_zero_is_written_as_zero()
        {
            Assert.AreEqual("0.00", NumberText.Fixed(-0.0, 2));
        }

        [TestMethod]
        public void Large_values_are_written_in_full_without_exponent()
        {
            Assert.AreEqual("1000000000000.00", NumberText.Fixed(1e12, 2));
            Assert.AreEqual("-1000000000000.00", NumberText.Fixed(-1e12, 2));
            Assert.AreEqual("123456789012.34", NumberText.Fixed(123456789012.34, 2));
            Assert.AreEqual("999999999999999", NumberText.Fixed(999999999999999.0, 0));
        }

        [TestMethod]
        public void The_longest_output_fits_MaxFixedLength()
        {
            // |value| x 10^6 just below 1e15: 9 integer digits, 6 decimals, a sign and the point.
            string text = NumberText.Fixed(-999999999.5, 6);
            Assert.AreEqual("-999999999.500000", text);
            Assert.AreEqual(NumberWriter.MaxFixedLength, text.Length);
        }

        [TestMethod]
        public void NaN_is_refused()
        {
            Assert.AreEqual("value: NaN is not a number that can be written; drop the reading", FixedError(double.NaN, 2));
        }

        [TestMethod]
        public void Infinities_are_refused()
        {
            Assert.AreEqual("value: Infinity is not a number that can be written; drop the reading", FixedError(double.PositiveInfinity, 2));
            Assert.AreEqual("value: -Infinity is not a number that can be written; drop the reading", FixedError(double.NegativeInfinity, 2));
        }

        [TestMethod]
        [DataRow(-1)]
        [DataRow(7)]
        public void Decimals_outside_0_to_6_are_refused(int decimals)
        {
            Assert.AreEqual("decimals: " + decimals + " is out of range (0..6)", FixedError(1.0, decimals));
        }

        [TestMethod]
        public void A_value_too_large_for_its_decimals_is_refused()
        {
            Assert.AreEqual(
                "value: too large to write with 2 decimals (|value| x 10^2 must be below 1e15); use fewer decimals",
                FixedError(-1e13, 2));
            Assert.AreEqual(
                "value: too large to write with 0 decimals (|value| x 10^0 must be below 1e15); use fewer decimals",
                FixedError(1e15, 0));
        }

        [TestMethod]
        public void WriteFixed_writes_at_the_offset_returns_the_length_and_touches_nothing_else()
        {
            byte[] buffer = new byte[12];
            for (int i = 0; i < buffer.Length; i++)
            {
                buffer[i] = 0xEE;
            }

            int length = NumberWriter.WriteFixed(buffer, 3, 21.52, 2);
            Assert.AreEqual(5, length);
            Assert.AreEqual("21.52", Ascii(buffer, 3, 5));
            Assert.AreEqual((byte)0xEE, buffer[2]);
            Assert.AreEqual((byte)0xEE, buffer[8]);
        }

        [TestMethod]
        public void WriteFixed_refuses_a_buffer_too_small_and_writes_nothing()
        {
            byte[] buffer = new byte[6];
            string message = null;
            try
            {
                NumberWriter.WriteFixed(buffer, 2, -21.52, 2);
            }
            catch (ArgumentException e)
            {
                message = e.Message;
            }

            Assert.AreEqual("buffer: 6 bytes needed at offset 2 but the buffer holds 6 bytes; size it with the Max...Length constants", message);
            Assert.AreEqual((byte)0, buffer[5]);
        }

        [TestMethod]
        [DataRow(0L, "0")]
        [DataRow(7L, "7")]
        [DataRow(1234L, "1234")]
        [DataRow(-1234L, "-1234")]
        [DataRow(9223372036854775807L, "9223372036854775807")]
        [DataRow(-9223372036854775808L, "-9223372036854775808")]
        public void Integers_are_written_in_decimal(long value, string expected)
        {
            byte[] buffer = new byte[NumberWriter.MaxIntegerLength + 1];
            int length = NumberWriter.WriteInteger(buffer, 1, value);
            Assert.AreEqual(expected, Ascii(buffer, 1, length));
        }
    }
}
