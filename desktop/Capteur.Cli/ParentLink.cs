namespace Capteur.Cli;

/// <summary>
/// Ties a `capteur` child process to its parent: when <see cref="Variable"/> is set, the child stops cleanly as soon
/// as its standard input closes. The parent holds the other end of that pipe, and the kernel closes it when the
/// parent exits in any way (Ctrl+C, a crash, SIGKILL), so a `capteur demo --processes` never leaves nodes behind.
/// </summary>
public static class ParentLink
{
    /// <summary>Environment variable the parent sets (to <c>stdin</c>) on the children it starts.</summary>
    public const string Variable = "CAPTEUR_STOP_WITH_PARENT";

    /// <summary>When this process was started by a parent that set <see cref="Variable"/>, cancels <paramref name="stop"/> once standard input ends.</summary>
    public static void StopWhenParentExits(CancellationTokenSource stop)
    {
        if (Environment.GetEnvironmentVariable(Variable) != "stdin")
        {
            return;
        }

        var watcher = new Thread(() =>
        {
            try
            {
                using Stream input = Console.OpenStandardInput();
                var buffer = new byte[256];
                while (input.Read(buffer, 0, buffer.Length) > 0)
                {
                    // the parent writes nothing; whatever it writes is ignored
                }
            }
            catch (IOException)
            {
            }

            stop.Cancel();
        })
        { IsBackground = true, Name = "capteur parent link" };
        watcher.Start();
    }
}
