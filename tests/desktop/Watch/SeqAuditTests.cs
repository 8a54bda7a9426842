using Capteur.Watch;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Capteur.Desktop.Tests.Watch;

[TestClass]
public class SeqAuditTests
{
    [TestMethod]
    public void Numbers_out_of_order_are_counted_once_with_their_gaps_and_lateness()
    {
        var audit = new SeqAudit();
        foreach (long seq in new long[] { 1, 2, 5, 3, 9, 8, 2, 5 })
        {
            audit.Record(seq, "r" + seq);
        }

        Assert.AreEqual(6L, audit.Distinct);
        Assert.AreEqual(2L, audit.Duplicates);
        Assert.AreEqual(0L, audit.Conflicts);
        Assert.AreEqual(2L, audit.Late); // 3 after 5, 8 after 9
        Assert.AreEqual(3L, audit.Gaps); // 4, 6, 7
        CollectionAssert.AreEqual(new long[] { 4, 6, 7 }, audit.MissingNumbers().ToArray());
        Assert.IsTrue(audit.HasAllUpTo(3));
        Assert.IsFalse(audit.HasAllUpTo(5));
        Assert.AreEqual(3, audit.Runs); // 1..3, 5, 8..9
    }

    [TestMethod]
    public void Filling_the_holes_merges_the_runs_into_one()
    {
        var audit = new SeqAudit();
        foreach (long seq in new long[] { 10, 12, 14, 11, 13 })
        {
            audit.Record(seq);
        }

        Assert.AreEqual(1, audit.Runs);
        Assert.AreEqual(0L, audit.Gaps);
        Assert.AreEqual(10L, audit.First);
        Assert.AreEqual(14L, audit.Last);
        Assert.IsFalse(audit.HasAllUpTo(14), "1..9 were never seen");
    }

    [TestMethod]
    public void A_repeat_with_other_content_is_a_conflict()
    {
        var audit = new SeqAudit();
        audit.Record(7, "temperature 21.5 10:00");
        Assert.IsFalse(audit.Record(7, "temperature 21.5 10:00"));
        Assert.IsFalse(audit.Record(7, "door 1 11:00"));
        Assert.AreEqual(2L, audit.Duplicates);
        Assert.AreEqual(1L, audit.Conflicts);
    }

    [TestMethod]
    public void A_million_readings_in_order_keep_one_run_and_a_bounded_content_window()
    {
        var audit = new SeqAudit();
        for (long seq = 1; seq <= 1_000_000; seq++)
        {
            audit.Record(seq, "x");
        }

        Assert.AreEqual(1, audit.Runs);
        Assert.AreEqual(1_000_000L, audit.Distinct);
        Assert.IsTrue(audit.HasAllUpTo(1_000_000));
        // an old number beyond the content window still counts as a duplicate; a recent one is checked for conflict
        Assert.IsFalse(audit.Record(1, "other"));
        Assert.IsFalse(audit.Record(999_999, "other"));
        Assert.AreEqual(2L, audit.Duplicates);
        Assert.AreEqual(1L, audit.Conflicts);
    }
}
