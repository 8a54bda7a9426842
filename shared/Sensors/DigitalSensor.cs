using System;
using Capteur.Node.Filters;
using Capteur.Node.Ports;

namespace Capteur.Node.Sensors
{
    /// <summary>
    /// A contact, reed switch or PIR: the debounced level as 1.0 (high) or 0.0 (low), reported at the first poll and
    /// then on every debounced change. Changes go through the filter chain; between changes the chain is only
    /// offered the unchanged level for its heartbeat (<see cref="FilterChain.TryHeartbeat"/>), so
    /// <c>heartbeat(5m)</c> repeats the state at least every 5 minutes.
    /// </summary>
    /// <remarks>
    /// The debouncer sees only the levels sampled by <see cref="TryRead"/>: a change is reported at the first poll at
    /// least debounce_ms after the poll that first saw it. Poll much faster than debounce_ms (every engine tick, or
    /// from the pin's change event) for a prompt report; polled every 10 s, a change is reported about 10 s late.
    /// </remarks>
    public sealed class DigitalSensor : ISensor
    {
        private readonly IDigitalInput _input;
        private readonly Debouncer _debouncer;
        private readonly FilterChain _filters;
        private bool _started;

        /// <summary>
        /// A sensor on <paramref name="input"/> needing <paramref name="debounceMs"/> of stable level before a change
        /// counts; null filters pass every change.
        /// </summary>
        public DigitalSensor(IDigitalInput input, int debounceMs, FilterChain filters)
        {
            if (input == null)
            {
                throw new ArgumentNullException("input");
            }

            _input = input;
            _debouncer = new Debouncer(debounceMs, false);
            _filters = filters == null ? FilterChain.Parse("") : filters;
        }

        /// <inheritdoc />
        public string Unit
        {
            get { return SensorKindTable.UnitOf(SensorKind.Digital); }
        }

        /// <inheritdoc />
        public bool TryRead(long nowMs, out double value)
        {
            bool level = _input.Read();
            bool changed;
            if (_started)
            {
                changed = _debouncer.Update(level, nowMs);
            }
            else
            {
                _debouncer.Reset(level);
                _started = true;
                changed = true;
            }

            double state = _debouncer.State ? 1.0 : 0.0;
            return changed ? _filters.TryApply(state, nowMs, out value) : _filters.TryHeartbeat(state, nowMs, out value);
        }
    }
}
