namespace Capteur.Node.Config
{
    /// <summary>The <c>sensorN.*</c> keys of one used slot, typed.</summary>
    public sealed class SensorSettings
    {
        /// <summary>Slot number, 1..<see cref="ConfigSchema.SensorSlots"/> (the N of <c>sensorN.*</c>).</summary>
        public int Slot;

        /// <summary><c>tmp36</c>, <c>lm35</c> or <c>digital</c> (never <c>none</c>: unused slots are not listed).</summary>
        public string Kind = "";

        /// <summary>The topic level readings are published under.</summary>
        public string Name = "";

        /// <summary>GPIO number, or <see cref="ConfigSchema.PinUnset"/>.</summary>
        public int Pin = ConfigSchema.PinUnset;

        /// <summary>Milliseconds between readings.</summary>
        public int IntervalMs;

        /// <summary>Raw samples averaged per reading (analog kinds).</summary>
        public int Oversample;

        /// <summary>Digits after the decimal point in the published value.</summary>
        public int Decimals;

        /// <summary>Filter chain spec, empty for none.</summary>
        public string Filters = "";

        /// <summary>Calibration spec, empty for none.</summary>
        public string Calibration = "";

        /// <summary>Milliseconds a digital level must hold before it counts.</summary>
        public int DebounceMs;
    }
}
