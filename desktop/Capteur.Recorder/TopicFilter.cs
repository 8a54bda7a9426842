namespace Capteur.Recorder;

/// <summary>MQTT topic filters (<c>+</c> one level, <c>#</c> every level below) matched against <c>&lt;node&gt;/&lt;sensor&gt;</c>.</summary>
public static class TopicFilter
{
    /// <summary>Null when <paramref name="filter"/> is a valid MQTT topic filter, else what is wrong with it (for an error line).</summary>
    public static string? Check(string filter)
    {
        string[] levels = filter.Split('/');
        for (int i = 0; i < levels.Length; i++)
        {
            string level = levels[i];
            bool wildcard = level.Contains('+') || level.Contains('#');
            if (filter.Length == 0 || (wildcard && level is not ("+" or "#")) || (level == "#" && i != levels.Length - 1))
            {
                return $"\"{filter}\" is not an MQTT topic filter (+ and # stand for whole levels, # only as the last; e.g. maison/+/temperature or maison/#)";
            }
        }

        return null;
    }

    /// <summary>True when <paramref name="topic"/> matches <paramref name="filter"/> (MQTT 3.1.1 §4.7: <c>a/#</c> also matches <c>a</c>).</summary>
    public static bool Matches(string filter, string topic)
    {
        string[] filterLevels = filter.Split('/');
        string[] topicLevels = topic.Split('/');
        for (int i = 0; i < filterLevels.Length; i++)
        {
            if (filterLevels[i] == "#")
            {
                return true;
            }

            if (i >= topicLevels.Length || (filterLevels[i] != "+" && filterLevels[i] != topicLevels[i]))
            {
                return false;
            }
        }

        return filterLevels.Length == topicLevels.Length;
    }
}
