namespace Capteur.Interop.Tests.Brokers;

/// <summary>Waits for a condition with a deadline (polling every 20 ms), never for a fixed time.</summary>
internal static class Deadline
{
    /// <summary>Waits until <paramref name="condition"/> holds; throws with <paramref name="what"/> and what was seen when <paramref name="timeout"/> passes.</summary>
    public static async Task UntilAsync(Func<bool> condition, TimeSpan timeout, string what, Func<string>? seen = null)
    {
        DateTime deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"timed out after {timeout.TotalSeconds:F0} s waiting for: {what}" + (seen is null ? "" : $"; seen: {seen()}"));
            }

            await Task.Delay(20);
        }
    }
}
