using System;
using System.Text;
using Capteur.Node.Ports;
using Capteur.Node.Sensors;

namespace Capteur.Node.Engine
{
    /// <summary>
    /// A configured sensor as the engine sees it: its pipeline (<see cref="ISensor"/>) with a name, a unit, a
    /// precision and a period. A failing input never stops the node: the error is logged (the first, then every
    /// 100th) and the sample skipped.
    /// </summary>
    public sealed class SensorChannel : ISensorChannel
    {
        private readonly ISensor _sensor;
        private readonly ILog _log;
        private readonly byte[] _unit;
        private long _errors;

        /// <summary>A channel over <paramref name="sensor"/>.</summary>
        public SensorChannel(string name, ISensor sensor, int decimals, long intervalMs, ILog log)
        {
            Name = name;
            _sensor = sensor;
            _unit = Encoding.UTF8.GetBytes(sensor.Unit);
            Decimals = decimals;
            IntervalMs = intervalMs;
            _log = log;
        }

        /// <inheritdoc />
        public string Name { get; private set; }

        /// <inheritdoc />
        public byte[] UnitUtf8
        {
            get { return _unit; }
        }

        /// <inheritdoc />
        public int Decimals { get; private set; }

        /// <inheritdoc />
        public long IntervalMs { get; private set; }

        /// <summary>Samples that failed with an exception from the input.</summary>
        public long Errors
        {
            get { return _errors; }
        }

        /// <inheritdoc />
        public bool TrySample(long nowMs, out double value)
        {
            try
            {
                return _sensor.TryRead(nowMs, out value);
            }
            catch (Exception e)
            {
                _errors++;
                if (_errors == 1 || _errors % 100 == 0)
                {
                    _log.Write(LogLevel.Error, "sensor " + Name + ": read failed (" + e.Message + "); " + _errors.ToString() + " failures so far");
                }

                value = 0;
                return false;
            }
        }
    }
}
