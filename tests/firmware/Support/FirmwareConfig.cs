namespace Capteur.Firmware.Tests.Support;

/// <summary>
/// Config files for the virtual board (the text of I:\capteur\capteur.cfg), and the wiring they use: a TMP36 on GPIO
/// 34 (ADC1 channel 6 on esp32-devkitc) and a contact on GPIO 27.
/// </summary>
internal static class FirmwareConfig
{
    /// <summary>The TMP36's pin.</summary>
    public const int Tmp36Pin = 34;

    /// <summary>ADC1 channel of GPIO 34 (ESP32: channels 0..7 = GPIO 36, 37, 38, 39, 32, 33, 34, 35).</summary>
    public const int Tmp36Channel = 6;

    /// <summary>The contact's pin.</summary>
    public const int ContactPin = 27;

    /// <summary>
    /// A node on the broker at 127.0.0.1:<paramref name="port"/> under <paramref name="topic"/>: the TMP36 sampled every
    /// <paramref name="intervalMs"/> and the contact, JSON payloads, plus <paramref name="extra"/> lines (KEY=VALUE).
    /// </summary>
    public static string Node(int port, string topic, int intervalMs, params string[] extra)
    {
        string text = $"""
            wifi.ssid=virtual-esp32
            mqtt.host=127.0.0.1:{port}
            mqtt.client_id={ClientId(topic)}
            mqtt.keepalive_s=10
            node.topic={topic}
            node.info_s=10
            sensor1.kind=tmp36
            sensor1.name=temperature
            sensor1.pin={Tmp36Pin}
            sensor1.interval_ms={intervalMs}
            sensor1.oversample=1
            sensor2.kind=digital
            sensor2.name=door
            sensor2.pin={ContactPin}
            sensor2.debounce_ms=0

            """;
        return text + string.Join("", extra.Select(line => line + "\n"));
    }

    /// <summary>
    /// Raw counts of a 12-bit ADC with a 3300 mV full scale for <paramref name="milliVolts"/>, rounded to the nearest count.
    /// </summary>
    public static int CountsFor(double milliVolts) => (int)Math.Round(milliVolts * 4095 / 3300, MidpointRounding.AwayFromZero);

    /// <summary>
    /// The temperature a TMP36 reports for <paramref name="counts"/> (datasheet: 10 mV/°C, 750 mV at 25 °C, so 500 mV
    /// at 0 °C), as the node publishes it with 2 decimals.
    /// </summary>
    public static double Tmp36Celsius(int counts) => Math.Round((counts * 3300.0 / 4095 - 500) / 10, 2, MidpointRounding.AwayFromZero);

    // the default client id comes from the MAC, the same for every virtual board: give each node its own
    private static string ClientId(string topic) => "fw-" + topic.Replace('/', '-');
}
