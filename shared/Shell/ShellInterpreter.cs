using System;
using System.Collections;
using Capteur.Node.Config;
using Capteur.Node.Ports;
using Capteur.Node.Storage;
using Capteur.Node.Text;

namespace Capteur.Node.Shell
{
    /// <summary>
    /// The console's command interpreter, shared by the firmware and the virtual node. It holds two configs: the
    /// saved one (what is on flash) and the working one, which <c>set</c> edits; <c>save</c> checks the working config
    /// and writes it through <see cref="ConfigStore"/>, <c>discard</c> goes back to the saved one.
    /// <para>A line may hold several commands separated by <c>;</c> (see <see cref="CommandLine"/> for quoting). They
    /// run in order and the line stops at the first command that fails: the error says why and which commands were
    /// not run, so <c>set a 1; set b bad; save</c> does not save. A line that does not parse runs nothing.</para>
    /// <para>Secrets are never printed: <c>show</c>, <c>get</c> and <c>set</c> print <c>****</c> for a secret that is
    /// set, in json mode too, and the config's messages about a secret value never repeat it.</para>
    /// </summary>
    public sealed class ShellInterpreter
    {
        /// <summary>What <c>get</c>, <c>set</c> and <c>show</c> add after a value changed since the last save.</summary>
        public const string UnsavedMark = " (not saved yet)";

        private readonly IStorage _storage;
        private readonly IShellHost _host;
        private readonly ShellReply _reply = new ShellReply();
        private NodeConfig _saved;
        private NodeConfig _working;

        // The details of the failure being reported (save's problems), else null.
        private string[] _problems;

        /// <summary>
        /// A shell over <paramref name="saved"/>, the config as loaded from <paramref name="storage"/> (it is copied, never
        /// modified); echo on, human mode.
        /// </summary>
        public ShellInterpreter(NodeConfig saved, IStorage storage, IShellHost host)
        {
            _saved = saved.Clone();
            _working = saved.Clone();
            _storage = storage;
            _host = host;
            EchoOn = true;
        }

        /// <summary>True in json mode (<c>json on</c>): one JSON object a result.</summary>
        public bool JsonMode
        {
            get { return _reply.Json; }
        }

        /// <summary>False after <c>echo off</c>: the terminal's typing is not echoed.</summary>
        public bool EchoOn { get; private set; }

        /// <summary>True once <c>reboot</c> ran; <see cref="RunPendingReboot"/> acts on it.</summary>
        public bool RebootRequested { get; private set; }

        /// <summary>True when the working config differs from the saved one.</summary>
        public bool HasUnsavedChanges
        {
            get { return ChangedKeys().Length > 0; }
        }

        /// <summary>The config as <c>set</c> left it (a copy).</summary>
        public NodeConfig WorkingConfig
        {
            get { return _working.Clone(); }
        }

        /// <summary>Runs every command of <paramref name="line"/>; returns the output lines (without line ends).</summary>
        public string[] Execute(string line)
        {
            _reply.Clear();
            CommandLine parsed = CommandLine.Parse(line);
            if (parsed.Error != null)
            {
                _reply.Error(parsed.Error, null, null);
                return _reply.ToArray();
            }

            for (int i = 0; i < parsed.Count; i++)
            {
                string[] words = parsed.Words(i);
                _problems = null;
                string error;
                try
                {
                    error = Run(words);
                }
                catch (Exception e)
                {
                    error = Label(words) + ": failed: " + e.Message;
                }

                if (error != null)
                {
                    string[] notRun = null;
                    if (i + 1 < parsed.Count)
                    {
                        notRun = new string[parsed.Count - i - 1];
                        for (int n = 0; n < notRun.Length; n++)
                        {
                            notRun[n] = Label(parsed.Words(i + 1 + n));
                        }
                    }

                    _reply.Error(error, _problems, notRun);
                    break;
                }
            }

            return _reply.ToArray();
        }

        /// <summary>The output for a line that was refused before it could run (too long), in the current mode.</summary>
        public string[] Refuse(string message)
        {
            _reply.Clear();
            _reply.Error(message, null, null);
            return _reply.ToArray();
        }

        /// <summary>Reboots through the host if <c>reboot</c> ran; call it once the output of the line is written.</summary>
        public void RunPendingReboot()
        {
            if (RebootRequested)
            {
                RebootRequested = false;
                _host.RequestReboot();
            }
        }

        /// <summary>Runs one command; null when it succeeded, else the error.</summary>
        private string Run(string[] words)
        {
            string verb = words[0].ToLower();
            switch (verb)
            {
                case "help":
                    return Help(words);
                case "show":
                    return NoArgument(words) ?? Show();
                case "get":
                    return Get(words);
                case "set":
                    return Set(words);
                case "save":
                    return NoArgument(words) ?? Save();
                case "discard":
                    return NoArgument(words) ?? Discard();
                case "factory-reset":
                    return FactoryReset(words);
                case "reboot":
                    return Reboot(words);
                case "status":
                    return NoArgument(words) ?? ShellNodeReport.Status(_reply, _host.Status());
                case "outbox":
                    return NoArgument(words) ?? ShellNodeReport.Outbox(_reply, _host.Status());
                case "read":
                    return NoArgument(words) ?? ShellNodeReport.Read(_reply, _host.ReadSensorsNow());
                case "wifi":
                    return OneForm(words, "scan") ?? ShellNodeReport.Wifi(_reply, _host.ScanWifi());
                case "publish":
                    return OneForm(words, "test") ?? PublishTest();
                case "echo":
                    return Switch(words, false);
                case "json":
                    return Switch(words, true);
                default:
                    return Unknown(words[0]);
            }
        }

        private string Help(string[] words)
        {
            string[] lines;
            if (words.Length == 1)
            {
                lines = ShellHelp.Overview();
            }
            else if (words.Length > 2)
            {
                return "help: one command or key at a time, e.g. help set";
            }
            else
            {
                int command = ShellHelp.IndexOf(words[1].ToLower());
                ConfigKey key = ConfigSchema.Find(words[1]);
                if (command >= 0)
                {
                    lines = ShellHelp.Command(command);
                }
                else if (key != null)
                {
                    if (_reply.Json)
                    {
                        JsonWriter json = _reply.Ok().Property("key", key.Name).Property("help", key.Help)
                            .Property(ShellHelp.AllowedLabel(key), key.AllowedText).Property("default", key.DefaultValue)
                            .Property("secret", key.Secret);
                        _reply.End(json);
                        return null;
                    }

                    lines = ShellHelp.Key(key);
                }
                else
                {
                    return "help: " + ConfigText.Quote(words[1]) + " is neither a command nor a key (type help for the list)";
                }
            }

            if (_reply.Json)
            {
                JsonWriter json = _reply.Ok();
                ShellReply.Strings(json, "help", lines);
                _reply.End(json);
                return null;
            }

            for (int i = 0; i < lines.Length; i++)
            {
                _reply.Line(lines[i]);
            }

            return null;
        }

        private string Show()
        {
            ConfigKey[] keys = ConfigSchema.Keys;
            if (_reply.Json)
            {
                JsonWriter json = _reply.Ok().BeginObject("config");
                for (int i = 0; i < keys.Length; i++)
                {
                    json.Property(keys[i].Name, _working.Display(keys[i].Name));
                }

                json.EndObject();
                ShellReply.Strings(json, "unsaved", ChangedKeys());
                _reply.End(json);
                return null;
            }

            for (int i = 0; i < keys.Length; i++)
            {
                _reply.Line(KeyLine(keys[i].Name));
            }

            return null;
        }

        private string Get(string[] words)
        {
            if (words.Length != 2)
            {
                return words.Length == 1
                    ? "get: give a key, e.g. get mqtt.port (show prints every key)"
                    : "get: one key at a time (show prints every key)";
            }

            ConfigKey key = ConfigSchema.Find(words[1]);
            if (key == null)
            {
                return ConfigSchema.UnknownKeyMessage(words[1]);
            }

            PrintValue(key.Name);
            return null;
        }

        private string Set(string[] words)
        {
            if (words.Length == 1)
            {
                return "set: give a key and a value, e.g. set mqtt.port 1883";
            }

            string name = words[1];
            string value = words.Length > 2 ? words[2] : null;
            int equals = ConfigText.IndexOf(name, '=', 0);
            int most = 3;
            if (equals > 0)
            {
                value = name.Substring(equals + 1);
                name = name.Substring(0, equals);
                most = 2;
            }

            if (words.Length > most)
            {
                // The words are not repeated: they may be a secret typed without quotes.
                return "set: too many words for one value (quote a value holding spaces, e.g. set wifi.ssid \"My Home\")";
            }

            string problem = _working.TrySet(name, value);
            if (problem != null)
            {
                return problem;
            }

            PrintValue(ConfigSchema.Find(name).Name);
            return null;
        }

        /// <summary>The result of <c>get</c> and <c>set</c> for <paramref name="key"/>.</summary>
        private void PrintValue(string key)
        {
            if (_reply.Json)
            {
                JsonWriter json = _reply.Ok().Property("key", key).Property("value", _working.Display(key))
                    .Property("saved", _working.Get(key) == _saved.Get(key));
                _reply.End(json);
                return;
            }

            _reply.Line(KeyLine(key));
        }

        /// <summary><c>key=value</c> as in the config file (its escapes; secrets masked), marked when not saved.</summary>
        private string KeyLine(string key)
        {
            string line = key + "=" + ConfigValueEscaper.Escape(_working.Display(key));
            return _working.Get(key) == _saved.Get(key) ? line : line + UnsavedMark;
        }

        private string Save()
        {
            string[] changed = ChangedKeys();
            string[] problems;
            try
            {
                problems = ConfigStore.Save(_storage, _working);
            }
            catch (Exception e)
            {
                // AtomicFile: a failed write leaves the previous file or the new one whole.
                return "not saved: writing the flash failed (" + e.Message + "); the config on flash is still a whole one,"
                    + " type save to try again";
            }

            if (problems.Length > 0)
            {
                _problems = problems;
                return "not saved (the flash is unchanged): " + Count(problems.Length, "problem") + " to fix first";
            }

            _saved = _working.Clone();
            if (_reply.Json)
            {
                JsonWriter json = _reply.Ok();
                ShellReply.Strings(json, "changed", changed);
                _reply.End(json);
            }
            else
            {
                _reply.Line(changed.Length == 0 ? "saved (no key changed)" : "saved (changed: " + ShellText.Join(changed) + ")");
            }

            _host.ConfigSaved(_saved.Clone());
            return null;
        }

        private string Discard()
        {
            string[] changed = ChangedKeys();
            _working = _saved.Clone();
            if (_reply.Json)
            {
                JsonWriter json = _reply.Ok();
                ShellReply.Strings(json, "discarded", changed);
                _reply.End(json);
            }
            else
            {
                _reply.Line(changed.Length == 0
                    ? "nothing to discard"
                    : "discarded (back to the saved value: " + ShellText.Join(changed) + ")");
            }

            return null;
        }

        private string FactoryReset(string[] words)
        {
            if (words.Length != 2 || words[1].ToLower() != "yes")
            {
                return "factory-reset erases the whole config (Wi-Fi, broker, sensors); type factory-reset yes to do it";
            }

            try
            {
                // The temp file first: left alone, a reader would move it into place (AtomicFile.Read).
                _storage.Delete(ConfigStore.FileName + AtomicFile.TempSuffix);
                _storage.Delete(ConfigStore.FileName);
            }
            catch (Exception e)
            {
                return "factory-reset: erasing the flash failed (" + e.Message + "); type factory-reset yes to try again";
            }

            _saved = NodeConfig.CreateDefault();
            _working = NodeConfig.CreateDefault();
            if (_reply.Json)
            {
                _reply.End(_reply.Ok().Property("factory_reset", true));
            }
            else
            {
                _reply.Line("factory reset: every key is back to its default (set wifi.ssid, wifi.password and mqtt.host, then save)");
            }

            _host.ConfigSaved(_saved.Clone());
            return null;
        }

        private string Reboot(string[] words)
        {
            bool force = words.Length == 2 && words[1].ToLower() == "force";
            if (words.Length > 1 && !force)
            {
                return "reboot: the only option is force (reboot force: reboot even with changes not saved)";
            }

            string[] changed = ChangedKeys();
            if (changed.Length > 0 && !force)
            {
                return "reboot: " + Count(changed.Length, "change") + " not saved (" + ShellText.Join(changed)
                    + "): save or discard first, or type reboot force to lose them";
            }

            RebootRequested = true;
            if (_reply.Json)
            {
                _reply.End(_reply.Ok().Property("reboot", true));
            }
            else
            {
                _reply.Line("rebooting");
            }

            return null;
        }

        private string PublishTest()
        {
            string message;
            if (!_host.PublishTest(out message))
            {
                return "publish test: " + message;
            }

            if (_reply.Json)
            {
                _reply.End(_reply.Ok().Property("message", message));
            }
            else
            {
                _reply.Line(message);
            }

            return null;
        }

        /// <summary><c>echo</c> or <c>json</c>: on, off, or alone to print the setting.</summary>
        private string Switch(string[] words, bool json)
        {
            string name = json ? "json" : "echo";
            if (words.Length > 2)
            {
                return name + ": type " + name + " on or " + name + " off";
            }

            if (words.Length == 2)
            {
                string value = words[1].ToLower();
                if (value != "on" && value != "off")
                {
                    return name + ": " + ConfigText.Quote(words[1]) + " is not on or off (type " + name + " on or " + name + " off)";
                }

                if (json)
                {
                    _reply.Json = value == "on";
                }
                else
                {
                    EchoOn = value == "on";
                }
            }

            bool on = json ? _reply.Json : EchoOn;
            if (_reply.Json)
            {
                _reply.End(_reply.Ok().Property(name, on));
            }
            else
            {
                _reply.Line(name + (on ? " on" : " off"));
            }

            return null;
        }

        /// <summary>
        /// The error for a word that is no command. The word is not repeated: it could be a password typed on a line
        /// of its own. A config key (also as <c>key=value</c>) gets the set/get hint, a near miss the command meant.
        /// </summary>
        private static string Unknown(string word)
        {
            int equals = ConfigText.IndexOf(word, '=', 0);
            ConfigKey key = ConfigSchema.Find(equals > 0 ? word.Substring(0, equals) : word);
            if (key != null)
            {
                return key.Name + " is a config key, not a command: type set " + key.Name + " VALUE, or get " + key.Name;
            }

            string nearest = ShellHelp.Nearest(word.ToLower());
            string message = "unknown command (type help for the list)";
            return nearest == null ? message : message + "; did you mean " + nearest + "?";
        }

        private static string NoArgument(string[] words)
        {
            return words.Length == 1 ? null : words[0].ToLower() + ": takes no argument (help " + words[0].ToLower() + ")";
        }

        /// <summary>For commands with one form, e.g. <c>wifi scan</c>: null when <paramref name="words"/> are that form.</summary>
        private static string OneForm(string[] words, string argument)
        {
            string verb = words[0].ToLower();
            bool ok = words.Length == 2 && words[1].ToLower() == argument;
            return ok ? null : verb + ": type " + verb + " " + argument;
        }

        /// <summary>How a command is named in messages: its verb and first argument, never a value of <c>set</c>.</summary>
        private static string Label(string[] words)
        {
            string verb = words[0].ToLower();
            if (ShellHelp.IndexOf(verb) < 0)
            {
                return "an unknown command";
            }

            if (words.Length == 1)
            {
                return verb;
            }

            string argument = words[1];
            int equals = ConfigText.IndexOf(argument, '=', 0);
            return verb + " " + (equals > 0 ? argument.Substring(0, equals) : argument);
        }

        private static string Count(int count, string noun)
        {
            return count.ToString() + " " + noun + (count == 1 ? "" : "s");
        }

        /// <summary>The keys whose working value differs from the saved one, in key order.</summary>
        private string[] ChangedKeys()
        {
            ConfigKey[] keys = ConfigSchema.Keys;
            ArrayList changed = new ArrayList();
            for (int i = 0; i < keys.Length; i++)
            {
                if (_working.Get(keys[i].Name) != _saved.Get(keys[i].Name))
                {
                    changed.Add(keys[i].Name);
                }
            }

            string[] names = new string[changed.Count];
            for (int i = 0; i < names.Length; i++)
            {
                names[i] = (string)changed[i];
            }

            return names;
        }
    }
}
