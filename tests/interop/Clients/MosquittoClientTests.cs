namespace Capteur.Interop.Tests.Clients;

/// <summary>Debian's mosquitto_pub / mosquitto_sub (package mosquitto-clients) against `capteur broker`.</summary>
[TestClass]
public sealed class MosquittoClientTests() : ClientCellTests("mosquitto")
{
}
