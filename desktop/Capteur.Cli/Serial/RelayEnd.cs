namespace Capteur.Cli.Serial;

/// <summary>How a <see cref="ConsoleRelay"/> ended.</summary>
public enum RelayEnd
{
    /// <summary>The exit key (Ctrl+]) was typed.</summary>
    ExitKey,

    /// <summary>Standard input ended (a pipe closed).</summary>
    InputEnded,

    /// <summary>The port closed or failed (unplugged, the pty's other end went away).</summary>
    PortClosed,

    /// <summary>The process was asked to stop (SIGTERM, SIGQUIT).</summary>
    Cancelled,
}
