namespace Capteur.Node.Config
{
    /// <summary>One line of a config file, before parsing.</summary>
    internal sealed class ConfigFileLine
    {
        /// <summary>The line without its <c>\n</c>; for a damaged line, only its key when that part is clean ASCII, else empty.</summary>
        internal string Text = "";

        /// <summary>True when the line ended with <c>\n</c> (only the last line of a file may not).</summary>
        internal bool Complete = true;

        /// <summary>1-based position in the file of the first byte that is not UTF-8 text, 0 when the line is clean.</summary>
        internal int BadByte;

        /// <summary>True when that byte is a zero byte (valid UTF-8, but a nanoFramework string would end there).</summary>
        internal bool ZeroByte;
    }
}
