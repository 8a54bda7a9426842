using Capteur.Node.Config;
using Capteur.Node.Shell;

namespace Capteur.Node.Tests.Support
{
    /// <summary>
    /// A shell over a node whose flash holds a valid config: wifi.ssid=home, wifi.password=secret123,
    /// mqtt.host=broker.lan, every other key at its default.
    /// </summary>
    public sealed class ShellRig
    {
        /// <summary>The Wi-Fi password on flash; no output may contain it.</summary>
        public const string WifiPassword = "secret123";

        /// <summary>The node's flash.</summary>
        public readonly MemoryStorage Storage = new MemoryStorage();

        /// <summary>The node behind the console.</summary>
        public readonly FakeShellHost Host = new FakeShellHost();

        /// <summary>The shell under test.</summary>
        public readonly ShellInterpreter Shell;

        /// <summary>Writes the config to flash and opens a shell on what loads back.</summary>
        public ShellRig()
        {
            NodeConfig config = NodeConfig.CreateDefault();
            config.TrySet("wifi.ssid", "home");
            config.TrySet("wifi.password", WifiPassword);
            config.TrySet("mqtt.host", "broker.lan");
            ConfigStore.Save(Storage, config);
            Shell = new ShellInterpreter(ConfigStore.Load(Storage).Config, Storage, Host);
        }

        /// <summary>Runs <paramref name="line"/>; the output lines joined by <c>\n</c>.</summary>
        public string Run(string line)
        {
            return Join(Shell.Execute(line));
        }

        /// <summary>The lines joined by <c>\n</c> (nanoFramework has no string.Join).</summary>
        public static string Join(string[] lines)
        {
            string text = "";
            for (int i = 0; i < lines.Length; i++)
            {
                text += (i == 0 ? "" : "\n") + lines[i];
            }

            return text;
        }

        /// <summary>The first line starting with <paramref name="prefix"/>, or null.</summary>
        public static string LineStarting(string[] lines, string prefix)
        {
            for (int i = 0; i < lines.Length; i++)
            {
                if (lines[i].Length >= prefix.Length && lines[i].Substring(0, prefix.Length) == prefix)
                {
                    return lines[i];
                }
            }

            return null;
        }

        /// <summary>True when <paramref name="text"/> contains <paramref name="part"/> (ordinal).</summary>
        public static bool Contains(string text, string part)
        {
            for (int i = 0; i + part.Length <= text.Length; i++)
            {
                if (text.Substring(i, part.Length) == part)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
