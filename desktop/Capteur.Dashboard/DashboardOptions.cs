using Capteur.Recorder;

namespace Capteur.Dashboard;

/// <summary>Where the dashboard listens, which broker it watches, and where its history comes from.</summary>
public sealed class DashboardOptions
{
    /// <summary>Default <see cref="Port"/>.</summary>
    public const int DefaultPort = 8080;

    /// <summary>Address to listen on (default <c>127.0.0.1</c>: this machine only; <c>0.0.0.0</c> for phones on the LAN).</summary>
    public string Bind { get; set; } = "127.0.0.1";

    /// <summary>HTTP port (default 8080; 0 = a free port, see <see cref="DashboardHost.Url"/>).</summary>
    public int Port { get; set; } = DefaultPort;

    /// <summary>Host of the MQTT broker the dashboard subscribes to (default <c>127.0.0.1</c>).</summary>
    public string BrokerHost { get; set; } = "127.0.0.1";

    /// <summary>Port of the MQTT broker (default 1883).</summary>
    public int BrokerPort { get; set; } = 1883;

    /// <summary>MQTT topic filter for the live view (default <c>#</c>); history series are filtered the same way.</summary>
    public string TopicFilter { get; set; } = "#";

    /// <summary>User name and password for a broker that refuses anonymous clients (null: anonymous).</summary>
    public Capteur.Watch.MqttLogin? Login { get; set; }

    /// <summary>
    /// Who may read the dashboard, or null: anyone who reaches it. When set, every request (page, API, event stream) needs
    /// HTTP Basic credentials that this accepts; a browser asks for them once and sends them with each request.
    /// </summary>
    public Func<string, string, CancellationToken, Task<DashboardAccess>>? Authorize { get; set; }

    /// <summary>The recorder's store for the charts' history, or null: the page then says history is off and shows <see cref="HistoryOffHint"/>.</summary>
    public ReadingStore? Store { get; set; }

    /// <summary>What the page says when there is no store: how to turn history on.</summary>
    public string HistoryOffHint { get; set; } = "History is off: start the broker with --record to keep readings and see them here after a reload.";

    /// <summary>Interval of the comment line sent to every event stream so that proxies and browsers keep it open (default 15 s).</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Most points one history answer holds (the newest ones; default 2,000, as many as a chart keeps).</summary>
    public int MaxHistoryPoints { get; set; } = 2000;

    /// <summary>
    /// Events queued for one browser (default 1,024). A browser that falls this far behind is disconnected: it
    /// reconnects by itself and fetches the history again, and nobody else waits for it.
    /// </summary>
    public int EventQueueCapacity { get; set; } = 1024;

    /// <summary>Clock for arrival times, late flags and "now" in answers (the system clock by default).</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
