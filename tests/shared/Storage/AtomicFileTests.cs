#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System.Text;
using Capteur.Node.Storage;
using Capteur.Node.Tests.Support;

namespace Capteur.Node.Tests.Storage
{
    [TestClass]
    public class AtomicFileTests
    {
        private static string ReadText(MemoryStorage storage)
        {
            byte[] data = AtomicFile.Read(storage, "config.txt");
            return data == null ? null : Encoding.UTF8.GetString(data, 0, data.Length);
        }

        [TestMethod]
        public void A_file_never_written_reads_as_null()
        {
            Assert.IsNull(AtomicFile.Read(new MemoryStorage(), "config.txt"));
        }

        [TestMethod]
        public void A_write_replaces_the_content_and_leaves_no_temp_file()
        {
            MemoryStorage storage = new MemoryStorage();
            AtomicFile.Write(storage, "config.txt", Encoding.UTF8.GetBytes("old"));
            AtomicFile.Write(storage, "config.txt", Encoding.UTF8.GetBytes("new"));
            Assert.AreEqual("new", ReadText(storage));
            Assert.IsFalse(storage.Exists("config.txt.tmp"));
        }

        [TestMethod]
        [DataRow(0, "old")]
        [DataRow(1, "old")]
        [DataRow(2, "old")]
        [DataRow(3, "new")]
        [DataRow(4, "new")]
        public void A_power_cut_at_any_step_leaves_the_previous_or_the_new_content(int mutationsBeforeCut, string expected)
        {
            MemoryStorage storage = new MemoryStorage();
            AtomicFile.Write(storage, "config.txt", Encoding.UTF8.GetBytes("old"));
            storage.CutPowerAfter(mutationsBeforeCut);
            try
            {
                AtomicFile.Write(storage, "config.txt", Encoding.UTF8.GetBytes("new"));
            }
            catch (SimulatedPowerCut)
            {
            }

            storage.RestorePower();
            Assert.AreEqual(expected, ReadText(storage));
            Assert.IsFalse(storage.Exists("config.txt.tmp"));
        }

        [TestMethod]
        public void A_half_written_temp_file_beside_the_file_is_dropped()
        {
            MemoryStorage storage = new MemoryStorage();
            AtomicFile.Write(storage, "config.txt", Encoding.UTF8.GetBytes("old"));
            storage.Put("config.txt.tmp", Encoding.UTF8.GetBytes("ne"));
            Assert.AreEqual("old", ReadText(storage));
            Assert.IsFalse(storage.Exists("config.txt.tmp"));
        }
    }
}
