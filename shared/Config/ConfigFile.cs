using System.Collections;
using System.Text;

namespace Capteur.Node.Config
{
    /// <summary>
    /// The config file's text format (<c>capteur.cfg</c>, UTF-8).
    /// <list type="bullet">
    /// <item>One <c>key=value</c> per line; every line, the last included, ends in <c>\n</c> (a <c>\r</c> before it
    /// is ignored, for files edited on Windows). A last line without <c>\n</c> is reported as truncated and not used.</item>
    /// <item>Blank lines and lines whose first non-blank character is <c>#</c> are ignored; a <c>#</c> after the
    /// <c>=</c> belongs to the value.</item>
    /// <item>The key ends at the first <c>=</c>; blanks (spaces, tabs) around the key and around the raw value are
    /// ignored, so <c>mqtt.port = 1883</c> works. The value then goes through the escapes of
    /// <see cref="ConfigValueEscaper"/>: <c>\\</c> <c>\n</c> <c>\r</c> <c>\t</c> <c>\xHH</c>, and <c>\s</c> for a
    /// space that must stay at either end. Every other character, <c>=</c> <c>#</c> <c>;</c> quotes and non-ASCII
    /// included, is literal.</item>
    /// <item>Keys the file does not mention keep their default (a file from an older firmware lacks newer keys).</item>
    /// <item>Read from bytes, a line holding a zero byte or bytes that are not UTF-8 is reported as damaged and not
    /// used (see <see cref="ConfigFileDecoder"/>); the other lines still load.</item>
    /// </list>
    /// <see cref="Write"/> writes every key, defaults included, in <see cref="ConfigSchema.Keys"/> order: the file
    /// shows the node's whole effective config, and a firmware update that changes a default does not silently change
    /// a node already set up. Secrets are written in clear: the node needs them.
    /// </summary>
    public static class ConfigFile
    {
        /// <summary>The comment lines at the top of a written file.</summary>
        public const string Header =
            "# Capteur node config: one key=value per line, '#' starts a comment line. Type 'help' on the console for the keys.\n"
            + "# Escapes in values: \\\\ \\n \\r \\t \\xHH, and \\s for a space at either end.\n";

        /// <summary>The whole file for <paramref name="config"/>: <see cref="Header"/>, then every key, groups separated by a blank line.</summary>
        public static string Write(NodeConfig config)
        {
            StringBuilder builder = new StringBuilder();
            builder.Append(Header);
            string group = null;
            ConfigKey[] keys = ConfigSchema.Keys;
            for (int i = 0; i < keys.Length; i++)
            {
                string name = keys[i].Name;
                string keyGroup = name.Substring(0, ConfigText.IndexOf(name, '.', 0));
                if (keyGroup != group)
                {
                    builder.Append('\n');
                    group = keyGroup;
                }

                builder.Append(name);
                builder.Append('=');
                builder.Append(ConfigValueEscaper.Escape(config.Get(name)));
                builder.Append('\n');
            }

            return builder.ToString();
        }

        /// <summary>
        /// Reads a file's text. Never stops at the first problem and never throws for bad content: every refused line
        /// is in <see cref="ConfigLoadResult.Errors"/>, and see <see cref="ConfigLoadResult"/> for what the config holds
        /// for the keys of those lines.
        /// </summary>
        public static ConfigLoadResult Parse(string text)
        {
            ArrayList lines = new ArrayList();
            int pos = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
            while (pos < text.Length)
            {
                ConfigFileLine line = new ConfigFileLine();
                int end = ConfigText.IndexOf(text, '\n', pos);
                line.Complete = end >= 0;
                end = end < 0 ? text.Length : end;
                line.Text = text.Substring(pos, end - pos);
                lines.Add(line);
                pos = end + 1;
            }

            return ParseLines(lines);
        }

        /// <summary>
        /// Reads a file's bytes (UTF-8, an optional byte order mark). As <see cref="Parse(string)"/>, and a line holding
        /// a zero byte or bytes that are not UTF-8 (a damaged flash) is reported as damaged, with its byte position.
        /// </summary>
        public static ConfigLoadResult Parse(byte[] data)
        {
            return ParseLines(ConfigFileDecoder.Split(data));
        }

        private static ConfigLoadResult ParseLines(ArrayList lines)
        {
            NodeConfig config = NodeConfig.CreateDefault();
            ArrayList errors = new ArrayList();
            int[] firstLine = new int[ConfigSchema.Keys.Length];
            for (int i = 0; i < lines.Count; i++)
            {
                ConfigFileLine line = (ConfigFileLine)lines[i];
                int number = i + 1;
                string message;
                if (line.BadByte > 0)
                {
                    message = Damaged(config, line, number);
                }
                else if (!line.Complete)
                {
                    message = Truncated(config, line.Text, number);
                }
                else
                {
                    string raw = line.Text;
                    int length = raw.Length > 0 && raw[raw.Length - 1] == '\r' ? raw.Length - 1 : raw.Length;
                    message = ParseLine(config, length == raw.Length ? raw : raw.Substring(0, length), number, firstLine);
                }

                if (message != null)
                {
                    errors.Add(new ConfigLoadError(number, message));
                }
            }

            ConfigLoadError[] list = new ConfigLoadError[errors.Count];
            for (int i = 0; i < list.Length; i++)
            {
                list[i] = (ConfigLoadError)errors[i];
            }

            return new ConfigLoadResult(config, list);
        }

        /// <summary>Applies one line; null when it was fine or a comment, else the message.</summary>
        private static string ParseLine(NodeConfig config, string raw, int line, int[] firstLine)
        {
            string trimmed = ConfigText.TrimBlanks(raw);
            if (trimmed.Length == 0 || trimmed[0] == '#')
            {
                return null;
            }

            int equals = ConfigText.IndexOf(trimmed, '=', 0);
            if (equals < 0)
            {
                return ConfigText.Quote(trimmed) + " is not key=value (write key=value, or start a comment line with #)";
            }

            string name = ConfigText.TrimBlanks(trimmed.Substring(0, equals));
            if (name.Length == 0)
            {
                return "no key before '=' (write key=value)";
            }

            int index = ConfigSchema.IndexOf(name);
            if (index < 0)
            {
                return ConfigSchema.UnknownKeyMessage(name);
            }

            ConfigKey key = ConfigSchema.Keys[index];
            if (firstLine[index] > 0)
            {
                // Neither line wins silently: the key is marked until the user sets it.
                config.MarkRejected(index, line);
                return key.Name + ": set again (first set on line " + firstLine[index].ToString()
                    + "; keep only one of the two lines)";
            }

            firstLine[index] = line;
            string value;
            int badAt;
            string escapeProblem = ConfigValueEscaper.Unescape(ConfigText.TrimBlanks(trimmed.Substring(equals + 1)), out value, out badAt);
            if (escapeProblem != null)
            {
                config.MarkRejected(index, line);
                return key.Name + ": bad escape at character " + badAt.ToString() + " of the value (" + escapeProblem
                    + "; use " + ConfigValueEscaper.EscapeList + ")";
            }

            string problem = config.TrySet(key.Name, value);
            if (problem != null)
            {
                config.MarkRejected(index, line);
            }

            return problem;
        }

        /// <summary>A last line without <c>\n</c>: its value is not used (it may be cut short), and its key, if known, is marked.</summary>
        private static string Truncated(NodeConfig config, string raw, int line)
        {
            string shown = raw;
            int equals = ConfigText.IndexOf(raw, '=', 0);
            if (equals >= 0)
            {
                int index = ConfigSchema.IndexOf(ConfigText.TrimBlanks(raw.Substring(0, equals)));
                if (index >= 0)
                {
                    config.MarkRejected(index, line);
                    if (ConfigSchema.Keys[index].Secret)
                    {
                        shown = raw.Substring(0, equals + 1) + NodeConfig.Mask;
                    }
                }
            }

            return "truncated line (no end of line): " + ConfigText.Quote(shown);
        }

        /// <summary>A line that is not text: nothing of it is used, and its key, if readable, is marked.</summary>
        private static string Damaged(NodeConfig config, ConfigFileLine raw, int line)
        {
            string what = "byte " + raw.BadByte.ToString() + " of the file is " + (raw.ZeroByte ? "a zero byte" : "not UTF-8 text");
            int index = ConfigSchema.IndexOf(ConfigText.TrimBlanks(raw.Text));
            if (index < 0)
            {
                return "damaged line (" + what + "; set the key of this line again)";
            }

            string name = ConfigSchema.Keys[index].Name;
            config.MarkRejected(index, line);
            return name + ": damaged line (" + what + "; set " + name + " again)";
        }
    }
}
