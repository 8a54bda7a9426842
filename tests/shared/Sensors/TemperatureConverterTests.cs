#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using Capteur.Node.Sensors;

namespace Capteur.Node.Tests.Sensors
{
    [TestClass]
    public class TemperatureConverterTests
    {
        // TMP36 datasheet, table 4 / figure 6: 750 mV at 25 °C, 100 mV at -40 °C, 1750 mV at 125 °C, 500 mV at 0 °C.
        [TestMethod]
        [DataRow(750.0, 25.0)]
        [DataRow(100.0, -40.0)]
        [DataRow(1750.0, 125.0)]
        [DataRow(500.0, 0.0)]
        public void Tmp36_follows_its_datasheet(double milliVolts, double expectedCelsius)
        {
            Assert.AreEqual(expectedCelsius, Tmp36Converter.MilliVoltsToCelsius(milliVolts));
        }

        // LM35 datasheet: 10 mV/°C, 0 mV at 0 °C: 250 mV at 25 °C, 1500 mV at 150 °C.
        [TestMethod]
        [DataRow(250.0, 25.0)]
        [DataRow(0.0, 0.0)]
        [DataRow(1500.0, 150.0)]
        public void Lm35_follows_its_datasheet(double milliVolts, double expectedCelsius)
        {
            Assert.AreEqual(expectedCelsius, Lm35Converter.MilliVoltsToCelsius(milliVolts));
        }

        [TestMethod]
        public void A_tmp36_reading_between_points_is_linear()
        {
            Assert.AreEqual("21.46", Tmp36Converter.MilliVoltsToCelsius(714.6).ToString("F2"));
        }
    }
}
