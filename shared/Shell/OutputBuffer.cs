using System;
using System.Text;

namespace Capteur.Node.Shell
{
    /// <summary>
    /// Bytes waiting to go to the terminal (echo, results, prompt), collected so that the serial line gets a few
    /// writes rather than one per byte. Grows as needed; <see cref="Clear"/> keeps the memory.
    /// </summary>
    internal sealed class OutputBuffer
    {
        private byte[] _data = new byte[128];

        /// <summary>Number of bytes held.</summary>
        public int Length { get; private set; }

        /// <summary>The bytes held, from 0 to <see cref="Length"/>; valid until the next call.</summary>
        public byte[] Data
        {
            get { return _data; }
        }

        /// <summary>Adds one byte.</summary>
        public void Append(byte value)
        {
            Reserve(1);
            _data[Length++] = value;
        }

        /// <summary>Adds <paramref name="count"/> bytes of <paramref name="source"/> from <paramref name="offset"/>.</summary>
        public void Append(byte[] source, int offset, int count)
        {
            Reserve(count);
            Array.Copy(source, offset, _data, Length, count);
            Length += count;
        }

        /// <summary>Adds <paramref name="text"/> in UTF-8.</summary>
        public void Append(string text)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(text);
            Append(bytes, 0, bytes.Length);
        }

        /// <summary>Forgets the bytes held.</summary>
        public void Clear()
        {
            Length = 0;
        }

        /// <summary>The bytes held decoded as UTF-8 (for tests and messages).</summary>
        public override string ToString()
        {
            return Encoding.UTF8.GetString(_data, 0, Length);
        }

        private void Reserve(int count)
        {
            if (Length + count <= _data.Length)
            {
                return;
            }

            int size = _data.Length * 2;
            while (size < Length + count)
            {
                size *= 2;
            }

            byte[] larger = new byte[size];
            Array.Copy(_data, larger, Length);
            _data = larger;
        }
    }
}
