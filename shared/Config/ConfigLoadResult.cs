namespace Capteur.Node.Config
{
    /// <summary>
    /// What loading a config file gives: the config and every problem found, by line. When <see cref="HasErrors"/>
    /// is true the node must not run on <see cref="Config"/>: it stays in console mode until the problems are fixed
    /// (the file on flash is left as it is). In that config, good lines are applied; a key whose line was refused
    /// holds a stand-in (its default, or the first value of a key set twice) and is marked, so <see cref="NodeConfig.Validate"/> reports it and
    /// <c>ConfigStore.Save</c> refuses to write the stand-in until the key is set again.
    /// </summary>
    public sealed class ConfigLoadResult
    {
        /// <summary>Creates a result.</summary>
        public ConfigLoadResult(NodeConfig config, ConfigLoadError[] errors)
        {
            Config = config;
            Errors = errors;
        }

        /// <summary>The loaded config (defaults for keys the file does not mention).</summary>
        public NodeConfig Config { get; private set; }

        /// <summary>Every problem, in line order; empty when the file was clean.</summary>
        public ConfigLoadError[] Errors { get; private set; }

        /// <summary>True when at least one line was refused.</summary>
        public bool HasErrors
        {
            get { return Errors.Length > 0; }
        }
    }
}
