namespace Capteur.Node.Config
{
    /// <summary>What kind of value a config key holds; decides how a value is checked and stored.</summary>
    public enum ConfigKeyType
    {
        /// <summary>Free text with a length range and, for some keys, a set of allowed characters.</summary>
        String = 0,

        /// <summary>A whole number in a range, with an optional special value (0 for off, -1 for unset).</summary>
        Int = 1,

        /// <summary>true or false (on/off/1/0 accepted, stored as true/false).</summary>
        Bool = 2,

        /// <summary>One name out of a fixed list.</summary>
        Choice = 3,

        /// <summary>Comma-separated <c>host</c> or <c>host:port</c> entries.</summary>
        HostList = 4,

        /// <summary>An MQTT topic the node publishes under (no wildcards, no empty level).</summary>
        Topic = 5,

        /// <summary>One MQTT topic level (a sensor name).</summary>
        TopicLevel = 6,

        /// <summary>A filter chain, checked by <c>Capteur.Node.Filters.FilterChain.Check</c>.</summary>
        FilterChain = 7,

        /// <summary>A two-point calibration, checked by <c>Capteur.Node.Sensors.TwoPointCalibration.Check</c>.</summary>
        Calibration = 8,
    }
}
