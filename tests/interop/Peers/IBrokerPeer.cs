namespace Capteur.Interop.Tests.Peers;

/// <summary>
/// A broker people run, started from its own package as a process of ours: a row of the brokers table. Each listens on
/// a free loopback port with a minimal config in a temp folder of its own, and is stopped by process id.
/// </summary>
internal interface IBrokerPeer : IDisposable
{
    /// <summary>The broker, e.g. <c>mosquitto</c>.</summary>
    string Name { get; }

    /// <summary>Its version as the installed broker or package reports it, e.g. <c>2.0.11 (Debian 2.0.11-1.2+deb12u2)</c>.</summary>
    string Version { get; }

    /// <summary>The row of the matrix: name and version.</summary>
    string Row => $"{Name} {Version}";

    /// <summary>The loopback port it listens on (MQTT over TCP, 127.0.0.1); 0 before <see cref="Start"/>.</summary>
    int Port { get; }

    /// <summary>Its log file, quoted in failures.</summary>
    string LogFile { get; }

    /// <summary>Starts it and returns once it accepts MQTT connections; throws with the log's tail when it does not.</summary>
    void Start();

    /// <summary>SIGTERM by process id, then SIGKILL when it has not exited within its deadline.</summary>
    void Stop();

    /// <summary>SIGKILL by process id: nothing is flushed, as in a crash.</summary>
    void Kill9();
}
