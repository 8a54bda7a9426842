namespace Capteur.Dashboard;

/// <summary>The dashboard could not listen on its address (the port is taken, or the address is not this machine's).</summary>
public sealed class DashboardBindException : IOException
{
    /// <summary>An exception whose message says what to do.</summary>
    public DashboardBindException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
