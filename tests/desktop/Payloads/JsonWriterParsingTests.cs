using System.Text.Json;
using Capteur.Node.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Capteur.Desktop.Tests.Payloads
{
    /// <summary>JsonWriter output read back by a real JSON parser, on several cultures.</summary>
    [TestClass]
    public class JsonWriterParsingTests
    {
        // Every character class RFC 8259 section 7 treats differently, including U+0000 (which a nanoFramework string
        // cannot hold, hence tested here) and a surrogate pair.
        private const string Awkward = "\0\u0001\b\t\n\f\r\u001F \"\\/ é°C µg/m³ 😀 \u007F\u2028";

        [TestMethod]
        [DataRow("")]
        [DataRow("fr-FR")]
        [DataRow("de-DE")]
        public void A_nested_document_parses_back_to_what_was_written(string culture)
        {
            using (new CultureScope(culture))
            {
                JsonWriter writer = new JsonWriter()
                    .BeginObject()
                    .Property("id", "capteur-kitchen")
                    .Property("text", Awkward)
                    .Property("uptime", 9223372036854775807L)
                    .Property("vcc", -3.3, 3)
                    .Property("ok", true)
                    .PropertyNull("ip")
                    .BeginArray("sensors")
                    .BeginObject().Property("name", "t").Property("value", 21.456, 1).EndObject()
                    .Value(-7L).Value(0.015, 2).Value(false).NullValue().Value("x")
                    .EndArray()
                    .BeginObject("empty").EndObject()
                    .EndObject();
                Assert.IsTrue(writer.IsComplete);

                using (JsonDocument document = JsonDocument.Parse(writer.ToUtf8()))
                {
                    JsonElement root = document.RootElement;
                    Assert.AreEqual("capteur-kitchen", root.GetProperty("id").GetString());
                    Assert.AreEqual(Awkward, root.GetProperty("text").GetString());
                    Assert.AreEqual(long.MaxValue, root.GetProperty("uptime").GetInt64());
                    Assert.AreEqual("-3.300", root.GetProperty("vcc").GetRawText());
                    Assert.AreEqual(-3.3, root.GetProperty("vcc").GetDouble());
                    Assert.IsTrue(root.GetProperty("ok").GetBoolean());
                    Assert.AreEqual(JsonValueKind.Null, root.GetProperty("ip").ValueKind);
                    JsonElement sensors = root.GetProperty("sensors");
                    Assert.AreEqual(6, sensors.GetArrayLength());
                    Assert.AreEqual("t", sensors[0].GetProperty("name").GetString());
                    Assert.AreEqual(21.5, sensors[0].GetProperty("value").GetDouble());
                    Assert.AreEqual(-7L, sensors[1].GetInt64());
                    Assert.AreEqual("0.02", sensors[2].GetRawText());
                    Assert.AreEqual(JsonValueKind.False, sensors[3].ValueKind);
                    Assert.AreEqual(JsonValueKind.Null, sensors[4].ValueKind);
                    Assert.AreEqual("x", sensors[5].GetString());
                    Assert.AreEqual(JsonValueKind.Object, root.GetProperty("empty").ValueKind);
                }
            }
        }

        [TestMethod]
        public void U_0000_is_escaped_as_u0000()
        {
            Assert.AreEqual("\"a\\u0000b\"", new JsonWriter().Value("a\0b").ToString());
        }

        [TestMethod]
        public void The_output_is_the_same_on_every_culture()
        {
            string invariant;
            using (new CultureScope(""))
            {
                invariant = new JsonWriter().BeginArray().Value(-1234.5678, 2).Value(1234567L).EndArray().ToString();
            }

            foreach (string culture in CultureScope.Names)
            {
                using (new CultureScope(culture))
                {
                    Assert.AreEqual(invariant, new JsonWriter().BeginArray().Value(-1234.5678, 2).Value(1234567L).EndArray().ToString());
                }
            }

            Assert.AreEqual("[-1234.57,1234567]", invariant);
        }
    }
}
