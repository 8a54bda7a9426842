using System.Net.Sockets;

namespace Capteur.Watch;

/// <summary>A broker to connect to: host name or address, and port.</summary>
/// <param name="Host">Host name or IP address.</param>
/// <param name="Port">TCP port.</param>
public readonly record struct BrokerAddress(string Host, int Port)
{
    /// <summary><c>HOST:PORT</c>, an IPv6 address in brackets.</summary>
    public override string ToString()
        => System.Net.IPAddress.TryParse(Host, out System.Net.IPAddress? ip) && ip.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{Host}]:{Port}" : $"{Host}:{Port}";
}
