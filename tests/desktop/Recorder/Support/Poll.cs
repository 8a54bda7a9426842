namespace Capteur.Desktop.Tests.Recorder.Support;

/// <summary>Waiting for a condition with a deadline, failing with what was last seen.</summary>
internal static class Poll
{
    /// <summary>Polls <paramref name="condition"/> every 20 ms until true; fails after <paramref name="timeout"/> with <paramref name="seen"/>.</summary>
    public static async Task UntilAsync(Func<bool> condition, TimeSpan timeout, Func<string> seen)
    {
        DateTime deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"not reached within {timeout.TotalSeconds:F0} s; seen: {seen()}");
            }

            await Task.Delay(20);
        }
    }
}
