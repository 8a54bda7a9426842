using MQTTnet;

namespace Capteur.Broker.Security;

/// <summary>
/// Topic access control in mosquitto's acl_file syntax:
/// `topic [read|write|readwrite|deny] FILTER` lines apply to anonymous clients until the first `user NAME` line, then to that user;
/// `pattern [read|write|readwrite|deny] FILTER` lines apply to every client, with %u replaced by the user name and %c by the client id.
/// With an ACL file nothing is allowed unless a rule grants it, and a matching deny rule wins over any grant.
/// </summary>
public sealed class AclFile
{
    readonly List<AclRule> _anonymousRules = [];
    readonly Dictionary<string, List<AclRule>> _userRules = new(StringComparer.Ordinal);
    readonly List<AclRule> _patterns = [];

    /// <summary>Reads <paramref name="path"/>; see <see cref="Parse"/>.</summary>
    public static AclFile Load(string path) => Parse(File.ReadAllLines(path), path);

    /// <summary>Parses ACL lines; <paramref name="source"/> names the file in error messages.</summary>
    public static AclFile Parse(IEnumerable<string> lines, string source)
    {
        var acl = new AclFile();
        List<AclRule>? current = acl._anonymousRules;
        var number = 0;
        foreach (var raw in lines)
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var words = line.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var keyword = words[0];
            var rest = words.Length > 1 ? words[1] : "";
            switch (keyword)
            {
                case "user":
                    if (rest.Length == 0)
                    {
                        throw new BrokerConfigException($"{source}:{number}: 'user' needs a user name (user NAME)");
                    }

                    if (!acl._userRules.TryGetValue(rest, out current))
                    {
                        current = [];
                        acl._userRules[rest] = current;
                    }

                    break;
                case "topic":
                    current.Add(ParseRule(rest, false, source, number));
                    break;
                case "pattern":
                    acl._patterns.Add(ParseRule(rest, true, source, number));
                    break;
                default:
                    throw new BrokerConfigException($"{source}:{number}: unknown keyword '{keyword}' (use topic, user or pattern)");
            }
        }

        return acl;
    }

    static AclRule ParseRule(string rest, bool isPattern, string source, int number)
    {
        var words = rest.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var access = AclAccess.ReadWrite;
        var filter = rest;
        if (words.Length == 2)
        {
            access = words[0] switch
            {
                "read" => AclAccess.Read,
                "write" => AclAccess.Write,
                "readwrite" => AclAccess.ReadWrite,
                "deny" => AclAccess.Deny,
                _ => throw new BrokerConfigException($"{source}:{number}: '{words[0]}' is not an access (use read, write, readwrite or deny)"),
            };
            filter = words[1];
        }

        if (filter.Length == 0)
        {
            throw new BrokerConfigException($"{source}:{number}: missing topic filter (e.g. topic read sensors/#)");
        }

        return new AclRule(access, filter, isPattern);
    }

    /// <summary>True when the client may use <paramref name="topic"/> with <paramref name="wanted"/> (Read or Write).</summary>
    public bool IsAllowed(string? userName, string clientId, string topic, AclAccess wanted)
    {
        var granted = false;
        var rules = userName == null ? _anonymousRules : _userRules.GetValueOrDefault(userName);
        if (rules != null)
        {
            foreach (var rule in rules)
            {
                if (!Matches(topic, rule.TopicFilter))
                {
                    continue;
                }

                if (rule.Access == AclAccess.Deny)
                {
                    return false;
                }

                granted |= (rule.Access & wanted) == wanted;
            }
        }

        foreach (var rule in _patterns)
        {
            var filter = Substitute(rule.TopicFilter, userName, clientId);
            if (filter == null || !Matches(topic, filter))
            {
                continue;
            }

            if (rule.Access == AclAccess.Deny)
            {
                return false;
            }

            granted |= (rule.Access & wanted) == wanted;
        }

        return granted;
    }

    // mosquitto refuses to substitute identities holding wildcards or '/', which would widen the rule to other clients' topics.
    static string? Substitute(string filter, string? userName, string clientId)
    {
        if (filter.Contains("%u"))
        {
            if (userName == null || !IsSafeLevel(userName))
            {
                return null;
            }

            filter = filter.Replace("%u", userName, StringComparison.Ordinal);
        }

        if (filter.Contains("%c"))
        {
            if (!IsSafeLevel(clientId))
            {
                return null;
            }

            filter = filter.Replace("%c", clientId, StringComparison.Ordinal);
        }

        return filter;
    }

    static bool IsSafeLevel(string value) => value.Length > 0 && value.IndexOfAny(['+', '#', '/']) < 0;

    static bool Matches(string topic, string filter) => MqttTopicFilterComparer.Compare(topic, filter) == MqttTopicFilterCompareResult.IsMatch;
}
