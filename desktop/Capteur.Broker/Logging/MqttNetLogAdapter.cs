using MQTTnet.Diagnostics.Logger;

namespace Capteur.Broker.Logging;

/// <summary>Forwards MQTTnet's warnings and errors (protocol violations, keep-alive timeouts, ...) to the broker log as one line each.</summary>
internal sealed class MqttNetLogAdapter(BrokerLog log) : IMqttNetLogger
{
    public bool IsEnabled => true;

    public void Publish(MqttNetLogLevel logLevel, string source, string message, object[] parameters, Exception exception)
    {
        if (logLevel < MqttNetLogLevel.Warning)
        {
            return;
        }

        var text = parameters is { Length: > 0 } ? SafeFormat(message, parameters) : message;
        if (exception != null)
        {
            text += $" ({exception.GetType().Name}: {exception.Message})";
        }

        log.Warning($"mqtt: {text}");
    }

    static string SafeFormat(string message, object[] parameters)
    {
        try
        {
            return string.Format(message, parameters);
        }
        catch (FormatException)
        {
            return message;
        }
    }
}
