using Capteur.Node.Config;
using Capteur.VirtualNode.Adapters;

namespace Capteur.VirtualNode;

/// <summary>
/// Where a virtual node's config comes from: the node's own config file (the same format and keys the serial console
/// sets; by default <c>capteur.cfg</c> in its data folder, created with the virtual defaults on first run), then
/// <c>key=value</c> settings from the command line. Settings given for the data folder's config are saved into it,
/// as the console's <c>set</c> and <c>save</c> would (so a console save and restart keeps them); settings on top of
/// a <c>--config</c> file apply to the run only (the file is the user's).
/// </summary>
public static class VirtualNodeConfig
{
    /// <summary>
    /// The virtual defaults on top of the board's: a TMP36 <c>temperature</c> on GPIO 34 every 10 s, a door contact
    /// on GPIO 4, every reading on disk before it is sent (<c>outbox.checkpoint_s=0</c>: a desktop disk does not wear
    /// like flash), a broker on localhost.
    /// </summary>
    public static NodeConfig Defaults(string topic)
    {
        NodeConfig config = NodeConfig.CreateDefault();
        Apply(config, "node.topic", topic);
        Apply(config, "mqtt.host", "localhost:1883");
        Apply(config, "outbox.checkpoint_s", "0");
        Apply(config, "sensor1.kind", "tmp36");
        Apply(config, "sensor1.name", "temperature");
        Apply(config, "sensor1.pin", "34");
        Apply(config, "sensor2.kind", "digital");
        Apply(config, "sensor2.name", "door");
        Apply(config, "sensor2.pin", "4");
        return config;
    }

    /// <summary>
    /// Loads the node's config: <paramref name="configFile"/> when given, else <c>capteur.cfg</c> in
    /// <paramref name="dataFolder"/> (written with <see cref="Defaults"/> when missing), then the overrides. Every
    /// problem is listed; the config is usable only when the list is empty.
    /// </summary>
    public static (NodeConfig Config, List<string> Problems) Load(string dataFolder, string? configFile, string defaultTopic, IEnumerable<KeyValuePair<string, string>> overrides)
    {
        var problems = new List<string>();
        NodeConfig config;
        if (configFile is not null)
        {
            if (!File.Exists(configFile))
            {
                return (Defaults(defaultTopic), [$"{configFile}: no such file"]);
            }

            ConfigLoadResult loaded = ConfigFile.Parse(File.ReadAllBytes(configFile));
            problems.AddRange(loaded.Errors.Select(e => $"{configFile} {e}"));
            config = loaded.Config;
        }
        else
        {
            var storage = new FolderStorage(dataFolder);
            if (!storage.Exists(ConfigStore.FileName))
            {
                string[] refused = ConfigStore.Save(storage, Defaults(defaultTopic));
                problems.AddRange(refused);
            }

            ConfigLoadResult loaded = ConfigStore.Load(storage);
            problems.AddRange(loaded.Errors.Select(e => $"{Path.Combine(storage.Folder, ConfigStore.FileName)} {e}"));
            config = loaded.Config;
        }

        foreach ((string key, string value) in overrides)
        {
            if (config.TrySet(key, value) is string refused)
            {
                problems.Add(refused);
            }
        }

        if (problems.Count == 0)
        {
            problems.AddRange(config.Validate());
        }

        if (problems.Count == 0 && configFile is null)
        {
            problems.AddRange(ConfigStore.Save(new FolderStorage(dataFolder), config));
        }

        return (config, problems);
    }

    private static void Apply(NodeConfig config, string key, string value)
    {
        if (config.TrySet(key, value) is string refused)
        {
            throw new ArgumentException(refused);
        }
    }
}
