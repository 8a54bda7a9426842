namespace Capteur.Node.Sensors
{
    /// <summary>
    /// Debounces a sampled digital level: a new level is accepted only once it has been seen continuously for at
    /// least the debounce time. Time comes in as uptime milliseconds (<c>IClock.UptimeMs</c>); a bounce back to the
    /// current state restarts the wait.
    /// </summary>
    public sealed class Debouncer
    {
        private readonly long _debounceMs;
        private bool _state;
        private bool _pending;
        private long _pendingSinceMs;

        /// <summary>A debouncer needing <paramref name="debounceMs"/> of stable level, starting at <paramref name="initialLevel"/>.</summary>
        public Debouncer(int debounceMs, bool initialLevel)
        {
            _debounceMs = debounceMs < 0 ? 0 : debounceMs;
            _state = initialLevel;
        }

        /// <summary>The debounced level: true for high.</summary>
        public bool State
        {
            get { return _state; }
        }

        /// <summary>Forgets any pending change and takes <paramref name="level"/> as the debounced level.</summary>
        public void Reset(bool level)
        {
            _state = level;
            _pending = false;
        }

        /// <summary>
        /// Feeds the level sampled at <paramref name="nowMs"/>; true when this sample makes <see cref="State"/>
        /// change (the other level has now lasted at least the debounce time since it was first seen).
        /// </summary>
        public bool Update(bool level, long nowMs)
        {
            if (level == _state)
            {
                _pending = false;
                return false;
            }

            if (!_pending)
            {
                _pending = true;
                _pendingSinceMs = nowMs;
            }

            if (nowMs - _pendingSinceMs < _debounceMs)
            {
                return false;
            }

            _state = level;
            _pending = false;
            return true;
        }
    }
}
