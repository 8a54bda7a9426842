namespace Capteur.Node.Ports
{
    /// <summary>
    /// A flat folder of named files (internal flash <c>I:</c> on a board, a data folder on a desktop).
    /// Only primitives: atomic replacement is built on them in shared code.
    /// </summary>
    public interface IStorage
    {
        /// <summary>The whole file, or null when it does not exist.</summary>
        byte[] Read(string name);

        /// <summary>Creates or overwrites the file with exactly these bytes, durable when the call returns.</summary>
        void Write(string name, byte[] data);

        /// <summary>
        /// Adds <paramref name="count"/> bytes of <paramref name="data"/> from <paramref name="offset"/> at the end of
        /// the file (creating it), durable when the call returns. A power cut may leave only a prefix of them.
        /// </summary>
        void Append(string name, byte[] data, int offset, int count);

        /// <summary>True when the file exists.</summary>
        bool Exists(string name);

        /// <summary>Deletes the file; nothing happens when it does not exist.</summary>
        void Delete(string name);

        /// <summary>Renames a file; the destination must not exist (as on nanoFramework's <c>File.Move</c>).</summary>
        void Move(string from, string to);
    }
}
