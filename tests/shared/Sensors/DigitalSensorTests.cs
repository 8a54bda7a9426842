#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using Capteur.Node.Filters;
using Capteur.Node.Sensors;
using Capteur.Node.Tests.Support;

namespace Capteur.Node.Tests.Sensors
{
    [TestClass]
    public class DigitalSensorTests
    {
        [TestMethod]
        [DataRow(true, 1.0)]
        [DataRow(false, 0.0)]
        public void The_first_poll_reports_the_level(bool level, double expected)
        {
            FakeDigitalInput input = new FakeDigitalInput();
            input.Level = level;
            DigitalSensor sensor = new DigitalSensor(input, 50, null);
            double value;
            Assert.IsTrue(sensor.TryRead(0, out value));
            Assert.AreEqual(expected, value);
        }

        [TestMethod]
        public void An_unchanged_level_is_not_reported_again()
        {
            FakeDigitalInput input = new FakeDigitalInput();
            DigitalSensor sensor = new DigitalSensor(input, 50, null);
            double value;
            sensor.TryRead(0, out value);
            Assert.IsFalse(sensor.TryRead(100, out value));
            Assert.IsFalse(sensor.TryRead(100000, out value));
        }

        [TestMethod]
        public void A_change_is_reported_once_it_has_lasted_the_debounce_time()
        {
            FakeDigitalInput input = new FakeDigitalInput();
            DigitalSensor sensor = new DigitalSensor(input, 50, null);
            double value;
            sensor.TryRead(0, out value);
            input.Level = true;
            Assert.IsFalse(sensor.TryRead(100, out value));
            Assert.IsFalse(sensor.TryRead(149, out value));
            Assert.IsTrue(sensor.TryRead(150, out value));
            Assert.AreEqual(1.0, value);
            Assert.IsFalse(sensor.TryRead(160, out value));
        }

        [TestMethod]
        public void A_bouncing_contact_is_reported_as_one_change()
        {
            FakeDigitalInput input = new FakeDigitalInput();
            DigitalSensor sensor = new DigitalSensor(input, 30, null);
            double value;
            sensor.TryRead(0, out value);
            int reports = 0;
            bool[] levels = { true, false, true, true, false, true, true, true, true, true };
            for (int i = 0; i < levels.Length; i++)
            {
                input.Level = levels[i];
                if (sensor.TryRead(100 + i * 10, out value))
                {
                    reports++;
                    Assert.AreEqual(1.0, value);
                }
            }

            Assert.AreEqual(1, reports);
        }

        [TestMethod]
        public void A_heartbeat_repeats_an_unchanged_level()
        {
            FakeDigitalInput input = new FakeDigitalInput();
            input.Level = true;
            DigitalSensor sensor = new DigitalSensor(input, 50, FilterChain.Parse("heartbeat(1m)"));
            double value;
            Assert.IsTrue(sensor.TryRead(0, out value));
            Assert.IsFalse(sensor.TryRead(30000, out value));
            Assert.IsTrue(sensor.TryRead(60000, out value));
            Assert.AreEqual(1.0, value);
            Assert.IsFalse(sensor.TryRead(90000, out value));
        }

        [TestMethod]
        public void Filters_apply_to_the_changes()
        {
            // multiply(-1) offset(1) inverts a pull-up contact: closed (low) reads 1.
            FakeDigitalInput input = new FakeDigitalInput();
            DigitalSensor sensor = new DigitalSensor(input, 0, FilterChain.Parse("multiply(-1) offset(1)"));
            double value;
            Assert.IsTrue(sensor.TryRead(0, out value));
            Assert.AreEqual(1.0, value);
        }

        [TestMethod]
        public void The_unit_is_empty()
        {
            Assert.AreEqual("", new DigitalSensor(new FakeDigitalInput(), 50, null).Unit);
        }
    }
}
