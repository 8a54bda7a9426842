#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using Capteur.Node.Sensors;

namespace Capteur.Node.Tests.Sensors
{
    [TestClass]
    public class SensorKindTableTests
    {
        [TestMethod]
        [DataRow("none", 0, "", false)]
        [DataRow("tmp36", 1, "°C", true)]
        [DataRow("lm35", 2, "°C", true)]
        [DataRow("digital", 3, "", false)]
        public void Every_config_name_maps_to_its_kind_unit_and_input(string name, int kind, string unit, bool analog)
        {
            SensorKind parsed;
            Assert.IsTrue(SensorKindTable.TryParse(name, out parsed));
            Assert.AreEqual(kind, (int)parsed);
            Assert.AreEqual(name, SensorKindTable.NameOf(parsed));
            Assert.AreEqual(unit, SensorKindTable.UnitOf(parsed));
            Assert.AreEqual(analog, SensorKindTable.IsAnalog(parsed));
        }

        [TestMethod]
        [DataRow("TMP36")]
        [DataRow("ds18b20")]
        [DataRow("")]
        public void An_unknown_name_is_refused(string name)
        {
            SensorKind parsed;
            Assert.IsFalse(SensorKindTable.TryParse(name, out parsed));
            Assert.AreEqual(0, (int)parsed);
        }

        [TestMethod]
        public void The_list_of_names_reads_in_enum_order()
        {
            Assert.AreEqual("none, tmp36, lm35, digital", SensorKindTable.AllNames);
        }
    }
}
