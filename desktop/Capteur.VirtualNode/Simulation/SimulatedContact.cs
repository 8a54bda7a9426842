using Capteur.Node.Ports;

namespace Capteur.VirtualNode.Simulation;

/// <summary>
/// A door's reed switch on a pulled-up GPIO: the closed door's magnet closes the switch and pulls the pin low; the
/// door opens now and then for a few seconds and the pull-up makes the pin high (published as 1: open).
/// </summary>
public sealed class SimulatedContact : IDigitalInput
{
    private readonly IClock _clock;
    private readonly Random _random;
    private readonly double _meanClosedS;
    private long _nextChangeMs;
    private bool _open;

    /// <summary>A door that stays closed <paramref name="meanClosedS"/> on average, then open 2 to 10 s.</summary>
    public SimulatedContact(IClock clock, int seed, double meanClosedS = 45)
    {
        _clock = clock;
        _random = new Random(seed);
        _meanClosedS = meanClosedS;
        _nextChangeMs = clock.UptimeMs + ClosedForMs();
    }

    /// <summary>When set, the door's state (true: open); for tests.</summary>
    public bool? FixedOpen { get; set; }

    /// <inheritdoc />
    public bool Read()
    {
        if (FixedOpen is bool fixedOpen)
        {
            return fixedOpen;
        }

        long now = _clock.UptimeMs;
        while (now >= _nextChangeMs)
        {
            _open = !_open;
            _nextChangeMs += _open ? _random.Next(2000, 10000) : ClosedForMs();
        }

        // closed door: contact closed, pin pulled to ground (low); open door: pull-up wins (high)
        return _open;
    }

    private long ClosedForMs() => (long)(-Math.Log(1.0 - _random.NextDouble()) * _meanClosedS * 1000) + 1000;
}
