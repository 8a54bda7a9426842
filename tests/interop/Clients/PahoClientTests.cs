namespace Capteur.Interop.Tests.Clients;

/// <summary>Eclipse Paho for Python (Debian's python3-paho-mqtt) against `capteur broker`, through scripts/paho_client.py.</summary>
[TestClass]
public sealed class PahoClientTests() : ClientCellTests("paho")
{
}
