using Capteur.Node.Ports;

namespace Capteur.Node.Tests.Support
{
    /// <summary>Hands out fake inputs and remembers what was asked for.</summary>
    public sealed class FakeSensorInputs : ISensorInputs
    {
        /// <summary>The analog input handed out (all analog sensors share it).</summary>
        public readonly FakeAnalogInput Analog = new FakeAnalogInput(0);

        /// <summary>The digital input handed out (all digital sensors share it).</summary>
        public readonly FakeDigitalInput Digital = new FakeDigitalInput();

        /// <summary>The last analog request, as <c>kind gpio channel</c>.</summary>
        public string LastAnalog = "";

        /// <summary>The last digital request's GPIO.</summary>
        public int LastDigitalGpio = -1;

        /// <inheritdoc />
        public IAnalogInput OpenAnalog(string kind, int gpio, int adcChannel)
        {
            LastAnalog = kind + " " + gpio.ToString() + " " + adcChannel.ToString();
            return Analog;
        }

        /// <inheritdoc />
        public IDigitalInput OpenDigital(int gpio)
        {
            LastDigitalGpio = gpio;
            return Digital;
        }
    }
}
