using System;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Capteur.Node.Mqtt;
using Capteur.Node.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Capteur.Desktop.Tests.Payloads
{
    /// <summary>The json payloads read back by a real JSON parser, on several cultures.</summary>
    [TestClass]
    public class PayloadJsonParsingTests
    {
        private static readonly double[] Values = { 21.52, -12.345, 0.0, -0.001, 0.015, 1.005, 1013.25, -40.0, 99.95, 123456789.123456, 1e12 };
        private static readonly string[] Units = { "°C", "%", "hPa", "µg/m³", "", "a\"b\\c", "tab\there", "\u0001\u001F\n", "nul\0x", "😀" };
        private static readonly long[] Seqs = { 0, 1, 1234, -1, long.MaxValue, long.MinValue };
        private static readonly long[] Times = { 0, 951782400000, 1709210096789, 1795341600000, 4107542400000, 253402300799999 };

        private static JsonElement Parse(byte[] buffer, int length)
        {
            // Strict parsing: no comments, no trailing commas, valid UTF-8, exactly one value.
            using (JsonDocument document = JsonDocument.Parse(new ReadOnlyMemory<byte>(buffer, 0, length)))
            {
                return document.RootElement.Clone();
            }
        }

        /// <summary>
        /// Half a unit of the last digit, plus the rounding of value x 10^decimals (the rule rounds the scaled double)
        /// and of parsing, each at most |value| x 2^-53.
        /// </summary>
        private static double HalfUnit(double value, int decimals)
        {
            return 0.5 * Math.Pow(10, -decimals) + 4 * Math.Abs(value) * Math.Pow(2, -53);
        }

        private static string[] PropertyNames(JsonElement element)
        {
            var names = new System.Collections.Generic.List<string>();
            foreach (JsonProperty property in element.EnumerateObject())
            {
                names.Add(property.Name);
            }

            return names.ToArray();
        }

        [TestMethod]
        [DataRow("")]
        [DataRow("fr-FR")]
        [DataRow("de-DE")]
        public void Every_payload_shape_parses_back_to_its_value_unit_seq_and_time(string culture)
        {
            using (new CultureScope(culture))
            {
                byte[] buffer = new byte[PayloadFormatter.MaxJsonLength];
                int i = 0;
                foreach (double value in Values)
                {
                    for (int decimals = 0; decimals <= NumberWriter.MaxDecimals; decimals++)
                    {
                        if (Math.Abs(value) * Math.Pow(10, decimals) >= NumberWriter.ScaledLimit)
                        {
                            continue;
                        }

                        string unit = Units[i % Units.Length];
                        long seq = Seqs[i % Seqs.Length];
                        long unixMs = Times[i % Times.Length];
                        i++;

                        int length = PayloadFormatter.WriteJson(buffer, 0, value, decimals, Encoding.UTF8.GetBytes(unit), seq, unixMs);
                        JsonElement root = Parse(buffer, length);

                        CollectionAssert.AreEqual(new[] { "value", "unit", "seq", "ts" }, PropertyNames(root));
                        double parsed = root.GetProperty("value").GetDouble();
                        Assert.IsTrue(Math.Abs(parsed - value) <= HalfUnit(value, decimals),
                            value.ToString("R", CultureInfo.InvariantCulture) + " with " + decimals + " decimals parsed as " + parsed.ToString("R", CultureInfo.InvariantCulture));
                        Assert.AreEqual(NumberText.Fixed(value, decimals), root.GetProperty("value").GetRawText());
                        Assert.AreEqual(unit, root.GetProperty("unit").GetString());
                        Assert.AreEqual(seq, root.GetProperty("seq").GetInt64());
                        string ts = root.GetProperty("ts").GetString();
                        DateTimeOffset time = root.GetProperty("ts").GetDateTimeOffset();
                        Assert.AreEqual(TimeSpan.Zero, time.Offset, ts);
                        Assert.AreEqual(DateTimeOffset.FromUnixTimeMilliseconds(unixMs), time, ts);
                        Assert.AreEqual(24, ts.Length);
                        Assert.IsTrue(ts.EndsWith("Z", StringComparison.Ordinal));
                    }
                }

                Assert.IsTrue(i > 60);
            }
        }

        [TestMethod]
        [DataRow("en-US")]
        [DataRow("fr-FR")]
        [DataRow("de-DE")]
        public void Payload_bytes_are_the_same_on_every_culture(string culture)
        {
            byte[] invariant = new byte[PayloadFormatter.MaxJsonLength];
            byte[] local = new byte[PayloadFormatter.MaxJsonLength];
            int expectedLength;
            using (new CultureScope(""))
            {
                expectedLength = PayloadFormatter.WriteJson(invariant, 0, -1234.5678, 3, Encoding.UTF8.GetBytes("°C"), 42, 1795341600000);
            }

            using (new CultureScope(culture))
            {
                if (culture != "en-US")
                {
                    // Proves the culture really is in force (not an invariant fallback for lack of ICU data).
                    Assert.AreEqual(",", CultureInfo.CurrentCulture.NumberFormat.NumberDecimalSeparator);
                    Assert.AreEqual("-1234,568", (-1234.5678).ToString("F3"));
                }

                int length = PayloadFormatter.WriteJson(local, 0, -1234.5678, 3, Encoding.UTF8.GetBytes("°C"), 42, 1795341600000);
                Assert.AreEqual(expectedLength, length);
                CollectionAssert.AreEqual(invariant, local);
                Assert.AreEqual(
                    "{\"value\":-1234.568,\"unit\":\"°C\",\"seq\":42,\"ts\":\"2026-11-22T10:00:00.000Z\"}",
                    Encoding.UTF8.GetString(local, 0, length));
                Assert.AreEqual("-1234.568", NumberText.Fixed(-1234.5678, 3));
            }
        }

        [TestMethod]
        public void Plain_payloads_parse_as_numbers_with_the_invariant_parser()
        {
            using (new CultureScope("de-DE"))
            {
                byte[] buffer = new byte[PayloadFormatter.MaxPlainLength];
                int length = PayloadFormatter.WritePlain(buffer, 0, 21.52, 2);
                string text = Encoding.ASCII.GetString(buffer, 0, length);
                Assert.AreEqual("21.52", text);
                Assert.AreEqual(21.52, double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
            }
        }

        [TestMethod]
        public void Rewriting_a_parsed_number_gives_the_same_text()
        {
            // A deterministic sweep instead of a few hand-picked values: the text printed for any value parses back
            // to a double that prints the same, and it is within half a unit of the last digit of the value.
            Random random = new Random(20261122);
            for (int n = 0; n < 200000; n++)
            {
                int decimals = random.Next(0, NumberWriter.MaxDecimals + 1);
                double value = (random.NextDouble() * 2 - 1) * Math.Pow(10, random.Next(-3, 9));
                if (Math.Abs(value) * Math.Pow(10, decimals) >= NumberWriter.ScaledLimit)
                {
                    continue;
                }

                string text = NumberText.Fixed(value, decimals);
                double parsed = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
                Assert.AreEqual(text, NumberText.Fixed(parsed, decimals), value.ToString("R", CultureInfo.InvariantCulture));
                Assert.IsTrue(Math.Abs(parsed - value) <= HalfUnit(value, decimals), text);
            }
        }
    }
}
