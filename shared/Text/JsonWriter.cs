using System;
using System.Text;

namespace Capteur.Node.Text
{
    /// <summary>
    /// Builds a JSON text (RFC 8259) in a StringBuilder, for messages sent now and then: node info, Home Assistant
    /// discovery, the console's json mode. Readings use <c>PayloadFormatter</c> instead, which does not allocate.
    /// No whitespace is written; strings are escaped as RFC 8259 section 7 asks, non-ASCII characters pass as they
    /// are (UTF-8 once encoded); doubles are written with explicit decimals so that both runtimes agree.
    /// Calls chain: <c>w.BeginObject().Property("id", "n1").Property("uptime", 42L).EndObject()</c>.
    /// </summary>
    public sealed class JsonWriter
    {
        private readonly StringBuilder _builder = new StringBuilder();
        private readonly byte[] _digits = new byte[NumberWriter.MaxIntegerLength];
        private bool[] _inObject = new bool[8];
        private bool[] _hasItems = new bool[8];
        private int _depth;
        private bool _nameWritten;
        private bool _rootWritten;

        /// <summary>True when a whole value was written and every object and array is closed.</summary>
        public bool IsComplete
        {
            get { return _rootWritten && _depth == 0; }
        }

        /// <summary>Opens an object: <c>{</c>.</summary>
        public JsonWriter BeginObject()
        {
            BeforeValue();
            _builder.Append('{');
            Push(true);
            return this;
        }

        /// <summary>Writes the property name, then opens an object as its value.</summary>
        public JsonWriter BeginObject(string name)
        {
            return Name(name).BeginObject();
        }

        /// <summary>Closes the innermost object: <c>}</c>.</summary>
        public JsonWriter EndObject()
        {
            Pop(true);
            _builder.Append('}');
            return this;
        }

        /// <summary>Opens an array: <c>[</c>.</summary>
        public JsonWriter BeginArray()
        {
            BeforeValue();
            _builder.Append('[');
            Push(false);
            return this;
        }

        /// <summary>Writes the property name, then opens an array as its value.</summary>
        public JsonWriter BeginArray(string name)
        {
            return Name(name).BeginArray();
        }

        /// <summary>Closes the innermost array: <c>]</c>.</summary>
        public JsonWriter EndArray()
        {
            Pop(false);
            _builder.Append(']');
            return this;
        }

        /// <summary>Writes a property name inside an object; the next call writes its value.</summary>
        /// <exception cref="InvalidOperationException">Not directly inside an object, or a name is already waiting for its value.</exception>
        public JsonWriter Name(string name)
        {
            if (_depth == 0 || !_inObject[_depth - 1])
            {
                throw new InvalidOperationException("JsonWriter: property \"" + name + "\" written outside an object; call BeginObject first");
            }

            if (_nameWritten)
            {
                throw new InvalidOperationException("JsonWriter: property \"" + name + "\" written while the previous name waits for its value");
            }

            if (_hasItems[_depth - 1])
            {
                _builder.Append(',');
            }

            _hasItems[_depth - 1] = true;
            JsonEscape.AppendQuoted(_builder, name == null ? "" : name);
            _builder.Append(':');
            _nameWritten = true;
            return this;
        }

        /// <summary>Writes a string value, or <c>null</c> when <paramref name="value"/> is null.</summary>
        public JsonWriter Value(string value)
        {
            if (value == null)
            {
                return NullValue();
            }

            BeforeValue();
            JsonEscape.AppendQuoted(_builder, value);
            return this;
        }

        /// <summary>Writes an integer value.</summary>
        public JsonWriter Value(long value)
        {
            BeforeValue();
            AppendDigits(NumberWriter.WriteInteger(_digits, 0, value));
            return this;
        }

        /// <summary>
        /// Writes a number with exactly <paramref name="decimals"/> decimals (0..6), rounded as
        /// <see cref="NumberWriter.WriteFixed"/> does.
        /// </summary>
        /// <exception cref="ArgumentException">NaN, infinity, decimals out of range or a value too large (JSON has no NaN).</exception>
        public JsonWriter Value(double value, int decimals)
        {
            int length = NumberWriter.WriteFixed(_digits, 0, value, decimals);
            BeforeValue();
            AppendDigits(length);
            return this;
        }

        /// <summary>Writes <c>true</c> or <c>false</c>.</summary>
        public JsonWriter Value(bool value)
        {
            BeforeValue();
            _builder.Append(value ? "true" : "false");
            return this;
        }

        /// <summary>Writes <c>null</c>.</summary>
        public JsonWriter NullValue()
        {
            BeforeValue();
            _builder.Append("null");
            return this;
        }

        /// <summary>Writes a string property (<c>null</c> when <paramref name="value"/> is null).</summary>
        public JsonWriter Property(string name, string value)
        {
            return Name(name).Value(value);
        }

        /// <summary>Writes an integer property.</summary>
        public JsonWriter Property(string name, long value)
        {
            return Name(name).Value(value);
        }

        /// <summary>Writes a number property with exactly <paramref name="decimals"/> decimals (0..6).</summary>
        public JsonWriter Property(string name, double value, int decimals)
        {
            // The number is checked before the name goes out, so a refused value leaves the text as it was.
            int length = NumberWriter.WriteFixed(_digits, 0, value, decimals);
            Name(name);
            BeforeValue();
            AppendDigits(length);
            return this;
        }

        /// <summary>Writes a boolean property.</summary>
        public JsonWriter Property(string name, bool value)
        {
            return Name(name).Value(value);
        }

        /// <summary>Writes a property whose value is <c>null</c>.</summary>
        public JsonWriter PropertyNull(string name)
        {
            return Name(name).NullValue();
        }

        /// <summary>Forgets everything written, keeping the builder's memory for the next text.</summary>
        public void Clear()
        {
            _builder.Clear();
            _depth = 0;
            _nameWritten = false;
            _rootWritten = false;
        }

        /// <summary>The text written so far.</summary>
        public override string ToString()
        {
            return _builder.ToString();
        }

        /// <summary>The text written so far, encoded as UTF-8.</summary>
        public byte[] ToUtf8()
        {
            return Encoding.UTF8.GetBytes(_builder.ToString());
        }

        private void BeforeValue()
        {
            if (_depth == 0)
            {
                if (_rootWritten)
                {
                    throw new InvalidOperationException("JsonWriter: a JSON text holds one value and it is already written; call Clear to start another");
                }

                _rootWritten = true;
                return;
            }

            if (_inObject[_depth - 1])
            {
                if (!_nameWritten)
                {
                    throw new InvalidOperationException("JsonWriter: a value inside an object needs a property name; call Name first");
                }

                _nameWritten = false;
                return;
            }

            if (_hasItems[_depth - 1])
            {
                _builder.Append(',');
            }

            _hasItems[_depth - 1] = true;
        }

        private void Push(bool isObject)
        {
            if (_depth == _inObject.Length)
            {
                _inObject = Grow(_inObject);
                _hasItems = Grow(_hasItems);
            }

            _inObject[_depth] = isObject;
            _hasItems[_depth] = false;
            _depth++;
        }

        private void Pop(bool isObject)
        {
            string kind = isObject ? "object" : "array";
            if (_depth == 0 || _inObject[_depth - 1] != isObject)
            {
                throw new InvalidOperationException("JsonWriter: End" + (isObject ? "Object" : "Array") + " without an open " + kind);
            }

            if (_nameWritten)
            {
                throw new InvalidOperationException("JsonWriter: the object ends after a property name without its value");
            }

            _depth--;
        }

        private void AppendDigits(int length)
        {
            for (int i = 0; i < length; i++)
            {
                _builder.Append((char)_digits[i]);
            }
        }

        private static bool[] Grow(bool[] items)
        {
            bool[] larger = new bool[items.Length * 2];
            Array.Copy(items, larger, items.Length);
            return larger;
        }
    }
}
