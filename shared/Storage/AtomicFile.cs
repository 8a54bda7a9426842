using Capteur.Node.Ports;

namespace Capteur.Node.Storage
{
    /// <summary>
    /// Whole-file replacement that a power cut cannot leave half-written: the new content goes to
    /// <c>NAME.tmp</c>, the old file is deleted, then the temp file is moved over it. Reading repairs what a cut
    /// between two of those steps left behind, so a reader sees the previous content or the new, never a mix.
    /// </summary>
    public static class AtomicFile
    {
        /// <summary>Suffix of the temp file written before the swap.</summary>
        public const string TempSuffix = ".tmp";

        /// <summary>Replaces <paramref name="name"/> with <paramref name="data"/>.</summary>
        public static void Write(IStorage storage, string name, byte[] data)
        {
            Write(storage, name, name + TempSuffix, data);
        }

        /// <summary>
        /// Replaces <paramref name="name"/> with <paramref name="data"/>, given the temp file's name
        /// (<paramref name="name"/> + <see cref="TempSuffix"/>, kept by a caller that must not allocate).
        /// </summary>
        public static void Write(IStorage storage, string name, string tempName, byte[] data)
        {
            storage.Delete(tempName);
            storage.Write(tempName, data);
            Commit(storage, name, tempName);
        }

        /// <summary>
        /// The last step, for a caller that wrote the whole temp file itself (in pieces): the temp file takes the
        /// place of <paramref name="name"/>.
        /// </summary>
        public static void Commit(IStorage storage, string name, string tempName)
        {
            storage.Delete(name);
            storage.Move(tempName, name);
        }

        /// <summary>
        /// The file's content, or null when it was never written. A leftover temp file is resolved first: beside the
        /// file it is an unfinished write and is dropped (the file is the previous content, whole); alone, it is a
        /// finished write whose final move was cut, and it is moved into place.
        /// </summary>
        public static byte[] Read(IStorage storage, string name)
        {
            string temp = name + TempSuffix;
            if (storage.Exists(temp))
            {
                if (storage.Exists(name))
                {
                    storage.Delete(temp);
                }
                else
                {
                    storage.Move(temp, name);
                }
            }

            return storage.Read(name);
        }
    }
}
