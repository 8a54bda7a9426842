namespace Capteur.Node.Engine
{
    /// <summary>
    /// Reconnect delays: doubling from a minimum to a cap, each with ±20 % jitter so that a fleet that lost its broker
    /// together does not come back in lockstep. Its own xorshift generator gives the same numbers on .NET and on
    /// nanoFramework (whose System.Random differs) for the same seed.
    /// </summary>
    public sealed class Backoff
    {
        private readonly int _minMs;
        private readonly int _maxMs;
        private uint _random;
        private int _attempt;

        /// <summary>A backoff from <paramref name="minMs"/> to <paramref name="maxMs"/>.</summary>
        public Backoff(int minMs, int maxMs, uint seed)
        {
            _minMs = minMs;
            _maxMs = maxMs;
            _random = seed == 0 ? 0x9E3779B9 : seed;
        }

        /// <summary>Failed attempts since the last success.</summary>
        public int Attempt
        {
            get { return _attempt; }
        }

        /// <summary>The delay before the next attempt, in milliseconds; each call counts one more failure.</summary>
        public int NextDelayMs()
        {
            long nominal = _minMs;
            for (int i = 0; i < _attempt && nominal < _maxMs; i++)
            {
                nominal *= 2;
            }

            if (nominal > _maxMs)
            {
                nominal = _maxMs;
            }

            _attempt++;
            _random ^= _random << 13;
            _random ^= _random >> 17;
            _random ^= _random << 5;
            long delay = nominal * (80 + (int)(_random % 41)) / 100;
            if (delay < _minMs)
            {
                delay = _minMs;
            }

            if (delay > _maxMs)
            {
                delay = _maxMs;
            }

            return (int)delay;
        }

        /// <summary>A connection succeeded: the next failure starts from the minimum again.</summary>
        public void Reset()
        {
            _attempt = 0;
        }
    }
}
