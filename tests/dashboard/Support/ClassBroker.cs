using Capteur.Desktop.Tests.Infrastructure;

namespace Capteur.Dashboard.Tests.Support;

/// <summary>A `capteur broker` process shared by the tests of one class (each test watches its own topic prefix), with its own folder.</summary>
internal sealed class ClassBroker : IDisposable
{
    private readonly CapteurProcess _process;
    private readonly string _work;

    private ClassBroker(CapteurProcess process, int port, string work)
    {
        _process = process;
        Port = port;
        _work = work;
    }

    /// <summary>Its MQTT port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>Its temp folder (deleted with it), for the tests' own files.</summary>
    public string Folder => _work;

    /// <summary>Starts one in a new temp folder named after <paramref name="prefix"/>.</summary>
    public static ClassBroker Start(string prefix)
    {
        string work = Directory.CreateTempSubdirectory(prefix).FullName;
        int port = FreePort.Next();
        return new ClassBroker(CapteurProcess.StartBroker(port, Path.Combine(work, "broker")), port, work);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _process.Dispose();
        Directory.Delete(_work, recursive: true);
    }
}
