using System;
using System.Text;
using Capteur.Node.Engine;
using Capteur.Node.Ports;

namespace Capteur.Bench
{
    /// <summary>A clock moved by the bench.</summary>
    internal sealed class BenchClock : IClock
    {
        private long _uptimeMs;
        private readonly DateTime _start = new DateTime(2026, 11, 22, 10, 0, 0);

        public long UptimeMs
        {
            get { return _uptimeMs; }
        }

        public DateTime UtcNow
        {
            get { return _start.AddTicks(_uptimeMs * TimeSpan.TicksPerMillisecond); }
        }

        public void Advance(long ms)
        {
            _uptimeMs += ms;
        }
    }

    /// <summary>A broker that acknowledges every publish at once, keeping nothing.</summary>
    internal sealed class InstantAckLink : IMqttLink
    {
        private IMqttLinkListener _listener;
        private int _nextId = 1;

        public long Publishes;

        public void SetListener(IMqttLinkListener listener)
        {
            _listener = listener;
        }

        public int Connect(MqttConnectOptions options)
        {
            return 0;
        }

        public string LastError
        {
            get { return ""; }
        }

        public bool IsConnected
        {
            get { return true; }
        }

        public void Disconnect()
        {
        }

        public int Publish(string topic, byte[] buffer, int offset, int count, int qos, bool retain)
        {
            Publishes++;
            if (qos == 0)
            {
                return 0;
            }

            int id = _nextId;
            _nextId = _nextId == 65535 ? 1 : _nextId + 1;
            _listener.OnPublished(id, true);
            return id;
        }
    }

    /// <summary>Flash that takes every write and keeps nothing (the bench measures RAM, not flash).</summary>
    internal sealed class NullStorage : IStorage
    {
        public byte[] Read(string name)
        {
            return null;
        }

        public void Write(string name, byte[] data)
        {
        }

        public void Append(string name, byte[] data, int offset, int count)
        {
        }

        public bool Exists(string name)
        {
            return false;
        }

        public void Delete(string name)
        {
        }

        public void Move(string from, string to)
        {
        }
    }

    /// <summary>A log that drops its lines.</summary>
    internal sealed class NullLog : ILog
    {
        public void Write(LogLevel level, string message)
        {
        }
    }

    /// <summary>A temperature sensor that drifts slowly (so payloads vary in length a little).</summary>
    internal sealed class DriftingSensor : ISensorChannel
    {
        private readonly byte[] _unit = Encoding.UTF8.GetBytes("°C");
        private int _n;

        public string Name
        {
            get { return "temperature"; }
        }

        public byte[] UnitUtf8
        {
            get { return _unit; }
        }

        public int Decimals
        {
            get { return 2; }
        }

        public long IntervalMs
        {
            get { return 1000; }
        }

        public bool TrySample(long nowMs, out double value)
        {
            _n++;
            value = 18.0 + (_n % 700) * 0.01;
            return true;
        }
    }
}
