#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;
using Capteur.Node.Tests.Support;
using Capteur.Node.Text;

namespace Capteur.Node.Tests.Text
{
    [TestClass]
    public class JsonWriterTests
    {
        private static string Misuse(JsonWriter writer, int step)
        {
            try
            {
                switch (step)
                {
                    case 0: writer.Name("a"); break;
                    case 1: writer.Value(1L); break;
                    case 2: writer.EndObject(); break;
                    case 3: writer.EndArray(); break;
                    default: writer.Name("b"); break;
                }

                return null;
            }
            catch (InvalidOperationException e)
            {
                return e.Message;
            }
        }

        [TestMethod]
        public void An_empty_object_and_an_empty_array_are_written_without_spaces()
        {
            Assert.AreEqual("{}", new JsonWriter().BeginObject().EndObject().ToString());
            Assert.AreEqual("[]", new JsonWriter().BeginArray().EndArray().ToString());
        }

        [TestMethod]
        public void Properties_of_every_kind_are_written_in_order_separated_by_commas()
        {
            JsonWriter writer = new JsonWriter()
                .BeginObject()
                .Property("id", "kitchen")
                .Property("uptime", 3600L)
                .Property("vcc", 3.3, 2)
                .Property("ok", true)
                .Property("debug", false)
                .PropertyNull("ip")
                .Property("name", (string)null)
                .EndObject();
            Assert.AreEqual(
                "{\"id\":\"kitchen\",\"uptime\":3600,\"vcc\":3.30,\"ok\":true,\"debug\":false,\"ip\":null,\"name\":null}",
                writer.ToString());
            Assert.IsTrue(writer.IsComplete);
        }

        [TestMethod]
        public void Objects_and_arrays_nest()
        {
            JsonWriter writer = new JsonWriter()
                .BeginObject()
                .BeginArray("sensors")
                .BeginObject().Property("name", "t").Property("decimals", 1L).EndObject()
                .BeginObject().Property("name", "h").BeginArray("filters").Value("median").Value(5L).EndArray().EndObject()
                .EndArray()
                .BeginObject("device").Property("model", "ESP32").EndObject()
                .BeginArray("empty").EndArray()
                .EndObject();
            Assert.AreEqual(
                "{\"sensors\":[{\"name\":\"t\",\"decimals\":1},{\"name\":\"h\",\"filters\":[\"median\",5]}],"
                + "\"device\":{\"model\":\"ESP32\"},\"empty\":[]}",
                writer.ToString());
        }

        [TestMethod]
        public void Nesting_deeper_than_the_initial_stack_grows_it()
        {
            JsonWriter writer = new JsonWriter();
            for (int i = 0; i < 20; i++)
            {
                writer.BeginArray();
            }

            writer.Value(1L);
            for (int i = 0; i < 20; i++)
            {
                writer.EndArray();
            }

            Assert.AreEqual("[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]", writer.ToString());
            Assert.IsTrue(writer.IsComplete);
        }

        [TestMethod]
        public void Array_values_of_every_kind_are_separated_by_commas()
        {
            JsonWriter writer = new JsonWriter()
                .BeginArray().Value("a").Value(-7L).Value(-0.5, 1).Value(true).NullValue().EndArray();
            Assert.AreEqual("[\"a\",-7,-0.5,true,null]", writer.ToString());
        }

        [TestMethod]
        public void Quotation_mark_and_reverse_solidus_are_escaped()
        {
            JsonWriter writer = new JsonWriter().Value("say \"hi\" C:\\temp/x");
            Assert.AreEqual("\"say \\\"hi\\\" C:\\\\temp/x\"", writer.ToString());
        }

        [TestMethod]
        public void Control_characters_use_short_escapes_or_u00XX()
        {
            // RFC 8259 section 7: U+0000..U+001F must be escaped; \b \f \n \r \t have two-character forms.
            // (U+0000 itself cannot be tested here: a nanoFramework string ends at its first U+0000.)
            JsonWriter writer = new JsonWriter().Value("a\b\f\n\r\t\u0001\u000B\u001Fz\u007F");
            Assert.AreEqual("\"a\\b\\f\\n\\r\\t\\u0001\\u000B\\u001Fz\u007F\"", writer.ToString());
        }

        [TestMethod]
        public void Property_names_are_escaped_like_strings()
        {
            JsonWriter writer = new JsonWriter().BeginObject().Property("a\"b\n", 1L).EndObject();
            Assert.AreEqual("{\"a\\\"b\\n\":1}", writer.ToString());
        }

        [TestMethod]
        public void Non_ASCII_text_passes_unescaped_and_encodes_as_UTF_8()
        {
            JsonWriter writer = new JsonWriter().BeginObject().Property("unit", "°C").Property("n", "é\uD83D\uDE00").EndObject();
            Assert.AreEqual("{\"unit\":\"°C\",\"n\":\"é\uD83D\uDE00\"}", writer.ToString());
            // ° is C2 B0, é is C3 A9, U+1F600 is F0 9F 98 80 (RFC 3629).
            Assert.AreEqual(
                "7B 22 75 6E 69 74 22 3A 22 C2 B0 43 22 2C 22 6E 22 3A 22 C3 A9 F0 9F 98 80 22 7D",
                TextHex.Of(writer.ToUtf8(), 0, writer.ToUtf8().Length));
        }

        [TestMethod]
        public void Doubles_are_written_with_the_decimals_asked_and_integers_in_full()
        {
            JsonWriter writer = new JsonWriter()
                .BeginArray().Value(21.456, 1).Value(0.015, 2).Value(-0.001, 2).Value(7.0, 0)
                .Value(-9223372036854775808L).EndArray();
            Assert.AreEqual("[21.5,0.02,0.00,7,-9223372036854775808]", writer.ToString());
        }

        [TestMethod]
        public void NaN_is_refused_and_leaves_the_text_unchanged()
        {
            JsonWriter writer = new JsonWriter().BeginObject().Property("a", 1L);
            string message = null;
            try
            {
                writer.Property("b", double.NaN, 2);
            }
            catch (ArgumentException e)
            {
                message = e.Message;
            }

            Assert.AreEqual("value: NaN is not a number that can be written; drop the reading", message);
            writer.Property("c", 2L).EndObject();
            Assert.AreEqual("{\"a\":1,\"c\":2}", writer.ToString());
        }

        [TestMethod]
        public void A_name_outside_an_object_is_refused()
        {
            Assert.AreEqual(
                "JsonWriter: property \"a\" written outside an object; call BeginObject first",
                Misuse(new JsonWriter().BeginArray(), 0));
        }

        [TestMethod]
        public void A_value_without_a_name_inside_an_object_is_refused()
        {
            Assert.AreEqual(
                "JsonWriter: a value inside an object needs a property name; call Name first",
                Misuse(new JsonWriter().BeginObject(), 1));
        }

        [TestMethod]
        public void Two_names_in_a_row_are_refused()
        {
            Assert.AreEqual(
                "JsonWriter: property \"b\" written while the previous name waits for its value",
                Misuse(new JsonWriter().BeginObject().Name("a"), 4));
        }

        [TestMethod]
        public void Mismatched_ends_are_refused()
        {
            Assert.AreEqual("JsonWriter: EndObject without an open object", Misuse(new JsonWriter().BeginArray(), 2));
            Assert.AreEqual("JsonWriter: EndArray without an open array", Misuse(new JsonWriter(), 3));
            Assert.AreEqual(
                "JsonWriter: the object ends after a property name without its value",
                Misuse(new JsonWriter().BeginObject().Name("a"), 2));
        }

        [TestMethod]
        public void A_second_top_level_value_is_refused_until_Clear()
        {
            JsonWriter writer = new JsonWriter().Value(1L);
            Assert.AreEqual(
                "JsonWriter: a JSON text holds one value and it is already written; call Clear to start another",
                Misuse(writer, 1));
            writer.Clear();
            Assert.IsFalse(writer.IsComplete);
            writer.Value("x");
            Assert.AreEqual("\"x\"", writer.ToString());
        }

        [TestMethod]
        public void An_unclosed_object_is_not_complete()
        {
            Assert.IsFalse(new JsonWriter().BeginObject().IsComplete);
            Assert.IsFalse(new JsonWriter().IsComplete);
        }
    }
}
