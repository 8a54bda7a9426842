namespace Capteur.Cli.Commands;

/// <summary>The demo's dashboard settings: its port (null with --no-dashboard), and whether a taken port may be swapped for a free one (only when the port was not asked for).</summary>
/// <param name="Port">Port on 127.0.0.1 (0 = a free port), or null for no dashboard.</param>
/// <param name="OrFreePort">True when the port is the default: a free port is taken when it is in use.</param>
public sealed record DemoDashboard(int? Port, bool OrFreePort)
{
    /// <summary>What the page says when the demo keeps no history.</summary>
    public const string HistoryOff = "History is off: the demo runs with --no-record, so the charts start empty and fill live (run it without --no-record to keep the readings).";
}
