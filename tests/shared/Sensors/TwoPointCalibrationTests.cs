#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;
using Capteur.Node.Sensors;

namespace Capteur.Node.Tests.Sensors
{
    [TestClass]
    public class TwoPointCalibrationTests
    {
        [TestMethod]
        [DataRow("")]
        [DataRow("   ")]
        public void A_blank_spec_is_valid_and_changes_nothing(string spec)
        {
            Assert.IsNull(TwoPointCalibration.Check(spec));
            TwoPointCalibration calibration = TwoPointCalibration.Parse(spec);
            Assert.AreEqual(1.0, calibration.Gain);
            Assert.AreEqual(0.0, calibration.Offset);
            Assert.AreEqual(21.5, calibration.Apply(21.5));
        }

        [TestMethod]
        public void A_null_spec_is_no_calibration()
        {
            Assert.IsNull(TwoPointCalibration.Check(null));
            Assert.AreEqual(21.5, TwoPointCalibration.Parse(null).Apply(21.5));
        }

        [TestMethod]
        public void Both_calibration_points_map_to_their_references()
        {
            TwoPointCalibration calibration = TwoPointCalibration.Parse("20.3:21.0,80.1:79.5");
            Assert.AreEqual("21.00", calibration.Apply(20.3).ToString("F2"));
            Assert.AreEqual("79.50", calibration.Apply(80.1).ToString("F2"));
        }

        [TestMethod]
        public void Gain_and_offset_are_the_line_through_the_two_points()
        {
            // gain = (79.5 - 21.0) / (80.1 - 20.3) = 58.5 / 59.8 = 0.97826; offset = 21.0 - 0.97826 * 20.3 = 1.14130
            TwoPointCalibration calibration = TwoPointCalibration.Parse("20.3:21.0,80.1:79.5");
            Assert.AreEqual("0.9783", calibration.Gain.ToString("F4"));
            Assert.AreEqual("1.1413", calibration.Offset.ToString("F4"));
            Assert.AreEqual("50.05", calibration.Apply(50.0).ToString("F2"));
        }

        [TestMethod]
        public void A_pure_offset_error_gives_gain_one()
        {
            TwoPointCalibration calibration = TwoPointCalibration.Parse("20:21,80:81");
            Assert.AreEqual(1.0, calibration.Gain);
            Assert.AreEqual(1.0, calibration.Offset);
        }

        [TestMethod]
        public void Negative_values_spaces_and_point_order_are_accepted()
        {
            TwoPointCalibration calibration = TwoPointCalibration.Parse(" 30 : 30.5 , -10.5 : -10 ");
            Assert.AreEqual(1.0, calibration.Gain);
            Assert.AreEqual(0.5, calibration.Offset);
        }

        [TestMethod]
        public void From_points_computes_gain_and_offset()
        {
            TwoPointCalibration calibration = TwoPointCalibration.FromPoints(0.0, 0.0, 10.0, 20.0);
            Assert.AreEqual(2.0, calibration.Gain);
            Assert.AreEqual(0.0, calibration.Offset);
            Assert.AreEqual(10.0, calibration.Apply(5.0));
        }

        [TestMethod]
        [DataRow("20:21,20:30", "\"20:21,20:30\": the two readings must differ (measure at two temperatures at least 10 °C apart)")]
        [DataRow("abc", "\"abc\": expected two reading:reference pairs in plain decimals, e.g. \"20.3:21.0,80.1:79.5\" (empty for no calibration)")]
        [DataRow("20.3:21.0", "\"20.3:21.0\": expected two reading:reference pairs in plain decimals, e.g. \"20.3:21.0,80.1:79.5\" (empty for no calibration)")]
        [DataRow("20,3:21,0;80,1:79,5", "\"20,3:21,0;80,1:79,5\": expected two reading:reference pairs in plain decimals, e.g. \"20.3:21.0,80.1:79.5\" (empty for no calibration)")]
        [DataRow("2e1:21,80:79", "\"2e1:21,80:79\": expected two reading:reference pairs in plain decimals, e.g. \"20.3:21.0,80.1:79.5\" (empty for no calibration)")]
        [DataRow("20:21,80:79,90:88", "\"20:21,80:79,90:88\": expected two reading:reference pairs in plain decimals, e.g. \"20.3:21.0,80.1:79.5\" (empty for no calibration)")]
        [DataRow("20:21,30:60", "\"20:21,30:60\": the correction gain would be 3.90, allowed 0.50..2.00 (check that each pair is reading:reference, e.g. \"20.3:21.0,80.1:79.5\")")]
        [DataRow("20:20,20.5:21.03", "\"20:20,20.5:21.03\": the correction gain would be 2.06, allowed 0.50..2.00 (check that each pair is reading:reference, e.g. \"20.3:21.0,80.1:79.5\")")]
        [DataRow("0:0,0.000001:1000000", "\"0:0,0.000001:1000000\": the correction gain would be above 1000000000, allowed 0.50..2.00 (check that each pair is reading:reference, e.g. \"20.3:21.0,80.1:79.5\")")]
        [DataRow("21:20,79:-80", "\"21:20,79:-80\": the correction gain would be -1.72, allowed 0.50..2.00 (check that each pair is reading:reference, e.g. \"20.3:21.0,80.1:79.5\")")]
        public void An_invalid_spec_is_explained(string spec, string expected)
        {
            Assert.AreEqual(expected, TwoPointCalibration.Check(spec));
        }

        [TestMethod]
        public void Parse_throws_the_check_message()
        {
            string message = null;
            try
            {
                TwoPointCalibration.Parse("20:21,20:30");
            }
            catch (ArgumentException e)
            {
                message = e.Message;
            }

            Assert.AreEqual("\"20:21,20:30\": the two readings must differ (measure at two temperatures at least 10 °C apart)", message);
        }
    }
}
