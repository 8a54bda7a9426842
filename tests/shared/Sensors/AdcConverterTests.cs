#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using Capteur.Node.Sensors;

namespace Capteur.Node.Tests.Sensors
{
    [TestClass]
    public class AdcConverterTests
    {
        [TestMethod]
        public void Full_scale_count_4095_is_3300_millivolts()
        {
            Assert.AreEqual(3300.0, AdcConverter.RawToMilliVolts(4095));
        }

        [TestMethod]
        public void Count_0_is_0_millivolts()
        {
            Assert.AreEqual(0.0, AdcConverter.RawToMilliVolts(0));
        }

        [TestMethod]
        public void Mid_scale_count_is_proportional()
        {
            // 2048 * 3300 / 4095 = 1650.4029...
            Assert.AreEqual("1650.40", AdcConverter.RawToMilliVolts(2048).ToString("F2"));
        }

        [TestMethod]
        [DataRow(-1, "0.00")]
        [DataRow(-5000, "0.00")]
        [DataRow(4096, "3300.00")]
        [DataRow(65535, "3300.00")]
        public void Out_of_range_counts_are_clamped(int raw, string expectedMilliVolts)
        {
            Assert.AreEqual(expectedMilliVolts, AdcConverter.RawToMilliVolts(raw).ToString("F2"));
        }

        [TestMethod]
        public void A_mean_of_counts_keeps_its_fraction()
        {
            // 4095 counts span 3300 mV, so half a count is 3300 / 8190 = 0.4029 mV.
            Assert.AreEqual("0.4029", AdcConverter.RawToMilliVolts(0.5).ToString("F4"));
        }

        [TestMethod]
        public void Another_full_scale_can_be_given()
        {
            Assert.AreEqual(3100.0, AdcConverter.RawToMilliVolts(4095, 3100.0));
            Assert.AreEqual(3100.0, AdcConverter.RawToMilliVolts(9999, 3100.0));
        }
    }
}
