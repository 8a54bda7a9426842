#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;
using Capteur.Node.Filters;
using Capteur.Node.Sensors;
using Capteur.Node.Tests.Support;

namespace Capteur.Node.Tests.Sensors
{
    [TestClass]
    public class AnalogSensorTests
    {
        private static double Read(AnalogSensor sensor, long nowMs)
        {
            double value;
            Assert.IsTrue(sensor.TryRead(nowMs, out value));
            return value;
        }

        [TestMethod]
        public void A_tmp36_reading_is_the_mean_converted_to_celsius()
        {
            // mean 1001 counts = 1001 * 3300 / 4095 = 806.67 mV; TMP36: (806.67 - 500) / 10 = 30.67 °C
            FakeAnalogInput input = new FakeAnalogInput(1000, 1002);
            AnalogSensor sensor = new AnalogSensor(input, SensorKind.Tmp36, 8, null, null);
            Assert.AreEqual("30.67", Read(sensor, 0).ToString("F2"));
            Assert.AreEqual(8, input.Reads);
        }

        [TestMethod]
        public void An_lm35_reading_uses_the_lm35_line()
        {
            // 806.67 mV / 10 mV/°C = 80.67 °C
            AnalogSensor sensor = new AnalogSensor(new FakeAnalogInput(1000, 1002), SensorKind.Lm35, 2, null, null);
            Assert.AreEqual("80.67", Read(sensor, 0).ToString("F2"));
        }

        [TestMethod]
        public void Full_scale_on_a_tmp36_reads_280_degrees()
        {
            // 3300 mV: (3300 - 500) / 10 = 280 °C, far above the TMP36's 125 °C: an open or shorted input.
            AnalogSensor sensor = new AnalogSensor(new FakeAnalogInput(4095), SensorKind.Tmp36, 1, null, null);
            Assert.AreEqual(280.0, Read(sensor, 0));
        }

        [TestMethod]
        public void The_calibration_applies_after_the_conversion()
        {
            AnalogSensor sensor = new AnalogSensor(
                new FakeAnalogInput(4095), SensorKind.Tmp36, 1, TwoPointCalibration.Parse("20:21,80:81"), null);
            Assert.AreEqual(281.0, Read(sensor, 0));
        }

        [TestMethod]
        public void The_filters_apply_after_the_calibration()
        {
            AnalogSensor sensor = new AnalogSensor(
                new FakeAnalogInput(4095), SensorKind.Tmp36, 1, TwoPointCalibration.Parse("20:21,80:81"), FilterChain.Parse("clamp(-40,125)"));
            Assert.AreEqual(125.0, Read(sensor, 0));
        }

        [TestMethod]
        public void A_filter_can_hold_back_a_reading()
        {
            FakeAnalogInput input = new FakeAnalogInput(930);
            AnalogSensor sensor = new AnalogSensor(input, SensorKind.Tmp36, 4, null, FilterChain.Parse("delta(0.5)"));
            Read(sensor, 0);
            double value;
            Assert.IsFalse(sensor.TryRead(1000, out value));
            input.Set(1000);
            Assert.IsTrue(sensor.TryRead(2000, out value));
        }

        [TestMethod]
        public void The_unit_is_degrees_celsius()
        {
            Assert.AreEqual("°C", new AnalogSensor(new FakeAnalogInput(0), SensorKind.Lm35, 1, null, null).Unit);
        }

        [TestMethod]
        public void A_digital_kind_is_refused()
        {
            string message = null;
            try
            {
                new AnalogSensor(new FakeAnalogInput(0), SensorKind.Digital, 8, null, null);
            }
            catch (ArgumentException e)
            {
                message = e.Message;
            }

            Assert.AreEqual("kind digital is not analog (use tmp36 or lm35)", message);
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(65)]
        public void An_oversample_count_out_of_range_is_refused(int oversample)
        {
            string message = null;
            try
            {
                new AnalogSensor(new FakeAnalogInput(0), SensorKind.Tmp36, oversample, null, null);
            }
            catch (ArgumentException e)
            {
                message = e.Message;
            }

            Assert.AreEqual("oversample: " + oversample.ToString() + " is out of range (1..64)", message);
        }
    }
}
