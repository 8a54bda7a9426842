using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Capteur.Interop.Tests.Cluster;

/// <summary>Waits for a condition with a deadline, failing the test with what did not happen (and what was seen).</summary>
internal static class Poll
{
    /// <summary>Waits for <paramref name="condition"/>; fails with <paramref name="what"/> (made at that moment) after <paramref name="timeout"/>.</summary>
    public static void Until(Func<bool> condition, TimeSpan timeout, Func<string> what)
    {
        DateTime deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"timed out after {timeout.TotalSeconds:F0} s waiting for {what()}");
            }

            Thread.Sleep(50);
        }
    }
}
