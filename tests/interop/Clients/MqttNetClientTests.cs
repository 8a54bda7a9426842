namespace Capteur.Interop.Tests.Clients;

/// <summary>MQTTnet's client (in-process, the package version the tests reference) against `capteur broker`.</summary>
[TestClass]
public sealed class MqttNetClientTests() : ClientCellTests("mqttnet")
{
}
