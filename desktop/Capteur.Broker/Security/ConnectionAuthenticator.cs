using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Capteur.Broker.Security;

/// <summary>
/// Decides whether a CONNECT may go on, mosquitto 2 style: anonymous clients (no user name) only when allowed; with a password file
/// every user name must be in it with the right password; without one, a user name is taken as given only where anonymous clients are
/// allowed. Password checks are PBKDF2 (slow on purpose), so at most max-concurrent-password-checks run at once and a user's last good
/// password is remembered (as a SHA-256 under a per-process random key) to keep reconnect storms cheap.
/// </summary>
internal sealed class ConnectionAuthenticator(BrokerOptions options, PasswordFile? passwords)
{
    readonly SemaphoreSlim _checks = new(options.MaxConcurrentPasswordChecks);
    readonly ConcurrentDictionary<string, byte[]> _verified = new(StringComparer.Ordinal);
    readonly byte[] _cacheKey = RandomNumberGenerator.GetBytes(32);

    /// <summary>Null when the client may connect, else the reason (for the log line).</summary>
    public async Task<string?> CheckAsync(string? userName, string? password, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(userName))
        {
            return options.AnonymousAllowed
                ? null
                : $"anonymous clients are refused on {options.Bind} (give a user name from the password file, or start the broker with --anonymous)";
        }

        if (passwords == null)
        {
            return options.AnonymousAllowed
                ? null
                : $"user '{userName}' refused: no password file (start the broker with --passwd FILE, or --anonymous)";
        }

        var fingerprint = HMACSHA256.HashData(_cacheKey, Encoding.UTF8.GetBytes(password ?? ""));
        if (_verified.TryGetValue(userName, out var known) && CryptographicOperations.FixedTimeEquals(known, fingerprint))
        {
            return null;
        }

        await _checks.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!passwords.Verify(userName, password ?? ""))
            {
                return $"user '{userName}' refused: unknown user or wrong password";
            }
        }
        finally
        {
            _checks.Release();
        }

        _verified[userName] = fingerprint;
        return null;
    }
}
