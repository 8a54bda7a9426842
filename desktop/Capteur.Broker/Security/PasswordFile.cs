using System.Text;

namespace Capteur.Broker.Security;

/// <summary>
/// The broker password file: one `user:$pbkdf2-sha256$...` line per user (mosquitto_passwd layout, Capteur hash scheme);
/// blank lines and lines starting with '#' are ignored.
/// </summary>
public sealed class PasswordFile
{
    readonly Dictionary<string, string> _hashes;

    PasswordFile(Dictionary<string, string> hashes) => _hashes = hashes;

    /// <summary>Users in the file.</summary>
    public IReadOnlyCollection<string> Users => _hashes.Keys;

    /// <summary>Reads <paramref name="path"/>; throws <see cref="BrokerConfigException"/> naming the line for a malformed entry.</summary>
    public static PasswordFile Load(string path)
    {
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var colon = line.IndexOf(':');
            if (colon <= 0 || !PasswordHasher.TryParse(line.Substring(colon + 1), out _, out _, out _))
            {
                throw new BrokerConfigException($"{path}:{i + 1}: expected 'user:$pbkdf2-sha256$...' (create entries with: capteur broker passwd {path} USER)");
            }

            hashes[line.Substring(0, colon)] = line.Substring(colon + 1);
        }

        return new PasswordFile(hashes);
    }

    /// <summary>True when <paramref name="user"/> exists and <paramref name="password"/> matches its hash.</summary>
    public bool Verify(string user, string password) => _hashes.TryGetValue(user, out var hash) && PasswordHasher.Verify(password, hash);

    /// <summary>Adds or replaces <paramref name="user"/> in the file at <paramref name="path"/> (created if missing), keeping other lines.</summary>
    public static void SetPassword(string path, string user, string password, int iterations = PasswordHasher.DefaultIterations)
    {
        CheckUserName(user);
        var kept = new List<string>();
        if (File.Exists(path))
        {
            kept.AddRange(File.ReadAllLines(path).Where(l => !l.StartsWith(user + ":", StringComparison.Ordinal)));
        }

        kept.Add(user + ":" + PasswordHasher.Hash(password, iterations));
        WriteAtomically(path, kept);
    }

    /// <summary>Removes <paramref name="user"/>; false when the user was not in the file.</summary>
    public static bool Delete(string path, string user)
    {
        var lines = File.ReadAllLines(path);
        var kept = lines.Where(l => !l.StartsWith(user + ":", StringComparison.Ordinal)).ToList();
        if (kept.Count == lines.Length)
        {
            return false;
        }

        WriteAtomically(path, kept);
        return true;
    }

    /// <summary>Rejects names the file format or MQTT cannot carry.</summary>
    public static void CheckUserName(string user)
    {
        if (user.Length == 0 || user.Contains(':') || user.Any(char.IsControl) || user.StartsWith('#'))
        {
            throw new BrokerConfigException($"user: '{user}' is not a valid user name (non-empty, no ':', no control characters, not starting with '#')");
        }
    }

    static void WriteAtomically(string path, List<string> lines)
    {
        var temp = path + ".tmp";
        File.WriteAllText(temp, string.Join('\n', lines) + "\n", new UTF8Encoding(false));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.Move(temp, path, overwrite: true);
    }
}
