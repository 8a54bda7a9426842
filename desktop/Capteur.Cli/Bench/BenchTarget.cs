namespace Capteur.Cli.Bench;

/// <summary>A broker under test: a display name, where it listens, and optionally its process id (for memory figures).</summary>
/// <param name="Name">Display name (capteur, mosquitto, ...).</param>
/// <param name="Host">Host name or address.</param>
/// <param name="Port">MQTT TCP port.</param>
/// <param name="Pid">Broker process id, 0 when unknown.</param>
public sealed record BenchTarget(string Name, string Host, int Port, int Pid)
{
    /// <summary>Parses NAME=HOST:PORT[@PID].</summary>
    public static BenchTarget Parse(string text)
    {
        var eq = text.IndexOf('=');
        var colon = text.LastIndexOf(':');
        var at = text.IndexOf('@');
        if (eq <= 0 || colon < eq)
        {
            throw new FormatException($"--target: '{text}' is not NAME=HOST:PORT[@PID] (e.g. capteur=127.0.0.1:1883@4242)");
        }

        var portText = at > colon ? text.Substring(colon + 1, at - colon - 1) : text.Substring(colon + 1);
        var pid = at > colon ? int.Parse(text.Substring(at + 1)) : 0;
        return new BenchTarget(text.Substring(0, eq), text.Substring(eq + 1, colon - eq - 1), int.Parse(portText), pid);
    }

    /// <summary>Resident memory of the broker process in bytes (Linux /proc), or -1 when unknown.</summary>
    public long ResidentBytes()
    {
        if (Pid == 0 || !File.Exists($"/proc/{Pid}/status"))
        {
            return -1;
        }

        var line = File.ReadLines($"/proc/{Pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line == null ? -1 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
    }
}
