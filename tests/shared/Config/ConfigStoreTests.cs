#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System.Text;
using Capteur.Node.Config;
using Capteur.Node.Tests.Support;

namespace Capteur.Node.Tests.Config
{
    [TestClass]
    public class ConfigStoreTests
    {
        private static NodeConfig Valid(string host)
        {
            NodeConfig config = NodeConfig.CreateDefault();
            Assert.IsNull(config.TrySet("mqtt.host", host));
            Assert.IsNull(config.TrySet("wifi.password", "p;a ss\"w\\o'rd=#\u00e9 "));
            return config;
        }

        [TestMethod]
        public void A_node_without_a_config_file_gets_the_defaults_and_no_error()
        {
            ConfigLoadResult result = ConfigStore.Load(new MemoryStorage());
            Assert.IsFalse(result.HasErrors);
            Assert.IsTrue(result.Config.ContentEquals(NodeConfig.CreateDefault()));
        }

        [TestMethod]
        public void A_saved_config_loads_back_equal()
        {
            MemoryStorage storage = new MemoryStorage();
            NodeConfig config = Valid("broker.lan");
            Assert.AreEqual(0, ConfigStore.Save(storage, config).Length);
            Assert.IsTrue(storage.Exists("capteur.cfg"));
            ConfigLoadResult loaded = ConfigStore.Load(storage);
            Assert.IsFalse(loaded.HasErrors);
            Assert.IsTrue(loaded.Config.ContentEquals(config));
        }

        [TestMethod]
        public void Save_refuses_an_invalid_config_and_writes_nothing()
        {
            MemoryStorage storage = new MemoryStorage();
            string[] problems = ConfigStore.Save(storage, NodeConfig.CreateDefault());
            Assert.AreEqual(1, problems.Length);
            Assert.AreEqual("mqtt.host: not set (set the broker's address, e.g. mqtt.host=192.168.1.10)", problems[0]);
            Assert.AreEqual(0, storage.Mutations);
            Assert.IsFalse(storage.Exists("capteur.cfg"));
        }

        [TestMethod]
        public void A_config_loaded_with_refused_lines_cannot_be_saved_over_the_file()
        {
            MemoryStorage storage = new MemoryStorage();
            byte[] original = Encoding.UTF8.GetBytes("mqtt.host=broker.lan\nmqtt.port=70000\n");
            storage.Put("capteur.cfg", original);
            ConfigLoadResult loaded = ConfigStore.Load(storage);
            Assert.IsTrue(loaded.HasErrors);
            string[] problems = ConfigStore.Save(storage, loaded.Config);
            Assert.AreEqual(1, problems.Length);
            Assert.AreEqual("mqtt.port: line 2 of the config file was refused, so the key holds a stand-in (set mqtt.port again)", problems[0]);
            Assert.AreEqual(0, storage.Mutations);
            Assert.AreEqual(original.Length, storage.Read("capteur.cfg").Length);
        }

        [TestMethod]
        public void Saving_an_unchanged_config_does_not_write_the_flash_again()
        {
            MemoryStorage storage = new MemoryStorage();
            NodeConfig config = Valid("broker.lan");
            Assert.AreEqual(0, ConfigStore.Save(storage, config).Length);
            int mutations = storage.Mutations;
            Assert.AreEqual(0, ConfigStore.Save(storage, ConfigStore.Load(storage).Config).Length);
            Assert.AreEqual(mutations, storage.Mutations);
        }

        [TestMethod]
        [DataRow(0, "old.lan")]
        [DataRow(1, "old.lan")]
        [DataRow(2, "old.lan")]
        [DataRow(3, "new.lan")]
        [DataRow(4, "new.lan")]
        public void A_power_cut_during_save_leaves_the_previous_or_the_new_config(int mutationsBeforeCut, string expectedHost)
        {
            MemoryStorage storage = new MemoryStorage();
            Assert.AreEqual(0, ConfigStore.Save(storage, Valid("old.lan")).Length);
            storage.CutPowerAfter(mutationsBeforeCut);
            try
            {
                ConfigStore.Save(storage, Valid("new.lan"));
            }
            catch (SimulatedPowerCut)
            {
            }

            storage.RestorePower();
            ConfigLoadResult loaded = ConfigStore.Load(storage);
            Assert.IsFalse(loaded.HasErrors);
            Assert.IsTrue(loaded.Config.ContentEquals(Valid(expectedHost)));
        }
    }
}
