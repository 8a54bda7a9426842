namespace Capteur.Node.Sensors
{
    /// <summary>
    /// The one table of sensor kinds: the config value (<c>sensorN.kind</c>), the unit of the published value and
    /// whether the kind reads the ADC. nanoFramework's <c>Enum.ToString()</c> prints numbers, hence this table.
    /// </summary>
    public static class SensorKindTable
    {
        // Indexed by (int)SensorKind.
        private static readonly string[] ConfigNames = { "none", "tmp36", "lm35", "digital" };
        private static readonly string[] Units = { "", "°C", "°C", "" };
        private static readonly bool[] Analog = { false, true, true, false };

        /// <summary>Every config name, in enum order: <c>none, tmp36, lm35, digital</c>.</summary>
        public const string AllNames = "none, tmp36, lm35, digital";

        /// <summary>The config name of <paramref name="kind"/>, e.g. <c>tmp36</c>.</summary>
        public static string NameOf(SensorKind kind)
        {
            return ConfigNames[Index(kind)];
        }

        /// <summary>The unit of <paramref name="kind"/>'s values: <c>°C</c> for tmp36 and lm35, empty for digital and none.</summary>
        public static string UnitOf(SensorKind kind)
        {
            return Units[Index(kind)];
        }

        /// <summary>True for kinds read through the ADC (tmp36, lm35).</summary>
        public static bool IsAnalog(SensorKind kind)
        {
            return Analog[Index(kind)];
        }

        /// <summary>The kind whose config name is exactly <paramref name="name"/>; false when there is none.</summary>
        public static bool TryParse(string name, out SensorKind kind)
        {
            for (int i = 0; i < ConfigNames.Length; i++)
            {
                if (ConfigNames[i] == name)
                {
                    kind = (SensorKind)i;
                    return true;
                }
            }

            kind = SensorKind.None;
            return false;
        }

        private static int Index(SensorKind kind)
        {
            int index = (int)kind;
            return index >= 0 && index < ConfigNames.Length ? index : 0;
        }
    }
}
