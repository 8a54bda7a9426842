namespace Capteur.Node.Shell
{
    /// <summary>One sensor's value for <c>read</c>, or why there is none.</summary>
    public sealed class ShellReading
    {
        /// <summary>The sensor's name (<c>sensorN.name</c>).</summary>
        public string Name = "";

        /// <summary>The converted value (meaningless when <see cref="Error"/> is set).</summary>
        public double Value;

        /// <summary>Digits after the point to print (<c>sensorN.decimals</c>, 0..6).</summary>
        public int Decimals;

        /// <summary>Unit, e.g. <c>°C</c>; empty for none.</summary>
        public string Unit = "";

        /// <summary>Why the sensor gave no value, or null when <see cref="Value"/> is good.</summary>
        public string Error;
    }
}
