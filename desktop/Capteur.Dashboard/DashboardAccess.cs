namespace Capteur.Dashboard;

/// <summary>What <see cref="DashboardOptions.Authorize"/> says of a user name and password.</summary>
/// <param name="Granted">True when the user may read the dashboard.</param>
/// <param name="KnownUser">True when the password was right (a refusal is then 403 Forbidden, not 401 with a new login prompt).</param>
/// <param name="Reason">Why not, for the answer's body; empty when granted.</param>
public readonly record struct DashboardAccess(bool Granted, bool KnownUser, string Reason)
{
    /// <summary>The user may read the dashboard.</summary>
    public static DashboardAccess Allow { get; } = new(true, true, "");

    /// <summary>Unknown user or wrong password: the browser asks again.</summary>
    public static DashboardAccess WrongLogin(string reason) => new(false, false, reason);

    /// <summary>The login is right but this user may not read what the dashboard shows.</summary>
    public static DashboardAccess Forbidden(string reason) => new(false, true, reason);
}
