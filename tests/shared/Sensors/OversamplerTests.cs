#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using Capteur.Node.Sensors;
using Capteur.Node.Tests.Support;

namespace Capteur.Node.Tests.Sensors
{
    [TestClass]
    public class OversamplerTests
    {
        [TestMethod]
        public void The_result_is_the_mean_of_the_samples()
        {
            FakeAnalogInput input = new FakeAnalogInput(1000, 1001, 1002, 1003);
            Assert.AreEqual(1001.5, Oversampler.ReadMean(input, 4));
        }

        [TestMethod]
        public void Exactly_n_samples_are_read()
        {
            FakeAnalogInput input = new FakeAnalogInput(2000);
            Oversampler.ReadMean(input, 8);
            Assert.AreEqual(8, input.Reads);
        }

        [TestMethod]
        public void Sixty_four_full_scale_samples_do_not_overflow()
        {
            Assert.AreEqual(4095.0, Oversampler.ReadMean(new FakeAnalogInput(4095), 64));
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(-3)]
        public void A_count_below_one_reads_once(int samples)
        {
            FakeAnalogInput input = new FakeAnalogInput(1234);
            Assert.AreEqual(1234.0, Oversampler.ReadMean(input, samples));
            Assert.AreEqual(1, input.Reads);
        }

        [TestMethod]
        public void Noise_of_one_count_averages_out()
        {
            FakeAnalogInput input = new FakeAnalogInput(930, 931, 932, 931);
            Assert.AreEqual(931.0, Oversampler.ReadMean(input, 8));
        }
    }
}
