namespace Capteur.Node.Mqtt
{
    /// <summary>How a reading is written on its topic (config names <c>json</c> and <c>plain</c>).</summary>
    public enum PayloadFormat
    {
        /// <summary><c>{"value":21.52,"unit":"°C","seq":1234,"ts":"2026-11-22T10:00:00.000Z"}</c>, the default.</summary>
        Json = 0,

        /// <summary>The number alone: <c>21.52</c>.</summary>
        Plain = 1,
    }
}
