using System.Text;
using Capteur.Node.Ports;
using Capteur.Node.Storage;

namespace Capteur.Node.Config
{
    /// <summary>The node's config on flash, in <see cref="FileName"/>, replaced atomically by <see cref="AtomicFile"/>.</summary>
    public static class ConfigStore
    {
        /// <summary>Name of the config file in the node's storage.</summary>
        public const string FileName = "capteur.cfg";

        /// <summary>
        /// The stored config. A missing file gives every default and no error (a new node); otherwise see
        /// <see cref="ConfigFile.Parse(byte[])"/>. A file with errors is left as it is for the user to fix; the only
        /// write is <see cref="AtomicFile"/>'s repair of a save that a power cut interrupted.
        /// </summary>
        public static ConfigLoadResult Load(IStorage storage)
        {
            byte[] data = AtomicFile.Read(storage, FileName);
            if (data == null)
            {
                return new ConfigLoadResult(NodeConfig.CreateDefault(), new ConfigLoadError[0]);
            }

            return ConfigFile.Parse(data);
        }

        /// <summary>
        /// Writes <paramref name="config"/> when its <see cref="NodeConfig.Validate"/> finds nothing, and returns an
        /// empty array; otherwise writes nothing and returns those messages. An identical file already in place is
        /// not rewritten (flash wear). Storage exceptions (a full flash, a power cut) go to the caller; the previous
        /// file or the new one is then in place, whole.
        /// </summary>
        public static string[] Save(IStorage storage, NodeConfig config)
        {
            string[] problems = config.Validate();
            if (problems.Length > 0)
            {
                return problems;
            }

            byte[] data = Encoding.UTF8.GetBytes(ConfigFile.Write(config));
            if (!SameBytes(AtomicFile.Read(storage, FileName), data))
            {
                AtomicFile.Write(storage, FileName, data);
            }

            return problems;
        }

        private static bool SameBytes(byte[] a, byte[] b)
        {
            if (a == null || a.Length != b.Length)
            {
                return false;
            }

            for (int i = 0; i < a.Length; i++)
            {
                if (a[i] != b[i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
