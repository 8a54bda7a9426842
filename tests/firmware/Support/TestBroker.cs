using Capteur.Desktop.Tests.Infrastructure;

namespace Capteur.Firmware.Tests.Support;

/// <summary>The broker a test runs against: `capteur broker` (a child process, kill -9 for an outage) or mosquitto (SIGTERM).</summary>
internal sealed class TestBroker : IDisposable
{
    private readonly string _data;
    private CapteurProcess? _capteur;
    private Mosquitto? _mosquitto;

    private TestBroker(string name, int port, string data)
    {
        Name = name;
        Port = port;
        _data = data;
    }

    /// <summary>What it is, for the audit lines.</summary>
    public string Name { get; }

    /// <summary>Its loopback port.</summary>
    public int Port { get; }

    /// <summary>`capteur broker` on a free port with its own data folder.</summary>
    public static TestBroker Capteur()
    {
        string data = Directory.CreateTempSubdirectory("capteur-fw-broker-").FullName;
        var broker = new TestBroker("capteur broker", FreePort.Next(), data);
        broker._capteur = CapteurProcess.StartBroker(broker.Port, data);
        return broker;
    }

    /// <summary>Debian's mosquitto on a free port.</summary>
    public static TestBroker MosquittoBroker()
    {
        Mosquitto mosquitto = Mosquitto.Start();
        return new TestBroker("mosquitto", mosquitto.Port, "") { _mosquitto = mosquitto };
    }

    /// <summary>The outage: `capteur broker` is killed with SIGKILL; mosquitto is stopped with SIGTERM (it saves its store by snapshots).</summary>
    public void Stop()
    {
        if (_capteur is not null)
        {
            _capteur.Kill9();
            _capteur.Dispose();
            _capteur = null;
        }

        _mosquitto?.Stop();
    }

    /// <summary>Starts it again on the same port and data.</summary>
    public void Start()
    {
        if (_mosquitto is not null)
        {
            _mosquitto.Restart();
            return;
        }

        _capteur = CapteurProcess.StartBroker(Port, _data);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _capteur?.Dispose();
        _mosquitto?.Dispose();
        if (_data.Length > 0)
        {
            try
            {
                Directory.Delete(_data, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
