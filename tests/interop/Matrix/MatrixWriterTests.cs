using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Capteur.Interop.Tests.Matrix;

/// <summary>The markdown of the matrix, from cells made here (no peer runs).</summary>
[TestClass]
public sealed class MatrixWriterTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [TestMethod]
    [TestCategory("cheap")]
    public void Each_table_has_its_peers_as_rows_its_checks_as_columns_and_a_footnote_per_cell()
    {
        MatrixCell[] cells =
        [
            new("clients", "paho 1.6.1", "publish", "Pass", "10 acknowledged", 1.0, At),
            new("brokers", "Mosca 2.8.3", "MQTT 5", "NotSupported", "no MQTT 5: no answer", 10.0, At.AddSeconds(1)),
            new("brokers", "mosquitto 2.0.11", "QoS 1 audit", "Fail", "2 gaps\nmissing 7,8", 11.5, At.AddSeconds(2)),
            new("brokers", "mosquitto 2.0.11", "starts", "Pass", "answered CONNECT", 0.3, At.AddSeconds(3)),
        ];

        string[] lines = MatrixWriter.Markdown(cells, At, "bash tests/interop/run").Split('\n');

        CollectionAssert.IsSubsetOf(new[]
        {
            "#### brokers",
            "| peer | starts | QoS 1 audit | MQTT 5 | time |",
            "| --- | :-: | :-: | :-: | --: |",
            "| mosquitto 2.0.11 | ✅ <sup>1</sup> | ❌ <sup>2</sup> | – | 11.8 s |",
            "| Mosca 2.8.3 | – | – | n/a <sup>3</sup> | 10.0 s |",
            "1. answered CONNECT (0.3 s)",
            "2. 2 gaps missing 7,8 (11.5 s)",
            "3. no MQTT 5: no answer (10.0 s)",
            "#### clients",
            "| peer | publish | time |",
            "| paho 1.6.1 | ✅ <sup>4</sup> | 1.0 s |",
            "4. 10 acknowledged (1.0 s)",
        }, lines);
        StringAssert.StartsWith(lines[0], "Produced by `bash tests/interop/run` on 2026-11-23 10:00 UTC (");
        StringAssert.EndsWith(lines[0], "cores): 4 cells, 2 ✅, 1 ❌, 1 n/a, 22.8 s of checks.");
        Assert.IsLessThan(Array.IndexOf(lines, "#### clients"), Array.IndexOf(lines, "#### brokers"), "brokers first");
    }
}
