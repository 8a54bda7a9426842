namespace Capteur.Broker;

/// <summary>A config value the broker cannot use; the message names the key, the value and the fix.</summary>
public sealed class BrokerConfigException(string message) : Exception(message);
