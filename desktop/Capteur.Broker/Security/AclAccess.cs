namespace Capteur.Broker.Security;

/// <summary>The access an ACL rule grants (or, for <see cref="Deny"/>, removes).</summary>
[Flags]
public enum AclAccess
{
    /// <summary>Nothing: a deny rule.</summary>
    Deny = 0,

    /// <summary>Receive messages on matching topics.</summary>
    Read = 1,

    /// <summary>Publish on matching topics.</summary>
    Write = 2,

    /// <summary>Both.</summary>
    ReadWrite = Read | Write,
}
