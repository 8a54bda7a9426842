using Capteur.Node.Ports;

namespace Capteur.VirtualNode.Simulation;

/// <summary>The virtual node's sensor inputs: a simulated temperature per analog sensor, a simulated door per contact.</summary>
public sealed class SimulatedInputs : ISensorInputs
{
    private readonly IClock _clock;
    private readonly int _seed;
    private readonly List<SimulatedTemperature> _temperatures = [];
    private readonly List<SimulatedContact> _contacts = [];

    /// <summary>Inputs whose noise and door openings follow <paramref name="seed"/>.</summary>
    public SimulatedInputs(IClock clock, int seed)
    {
        _clock = clock;
        _seed = seed;
    }

    /// <summary>The temperatures handed out, in order.</summary>
    public IReadOnlyList<SimulatedTemperature> Temperatures => _temperatures;

    /// <summary>The contacts handed out, in order.</summary>
    public IReadOnlyList<SimulatedContact> Contacts => _contacts;

    /// <inheritdoc />
    public IAnalogInput OpenAnalog(string kind, int gpio, int adcChannel)
    {
        var input = new SimulatedTemperature(kind, _clock, _seed * 31 + gpio);
        _temperatures.Add(input);
        return input;
    }

    /// <inheritdoc />
    public IDigitalInput OpenDigital(int gpio)
    {
        var input = new SimulatedContact(_clock, _seed * 37 + gpio);
        _contacts.Add(input);
        return input;
    }
}
