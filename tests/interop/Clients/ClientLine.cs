using System.Globalization;
using System.Text.RegularExpressions;

namespace Capteur.Interop.Tests.Clients;

/// <summary>
/// The line format every client under test prints, one line per event (tests/interop/scripts/paho_client.py documents
/// it; MQTTnet writes the same lines, mosquitto_sub prints its messages in it through <c>-F</c>):
/// <c>connected session_present=1</c>, <c>subscribed granted=1,1</c>, <c>published topic=T rc=0</c>,
/// <c>message topic=T qos=1 retain=0 expiry= user= payload=P</c>, <c>disconnected</c>, <c>error TEXT</c>.
/// </summary>
internal static partial class ClientLine
{
    /// <summary>The <c>-F</c> format that makes mosquitto_sub print messages as <see cref="Received"/> lines.</summary>
    public const string MosquittoFormat = "message topic=%t qos=%q retain=%r expiry=%E user=%P payload=%p";

    /// <summary>The event a line reports, or null for any other line.</summary>
    public static ClientEvent? Parse(string line)
    {
        if (MessageLine().Match(line) is { Success: true } m)
        {
            return new Received(
                m.Groups["topic"].Value,
                int.Parse(m.Groups["qos"].Value, CultureInfo.InvariantCulture),
                m.Groups["retain"].Value is "1" or "true",
                m.Groups["expiry"].Value.Length == 0 ? null : uint.Parse(m.Groups["expiry"].Value, CultureInfo.InvariantCulture),
                m.Groups["user"].Value,
                m.Groups["payload"].Value);
        }

        if (ConnectedLine().Match(line) is { Success: true } c)
        {
            return new Connected(c.Groups[1].Value == "?" ? null : c.Groups[1].Value == "1");
        }

        if (SubscribedLine().Match(line) is { Success: true } s)
        {
            return new Subscribed([.. s.Groups[1].Value.Split(',').Select(g => int.Parse(g, CultureInfo.InvariantCulture))]);
        }

        if (PublishedLine().Match(line) is { Success: true } p)
        {
            return new Published(p.Groups[1].Value);
        }

        if (line == "disconnected")
        {
            return new Disconnected();
        }

        return line.StartsWith("error ", StringComparison.Ordinal) ? new ClientError(line[6..]) : null;
    }

    /// <summary>The <see cref="Received"/> line for a message (what in-process clients write).</summary>
    public static string Message(string topic, int qos, bool retain, uint? expirySeconds, string userProperties, string payload) =>
        $"message topic={topic} qos={qos} retain={(retain ? 1 : 0)} expiry={expirySeconds} user={userProperties} payload={payload}";

    [GeneratedRegex(@"^message topic=(?<topic>\S+) qos=(?<qos>\d) retain=(?<retain>\S+) expiry=(?<expiry>\d*) user=(?<user>\S*) payload=(?<payload>.*)$")]
    private static partial Regex MessageLine();

    [GeneratedRegex(@"^connected session_present=([01?])$")]
    private static partial Regex ConnectedLine();

    [GeneratedRegex(@"^subscribed granted=([\d,]+)$")]
    private static partial Regex SubscribedLine();

    [GeneratedRegex(@"^published topic=\S+ rc=(\d+|ok|\?)$")]
    private static partial Regex PublishedLine();
}
