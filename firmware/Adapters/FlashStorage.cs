using System.IO;
using Capteur.Node.Ports;

namespace Capteur.Firmware.Adapters
{
    /// <summary>
    /// <see cref="IStorage"/> as files in one folder of the internal flash drive <c>I:</c> (littlefs on the ESP32,
    /// shared with the network config and certificates, so the node keeps to its own folder).
    /// </summary>
    internal sealed class FlashStorage : IStorage
    {
        /// <summary>The internal flash drive of ESP32 targets.</summary>
        public const string Drive = "I:\\";

        private readonly string _prefix;

        /// <summary>Files go to <c>I:\&lt;folder&gt;\</c>, created if missing; an empty folder means the drive root.</summary>
        public FlashStorage(string folder)
        {
            if (folder == null || folder.Length == 0)
            {
                _prefix = Drive;
                return;
            }

            string path = Drive + folder;
            if (!Directory.Exists(path))
            {
                Directory.CreateDirectory(path);
            }

            _prefix = path + "\\";
        }

        /// <summary>The folder's full path, ending with a backslash (for log lines).</summary>
        public string Folder
        {
            get { return _prefix; }
        }

        /// <inheritdoc />
        public byte[] Read(string name)
        {
            string path = _prefix + name;
            if (!File.Exists(path))
            {
                return null;
            }

            return File.ReadAllBytes(path);
        }

        /// <inheritdoc />
        public void Write(string name, byte[] data)
        {
            // WriteAllBytes closes the file before returning, which commits the littlefs metadata.
            File.WriteAllBytes(_prefix + name, data);
        }

        /// <inheritdoc />
        public void Append(string name, byte[] data, int offset, int count)
        {
            // nanoFramework's FileStream syncs every Write to the file system (Flush is a no-op there).
            using (FileStream file = new FileStream(_prefix + name, FileMode.Append, FileAccess.Write))
            {
                file.Write(data, offset, count);
            }
        }

        /// <inheritdoc />
        public bool Exists(string name)
        {
            return File.Exists(_prefix + name);
        }

        /// <inheritdoc />
        public void Delete(string name)
        {
            // File.Delete is a no-op for a missing file (System.IO.FileSystem File.cs), as the port asks.
            File.Delete(_prefix + name);
        }

        /// <inheritdoc />
        public void Move(string from, string to)
        {
            // File.Move throws when the destination exists, which is the port's contract too.
            File.Move(_prefix + from, _prefix + to);
        }
    }
}
