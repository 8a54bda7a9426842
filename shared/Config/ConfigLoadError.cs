namespace Capteur.Node.Config
{
    /// <summary>One problem found while loading a config file.</summary>
    public sealed class ConfigLoadError
    {
        /// <summary>Creates an error.</summary>
        public ConfigLoadError(int line, string message)
        {
            Line = line;
            Message = message;
        }

        /// <summary>Line number in the file, from 1.</summary>
        public int Line { get; private set; }

        /// <summary>What is wrong, without the line number, e.g. <c>mqtt.port: 70000 is out of range (1..65535)</c>.</summary>
        public string Message { get; private set; }

        /// <summary>The message as printed: <c>line 5: mqtt.port: 70000 is out of range (1..65535)</c>.</summary>
        public override string ToString()
        {
            return "line " + Line.ToString() + ": " + Message;
        }
    }
}
