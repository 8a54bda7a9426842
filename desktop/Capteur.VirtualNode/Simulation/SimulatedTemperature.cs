using Capteur.Node.Ports;

namespace Capteur.VirtualNode.Simulation;

/// <summary>
/// An analog temperature sensor on an ADC pin: a daily curve (coolest at 03:00, warmest at 15:00) plus a little noise,
/// turned into the raw 12-bit counts a TMP36 or LM35 would give, so the node's real ADC conversion, oversampling and
/// filters run on it.
/// </summary>
public sealed class SimulatedTemperature : IAnalogInput
{
    // TMP36 datasheet: 500 mV at 0 °C, 10 mV/°C; LM35: 0 mV at 0 °C, 10 mV/°C. 3300 mV full scale over 4095 counts.
    private const double FullScaleMilliVolts = 3300.0;
    private readonly IClock _clock;
    private readonly Random _random;
    private readonly double _offsetMilliVolts;
    private readonly double _meanCelsius;
    private readonly double _swingCelsius;
    private readonly double _noiseCelsius;

    /// <summary>A sensor of <paramref name="kind"/> (<c>tmp36</c> or <c>lm35</c>) around <paramref name="meanCelsius"/>.</summary>
    public SimulatedTemperature(string kind, IClock clock, int seed, double meanCelsius = 20.5, double swingCelsius = 2.5, double noiseCelsius = 0.15)
    {
        _clock = clock;
        _random = new Random(seed);
        _offsetMilliVolts = kind == "lm35" ? 0.0 : 500.0;
        _meanCelsius = meanCelsius;
        _swingCelsius = swingCelsius;
        _noiseCelsius = noiseCelsius;
    }

    /// <summary>When set, the temperature the sensor sees (no curve, no noise); for tests.</summary>
    public double? FixedCelsius { get; set; }

    /// <summary>The temperature the sensor sees now, before the ADC.</summary>
    public double CelsiusNow()
    {
        if (FixedCelsius is double fixedCelsius)
        {
            return fixedCelsius;
        }

        double hours = _clock.UtcNow.TimeOfDay.TotalHours;
        double curve = _meanCelsius - _swingCelsius * Math.Cos((hours - 3.0) / 24.0 * 2 * Math.PI);
        // Box-Muller: gaussian noise of the sensor and the ADC together
        double u1 = 1.0 - _random.NextDouble();
        double u2 = _random.NextDouble();
        double noise = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2) * _noiseCelsius;
        return curve + noise;
    }

    /// <inheritdoc />
    public int ReadRaw()
    {
        double milliVolts = _offsetMilliVolts + 10.0 * CelsiusNow();
        int raw = (int)Math.Round(milliVolts * 4095.0 / FullScaleMilliVolts);
        return Math.Clamp(raw, 0, 4095);
    }
}
