namespace Capteur.Cli.Serial;

/// <summary>The console did not answer, answered something unexpected, or went away; the message says which and what to check.</summary>
public sealed class ConsoleException : Exception
{
    /// <summary>A failure with a message for the user.</summary>
    public ConsoleException(string message)
        : base(message)
    {
    }
}
