namespace Capteur.Watch;

/// <summary>A user name and password for a broker that refuses anonymous clients.</summary>
/// <param name="UserName">User name sent in CONNECT.</param>
/// <param name="Password">Password sent in CONNECT.</param>
public sealed record MqttLogin(string UserName, string Password)
{
    /// <inheritdoc />
    public override string ToString() => $"user '{UserName}'"; // never the password, even in a log line
}
