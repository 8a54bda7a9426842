using System;
using System.Collections;
using System.Text;
using Capteur.Node.Ports;

namespace Capteur.Node.Tests.Support
{
    /// <summary>
    /// A terminal on the other end of an <see cref="ISerialLine"/>: the test queues what is typed, in the chunks the
    /// UART would deliver, and reads back everything the node wrote.
    /// </summary>
    public sealed class FakeShellTerminal : ISerialLine
    {
        private readonly ArrayList _chunks = new ArrayList();
        private byte[] _written = new byte[0];

        /// <summary>Number of <see cref="Write"/> calls.</summary>
        public int Writes;

        /// <summary>Queues <paramref name="text"/> (UTF-8) as one chunk to read.</summary>
        public void Type(string text)
        {
            _chunks.Add(Encoding.UTF8.GetBytes(text));
        }

        /// <summary>Queues raw bytes as one chunk to read.</summary>
        public void TypeBytes(byte[] bytes)
        {
            _chunks.Add(bytes);
        }

        /// <summary>Everything written so far.</summary>
        public byte[] Output
        {
            get { return _written; }
        }

        /// <summary>Everything written so far, decoded as UTF-8.</summary>
        public string OutputText
        {
            get { return Encoding.UTF8.GetString(_written, 0, _written.Length); }
        }

        /// <summary>Forgets what was written.</summary>
        public void ClearOutput()
        {
            _written = new byte[0];
        }

        /// <inheritdoc />
        public int Read(byte[] buffer, int offset, int count)
        {
            if (_chunks.Count == 0)
            {
                return 0;
            }

            byte[] chunk = (byte[])_chunks[0];
            int n = chunk.Length < count ? chunk.Length : count;
            Array.Copy(chunk, 0, buffer, offset, n);
            if (n == chunk.Length)
            {
                _chunks.RemoveAt(0);
            }
            else
            {
                byte[] rest = new byte[chunk.Length - n];
                Array.Copy(chunk, n, rest, 0, rest.Length);
                _chunks[0] = rest;
            }

            return n;
        }

        /// <inheritdoc />
        public void Write(byte[] buffer, int offset, int count)
        {
            Writes++;
            byte[] grown = new byte[_written.Length + count];
            Array.Copy(_written, grown, _written.Length);
            Array.Copy(buffer, offset, grown, _written.Length, count);
            _written = grown;
        }
    }
}
