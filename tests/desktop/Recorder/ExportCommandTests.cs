using Capteur.Desktop.Tests.ConsoleTools;
using Capteur.Desktop.Tests.Recorder.Support;
using Capteur.Recorder;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Capteur.Desktop.Tests.Recorder;

/// <summary>`capteur export` as a child process over a real readings file.</summary>
[TestClass]
public class ExportCommandTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
    private string _folder = "";

    private string Db => Path.Combine(_folder, "readings.db");

    [TestInitialize]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("capteur-export-").FullName;

    [TestCleanup]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    /// <summary>Values and names that break naive writers: signs, tiny and long decimals, seq beyond 2^53, quotes and commas, spaces.</summary>
    private static RecordedReading[] Tricky() =>
    [
        new("maison/salon", "temperature", 1, Now.AddMinutes(-3), Now.AddMinutes(-3).AddMilliseconds(12), 21.46, "°C", false),
        new("maison/salle de bain", "humidite", 2, Now.AddMinutes(-2), Now.AddMinutes(-2), 1e-7, "%", false),
        new("maison/garage", "temperature", 9_007_199_254_740_993, Now.AddMinutes(-1), Now.AddMinutes(-1), -12.75, "\"deg\", C", false),
        new("maison/salon", "temperature", 3, Now.AddMinutes(-10), Now, 0.1 + 0.2, "°C", true),
        new("maison/cave", "pression", null, Now.AddSeconds(-5), Now.AddSeconds(-5), 101325.00000000001, "Pa\nabs", false),
        new("maison/salon", "door", 4, Now, Now, -0.0, "", false),
    ];

    [TestMethod]
    public void Csv_export_reads_back_to_the_same_readings()
    {
        RecordedReading[] stored = Store(Tricky());
        using ToolRun export = ToolRun.Complete(Timeout, "export", "--db", Db, "--csv", "--output", Path.Combine(_folder, "out.csv"));
        Assert.AreEqual(0, export.ExitCode, export.Stderr);
        Assert.AreEqual($"capteur export: 6 readings from {Db} to {Path.Combine(_folder, "out.csv")}\n", export.Stderr);
        string csv = File.ReadAllText(Path.Combine(_folder, "out.csv"));
        StringAssert.StartsWith(csv, "node,sensor,seq,time,received,value,unit,late\r\n");
        StringAssert.Contains(csv, ",9007199254740993,", "seq written in full");
        StringAssert.Contains(csv, ",1E-07,%,", "value in round-trip form");
        StringAssert.Contains(csv, ",\"\"\"deg\"\", C\",", "a unit with quotes and a comma is quoted, its quotes doubled");
        StringAssert.Contains(csv, $"maison/salon,temperature,3,{Iso(Now.AddMinutes(-10))},{Iso(Now)},0.30000000000000004,°C,true\r\n");
        AssertSame(stored, ExportedReadings.FromCsv(csv));
    }

    [TestMethod]
    public void Json_export_to_standard_output_reads_back_to_the_same_readings()
    {
        RecordedReading[] stored = Store(Tricky());
        using ToolRun export = ToolRun.Complete(Timeout, "export", "--db", Db, "--json");
        Assert.AreEqual(0, export.ExitCode, export.Stderr);
        Assert.AreEqual("", export.Stderr);
        StringAssert.Contains(export.Stdout, "\"seq\":9007199254740993,");
        StringAssert.Contains(export.Stdout, "\"seq\":null,");
        StringAssert.Contains(export.Stdout, "\"unit\":\"°C\"", "readable units");
        AssertSame(stored, ExportedReadings.FromJson(export.Stdout));
    }

    [TestMethod]
    public void An_empty_selection_is_a_header_or_an_empty_array()
    {
        Store(Tricky());
        using ToolRun csv = ToolRun.Complete(Timeout, "export", "--db", Db, "--csv", "--topic", "jardin/#");
        Assert.AreEqual("node,sensor,seq,time,received,value,unit,late\r\n", csv.Stdout);
        using ToolRun json = ToolRun.Complete(Timeout, "export", "--db", Db, "--json", "--since", Iso(Now.AddDays(1)));
        Assert.AreEqual(0, ExportedReadings.FromJson(json.Stdout).Count);
    }

    [TestMethod]
    public void Since_and_topic_select_by_the_readings_own_time_and_by_node_and_sensor()
    {
        Store(
        [
            new("maison/salon", "temperature", 1, Now.AddDays(-2), Now.AddDays(-2), 19, "°C", false),
            new("maison/salon", "temperature", 2, Now.AddHours(-2), Now, 20, "°C", true),
            new("maison/salon", "door", 3, Now.AddMinutes(-30), Now.AddMinutes(-30), 1, "", false),
            new("maison/cuisine", "temperature", 1, Now.AddMinutes(-5), Now.AddMinutes(-5), 22, "°C", false),
        ]);

        string[] Selected(params string[] args)
        {
            using ToolRun export = ToolRun.Complete(Timeout, ["export", "--db", Db, "--json", .. args]);
            Assert.AreEqual(0, export.ExitCode, export.Stderr);
            return [.. ExportedReadings.FromJson(export.Stdout).Select(r => $"{r.Node}/{r.Sensor}#{r.Seq}")];
        }

        CollectionAssert.AreEqual(new[] { "maison/salon/temperature#2", "maison/salon/door#3", "maison/cuisine/temperature#1" }, Selected("--since", "24h"));
        CollectionAssert.AreEqual(new[] { "maison/salon/door#3", "maison/cuisine/temperature#1" }, Selected("--since", "90m"));
        CollectionAssert.AreEqual(new[] { "maison/salon/temperature#2", "maison/cuisine/temperature#1" }, Selected("--since", Iso(Now.AddHours(-3)), "--topic", "maison/+/temperature"));
        CollectionAssert.AreEqual(new[] { "maison/salon/temperature#1", "maison/salon/temperature#2", "maison/salon/door#3" }, Selected("--topic", "maison/salon/#"));
    }

    [TestMethod]
    [DataRow(new[] { "--csv", "--json" }, "capteur export: --csv and --json exclude each other: choose one")]
    [DataRow(new string[0], "capteur export: choose the format: --csv or --json")]
    [DataRow(new[] { "--csv", "--since", "yesterday" }, "capteur export: --since: \"yesterday\" is neither a duration back from now (a whole number with s, m, h or d, e.g. 24h or 7d) nor a time (e.g. 2026-11-23T10:00:00Z)")]
    [DataRow(new[] { "--csv", "--since", "24 h" }, "capteur export: --since: \"24 h\" is neither a duration back from now (a whole number with s, m, h or d, e.g. 24h or 7d) nor a time (e.g. 2026-11-23T10:00:00Z)")]
    [DataRow(new[] { "--json", "--topic", "maison/#/door" }, "capteur export: --topic: \"maison/#/door\" is not an MQTT topic filter (+ and # stand for whole levels, # only as the last; e.g. maison/+/temperature or maison/#)")]
    public void Argument_errors_name_the_flag_and_exit_2(string[] args, string error)
    {
        Store(Tricky());
        using ToolRun export = ToolRun.Complete(Timeout, ["export", "--db", Db, .. args]);
        Assert.AreEqual(2, export.ExitCode);
        Assert.AreEqual(error + "\n", export.Stderr);
        Assert.AreEqual("", export.Stdout);
    }

    [TestMethod]
    public void A_missing_or_foreign_database_is_an_error_naming_the_file()
    {
        string missing = Path.Combine(_folder, "nothing.db");
        using ToolRun none = ToolRun.Complete(Timeout, "export", "--db", missing, "--csv");
        Assert.AreEqual(2, none.ExitCode);
        Assert.AreEqual($"capteur export: --db: {missing} does not exist; record into it first (capteur record --db FILE) or give the file readings were recorded in\n", none.Stderr);
        Assert.IsFalse(File.Exists(missing));

        string notes = Path.Combine(_folder, "notes.txt");
        File.WriteAllText(notes, string.Concat(Enumerable.Repeat("not a database\n", 200)));
        using ToolRun foreign = ToolRun.Complete(Timeout, "export", "--db", notes, "--json");
        Assert.AreEqual(2, foreign.ExitCode);
        Assert.AreEqual($"capteur export: --db: {notes} is not a Capteur readings database (not an SQLite file, or a damaged one); give another file, or move this one away to start a new one\n", foreign.Stderr);
    }

    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'");

    private static void AssertSame(RecordedReading[] expected, List<RecordedReading> actual)
    {
        Assert.AreEqual(expected.Length, actual.Count);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.AreEqual(expected[i], actual[i], $"reading {i}");
            // record equality compares doubles with ==, which takes -0.0 for 0.0: compare the bits too
            Assert.AreEqual(BitConverter.DoubleToInt64Bits(expected[i].Value), BitConverter.DoubleToInt64Bits(actual[i].Value), $"value bits of reading {i}");
        }
    }

    /// <summary>Stores the readings and returns them as the store gives them back (in its order).</summary>
    private RecordedReading[] Store(RecordedReading[] readings)
    {
        using ReadingStore store = ReadingStore.Open(Db);
        foreach (RecordedReading reading in readings)
        {
            store.Add(reading);
        }

        RecordedReading[] back = [.. store.Query(DateTimeOffset.MinValue)];
        CollectionAssert.AreEquivalent(readings, back, "the store keeps every reading as given");
        return back;
    }
}
