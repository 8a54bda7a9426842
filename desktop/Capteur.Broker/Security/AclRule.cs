namespace Capteur.Broker.Security;

/// <summary>One `topic` or `pattern` line of an ACL file.</summary>
/// <param name="Access">What it grants; <see cref="AclAccess.Deny"/> removes access.</param>
/// <param name="TopicFilter">MQTT topic filter, may hold %u (user name) and %c (client id) when <paramref name="IsPattern"/>.</param>
/// <param name="IsPattern">True for `pattern` lines, which apply to every client.</param>
public sealed record AclRule(AclAccess Access, string TopicFilter, bool IsPattern);
