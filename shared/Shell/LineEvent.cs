namespace Capteur.Node.Shell
{
    /// <summary>What one byte fed to a <see cref="LineEditor"/> completed.</summary>
    internal enum LineEvent
    {
        /// <summary>Nothing yet: the line is still being typed.</summary>
        None = 0,

        /// <summary>End of line: <see cref="LineEditor.Line"/> holds the line, to run.</summary>
        Line = 1,

        /// <summary>Ctrl+C: the line was dropped.</summary>
        Cancelled = 2,

        /// <summary>End of a line that went over <see cref="LineEditor.MaxLineBytes"/>: it was dropped, nothing is to run.</summary>
        TooLong = 3,
    }
}
