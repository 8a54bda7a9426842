namespace Capteur.Recorder;

/// <summary>How the recorder subscribes and how long its store keeps readings.</summary>
public sealed class RecorderOptions
{
    /// <summary>Default <see cref="Retention"/>: 30 days.</summary>
    public static readonly TimeSpan DefaultRetention = TimeSpan.FromDays(30);

    /// <summary>User name and password for a broker that refuses anonymous clients (null: anonymous).</summary>
    public Capteur.Watch.MqttLogin? Login { get; set; }

    /// <summary>MQTT topic filter the recorder subscribes to (default <c>#</c>).</summary>
    public string TopicFilter { get; set; } = "#";

    /// <summary>
    /// Client id of the recorder's persistent session (default <c>capteur-recorder</c>): readings published while the
    /// recorder was down are delivered when it comes back. Two recorders on one broker need two ids.
    /// </summary>
    public string SessionId { get; set; } = "capteur-recorder";

    /// <summary>Readings whose own time is older than this are deleted (default 30 days); used by <see cref="ReadingStore.Open"/>.</summary>
    public TimeSpan Retention { get; set; } = DefaultRetention;

    /// <summary>Clock for arrival times, late flags, batching and retention (the system clock by default).</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>The per-user readings database: <c>~/.local/share/capteur/readings.db</c> on Linux (beside the broker's folder).</summary>
    public static string DefaultDatabasePath()
    {
        string root = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        if (string.IsNullOrEmpty(root))
        {
            root = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        }

        return Path.Combine(root, "capteur", "readings.db");
    }
}
