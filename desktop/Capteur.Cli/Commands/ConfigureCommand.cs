using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Capteur.Cli.Serial;

namespace Capteur.Cli.Commands;

/// <summary>
/// `capteur configure PORT --set KEY=VALUE ...`: sets keys on a board (or a virtual node) through its serial console
/// in json mode, checks every answer, saves, and reads each key back. Any refusal stops it before the save (the
/// node's saved config is untouched and its unsaved changes are discarded) and reaches stderr in the node's own
/// words. Secrets are never printed (they read back as ****). Exit codes: 0 saved and verified, 1 the node refused
/// something, 2 a usage error, 3 the console did not answer or went away.
/// </summary>
public static class ConfigureCommand
{
    private static readonly string[] SecretKeys = ["wifi.password", "mqtt.password"];

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var port = new Argument<string>("PORT") { Description = "Serial port of the board's console (e.g. /dev/ttyUSB0, COM3) or a virtual node's pty path" };
        var set = new Option<string[]>("--set", "-s") { Description = "KEY=VALUE to set (repeatable; the keys of the serial console, e.g. wifi.ssid, mqtt.host)", Required = true };
        var baud = new Option<int>("--baud") { Description = "Baud rate", DefaultValueFactory = _ => 115200 };
        var timeout = new Option<double>("--timeout") { Description = "Seconds to wait for each answer of the console", DefaultValueFactory = _ => 5 };
        var command = new Command("configure", "Set config keys on a board through its serial console, save, and verify them by reading them back.")
        {
            port, set, baud, timeout,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            string portName = result.GetValue(port)!;
            List<KeyValuePair<string, string>> settings;
            try
            {
                settings = Settings(result.GetValue(set) ?? []);
                if (result.GetValue(timeout) is not (> 0 and <= 3600))
                {
                    throw new ArgumentException($"--timeout: {result.GetValue(timeout).ToString(CultureInfo.InvariantCulture)} is out of range (more than 0, at most 3600 seconds)");
                }
            }
            catch (ArgumentException e)
            {
                await Console.Error.WriteLineAsync($"capteur configure: {e.Message}");
                return 2;
            }

            return await Task.Run(() => Configure(portName, result.GetValue(baud), TimeSpan.FromSeconds(result.GetValue(timeout)), settings), CancellationToken.None);
        });
        return command;
    }

    /// <summary>True for the keys whose value is never printed.</summary>
    public static bool IsSecret(string key) => SecretKeys.Contains(key.Trim(), StringComparer.OrdinalIgnoreCase);

    private static List<KeyValuePair<string, string>> Settings(string[] texts)
    {
        var settings = new List<KeyValuePair<string, string>>();
        foreach (string text in texts)
        {
            KeyValuePair<string, string> setting = CliValues.Setting(text);
            string key = setting.Key.Trim();
            if (key.Any(char.IsWhiteSpace) || key.Contains('"') || key.Contains('\'') || key.Contains(';'))
            {
                throw new ArgumentException($"--set: \"{key}\" is not a config key (type help at the console for the keys)");
            }

            // a console line cannot carry them: the node's line editor refuses control characters
            if (setting.Value.Any(char.IsControl))
            {
                throw new ArgumentException($"--set {key}: the value holds a control character (tab, line end, ...), which a console line cannot carry; set it in the config file instead");
            }

            settings.Add(new(key, setting.Value));
        }

        return settings;
    }

    private static int Configure(string portName, int baud, TimeSpan timeout, List<KeyValuePair<string, string>> settings)
    {
        SerialConnection connection;
        try
        {
            connection = SerialConnection.Open(portName, baud);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"capteur configure: {e.Message}");
            return 2;
        }

        using (connection)
        using (var reader = new ConsoleLineReader(connection.Stream))
        {
            if (connection.FallbackReason is not null)
            {
                Console.Error.WriteLine($"capteur configure: {connection.FallbackReason}");
            }

            var console = new JsonConsoleClient(connection.Stream, reader, portName, timeout);
            try
            {
                console.EnterJsonMode();
                int code = SetSaveVerify(console, settings);
                console.LeaveJsonMode();
                return code;
            }
            catch (ConsoleException e)
            {
                Console.Error.WriteLine($"capteur configure: {e.Message}");
                return 3;
            }
        }
    }

    private static int SetSaveVerify(JsonConsoleClient console, List<KeyValuePair<string, string>> settings)
    {
        JsonElement discarded = console.Run("discard");
        if (Strings(discarded, "discarded") is { Length: > 0 } dropped)
        {
            Console.Error.WriteLine($"capteur configure: discarded changes left unsaved at the console: {string.Join(", ", dropped)}");
        }

        // what each key reads as once set: the node's canonical form (mqtt.port=01883 reads 1883), **** for a secret
        var expected = new List<(string Key, string Value)>();
        foreach ((string key, string value) in settings)
        {
            JsonElement answer = console.Run("set " + key + " " + JsonConsoleClient.Quote(value));
            if (!IsOk(answer))
            {
                return Refused(console, answer, "nothing was saved (the node's saved config is unchanged)");
            }

            string name = Text(answer, "key") ?? key;
            expected.RemoveAll(e => e.Key == name);
            expected.Add((name, Text(answer, "value") ?? ""));
        }

        JsonElement saved = console.Run("save");
        if (!IsOk(saved))
        {
            return Refused(console, saved, "nothing was saved (the node's saved config is unchanged)");
        }

        var mismatches = new List<string>();
        foreach ((string key, string value) in expected)
        {
            JsonElement answer = console.Run("get " + key);
            string? read = Text(answer, "value");
            bool isSaved = answer.TryGetProperty("saved", out JsonElement s) && s.ValueKind == JsonValueKind.True;
            if (!IsOk(answer) || read != value || !isSaved)
            {
                mismatches.Add(IsOk(answer)
                    ? $"{key} reads back as {Shown(key, read)}{(isSaved ? "" : " (not saved)")}, not {Shown(key, value)}"
                    : $"get {key}: {Text(answer, "error")}");
            }
            else
            {
                Console.WriteLine(IsSecret(key) ? $"{key}={value} (secret: set, not shown)" : $"{key}={value}");
            }
        }

        if (mismatches.Count > 0)
        {
            foreach (string mismatch in mismatches)
            {
                Console.Error.WriteLine($"capteur configure: saved, but {mismatch}");
            }

            return 1;
        }

        string[] changed = Strings(saved, "changed");
        Console.WriteLine(changed.Length == 0
            ? "saved (no key changed)"
            : $"saved (changed: {string.Join(", ", changed)}); the node restarts on the new config");
        return 0;
    }

    /// <summary>Reports a refusal in the node's words, then discards the unsaved changes so none is saved later by accident.</summary>
    private static int Refused(JsonConsoleClient console, JsonElement answer, string outcome)
    {
        Console.Error.WriteLine($"capteur configure: {Text(answer, "error")}");
        foreach (string problem in Strings(answer, "problems"))
        {
            Console.Error.WriteLine($"  {problem}");
        }

        Console.Error.WriteLine($"capteur configure: {outcome}");
        console.Run("discard");
        return 1;
    }

    private static bool IsOk(JsonElement answer) => answer.TryGetProperty("ok", out JsonElement ok) && ok.ValueKind == JsonValueKind.True;

    private static string? Text(JsonElement answer, string name) =>
        answer.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string[] Strings(JsonElement answer, string name) =>
        answer.TryGetProperty(name, out JsonElement array) && array.ValueKind == JsonValueKind.Array
            ? [.. array.EnumerateArray().Select(e => e.GetString() ?? "")]
            : [];

    private static string Shown(string key, string? value) => value is null ? "nothing" : IsSecret(key) && value.Length > 0 && value != "****" ? "(a secret)" : $"\"{value}\"";
}
