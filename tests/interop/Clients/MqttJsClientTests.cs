namespace Capteur.Interop.Tests.Clients;

/// <summary>MQTT.js (npm mqtt in tests/interop/node_modules) against `capteur broker`, through clients/mqttjs_client.js.</summary>
[TestClass]
public sealed class MqttJsClientTests() : ClientCellTests("mqttjs")
{
}
