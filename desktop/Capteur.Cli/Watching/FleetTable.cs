using System.Globalization;
using System.Text.Json;
using Capteur.Watch;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Capteur.Cli.Watching;

/// <summary>The live view: one row per node, each sensor's latest value with unit, age and a sparkline.</summary>
public static class FleetTable
{
    private const string Bars = "▁▂▃▄▅▆▇█";

    /// <summary>The table for the fleet as it is now.</summary>
    public static IRenderable Render(FleetView fleet, DateTimeOffset now, string title)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(title))
            .AddColumn("node").AddColumn("status").AddColumn("sensors").AddColumn(new TableColumn("readings").RightAligned())
            .AddColumn(new TableColumn("dup").RightAligned()).AddColumn(new TableColumn("gaps").RightAligned())
            .AddColumn(new TableColumn("late").RightAligned()).AddColumn(new TableColumn("outbox").RightAligned());
        foreach (NodeView node in fleet.Nodes())
        {
            string status = node.Online switch { true => "[green]online[/]", false => "[red]offline[/]", null => "[grey]?[/]" };
            var sensors = new List<string>();
            foreach (SensorView sensor in node.Sensors.Values.ToList())
            {
                double age = Math.Max(0, (now - sensor.Time).TotalSeconds);
                string value = sensor.Value.ToString("0.##", CultureInfo.InvariantCulture);
                sensors.Add($"{Markup.Escape(sensor.Name)} [bold]{value}[/]{Markup.Escape(sensor.Unit.Length > 0 ? " " + sensor.Unit : "")} [grey]{Age(age)}[/] {Sparkline(sensor.Recent())}");
            }

            table.AddRow(
                new Markup(Markup.Escape(node.Topic)),
                new Markup(status),
                new Markup(sensors.Count == 0 ? "[grey]-[/]" : string.Join("\n", sensors)),
                new Text(node.Audit.Distinct.ToString(CultureInfo.InvariantCulture)),
                new Text(node.Audit.Duplicates.ToString(CultureInfo.InvariantCulture)),
                new Markup(node.Audit.Gaps == 0 ? "0" : $"[red]{node.Audit.Gaps}[/]"),
                new Text(node.LateReadings.ToString(CultureInfo.InvariantCulture)),
                new Text(OutboxDepth(node.Info)));
        }

        return table;
    }

    /// <summary>Values as bars scaled between their own min and max (flat values as a flat line).</summary>
    public static string Sparkline(double[] values)
    {
        if (values.Length == 0)
        {
            return "";
        }

        double min = values.Min();
        double max = values.Max();
        var bars = new char[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            int level = max - min < 1e-9 ? 3 : (int)Math.Round((values[i] - min) / (max - min) * (Bars.Length - 1));
            bars[i] = Bars[level];
        }

        return new string(bars);
    }

    private static string Age(double seconds) => seconds < 60 ? $"{seconds:F0}s" : seconds < 3600 ? $"{seconds / 60:F0}m" : $"{seconds / 3600:F0}h";

    private static string OutboxDepth(string info)
    {
        if (info.Length == 0)
        {
            return "-";
        }

        try
        {
            using JsonDocument json = JsonDocument.Parse(info);
            return json.RootElement.TryGetProperty("outbox", out JsonElement depth) ? depth.ToString() : "-";
        }
        catch (JsonException)
        {
            return "-";
        }
    }
}
