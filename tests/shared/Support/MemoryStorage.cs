using System;
using System.Collections;
using Capteur.Node.Ports;

namespace Capteur.Node.Tests.Support
{
    /// <summary>Thrown by <see cref="MemoryStorage"/> when a simulated power cut stops an operation.</summary>
    public sealed class SimulatedPowerCut : Exception
    {
        /// <summary>Creates the exception.</summary>
        public SimulatedPowerCut() : base("simulated power cut")
        {
        }
    }

    /// <summary>
    /// Flash in memory, with <see cref="IStorage"/>'s semantics (Move refuses an existing destination), that can
    /// cut the power before any operation: after <see cref="CutPowerAfter"/> more mutations (Write, Append, Delete,
    /// Move), every mutation throws.
    /// </summary>
    public sealed class MemoryStorage : IStorage
    {
        private readonly Hashtable _files = new Hashtable();
        private int _mutationsLeft = -1;

        /// <summary>Number of Write, Delete and Move calls done so far.</summary>
        public int Mutations;

        /// <summary>Lets <paramref name="mutations"/> more mutations through, then cuts the power.</summary>
        public void CutPowerAfter(int mutations)
        {
            _mutationsLeft = mutations;
        }

        /// <summary>Power is back: mutations go through again.</summary>
        public void RestorePower()
        {
            _mutationsLeft = -1;
        }

        /// <inheritdoc />
        public byte[] Read(string name)
        {
            byte[] data = (byte[])_files[name];
            if (data == null)
            {
                return null;
            }

            byte[] copy = new byte[data.Length];
            Array.Copy(data, copy, data.Length);
            return copy;
        }

        /// <inheritdoc />
        public void Write(string name, byte[] data)
        {
            Mutate();
            byte[] copy = new byte[data.Length];
            Array.Copy(data, copy, data.Length);
            _files[name] = copy;
        }

        /// <inheritdoc />
        public void Append(string name, byte[] data, int offset, int count)
        {
            Mutate();
            byte[] old = (byte[])_files[name];
            int oldLength = old == null ? 0 : old.Length;
            byte[] grown = new byte[oldLength + count];
            if (old != null)
            {
                Array.Copy(old, grown, oldLength);
            }

            Array.Copy(data, offset, grown, oldLength, count);
            _files[name] = grown;
        }

        /// <inheritdoc />
        public bool Exists(string name)
        {
            return _files.Contains(name);
        }

        /// <inheritdoc />
        public void Delete(string name)
        {
            Mutate();
            _files.Remove(name);
        }

        /// <inheritdoc />
        public void Move(string from, string to)
        {
            Mutate();
            if (!_files.Contains(from))
            {
                throw new InvalidOperationException("no such file: " + from);
            }

            if (_files.Contains(to))
            {
                throw new InvalidOperationException("destination exists: " + to);
            }

            _files[to] = _files[from];
            _files.Remove(from);
        }

        /// <summary>Writes a file directly, bypassing power cuts (to set up a test).</summary>
        public void Put(string name, byte[] data)
        {
            _files[name] = data;
        }

        private void Mutate()
        {
            if (_mutationsLeft == 0)
            {
                throw new SimulatedPowerCut();
            }

            if (_mutationsLeft > 0)
            {
                _mutationsLeft--;
            }

            Mutations++;
        }
    }
}
