using System.Security.Cryptography;
using System.Text;

namespace Capteur.Broker.Security;

/// <summary>
/// Salted slow password hashes: PBKDF2-HMAC-SHA256, 16-byte random salt, 32-byte key, written as
/// `$pbkdf2-sha256$ITERATIONS$SALT_BASE64$HASH_BASE64`.
/// </summary>
public static class PasswordHasher
{
    /// <summary>OWASP Password Storage Cheat Sheet (2023) figure for PBKDF2-HMAC-SHA256.</summary>
    public const int DefaultIterations = 600_000;

    const string Scheme = "$pbkdf2-sha256$";
    const int SaltBytes = 16;
    const int KeyBytes = 32;

    /// <summary>Hashes <paramref name="password"/> with a fresh random salt.</summary>
    public static string Hash(string password, int iterations = DefaultIterations)
    {
        if (iterations < 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(iterations), $"iterations: {iterations} is too low (at least 1000, default {DefaultIterations})");
        }

        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var key = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, KeyBytes);
        return $"{Scheme}{iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(key)}";
    }

    /// <summary>True when <paramref name="encoded"/> is a hash of <paramref name="password"/> (constant-time comparison).</summary>
    public static bool Verify(string password, string encoded)
    {
        if (!TryParse(encoded, out var iterations, out var salt, out var expected))
        {
            return false;
        }

        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    /// <summary>Splits a stored hash into its parts; false when it is not in this class's format.</summary>
    public static bool TryParse(string encoded, out int iterations, out byte[] salt, out byte[] key)
    {
        iterations = 0;
        salt = [];
        key = [];
        if (!encoded.StartsWith(Scheme, StringComparison.Ordinal))
        {
            return false;
        }

        var parts = encoded.Substring(Scheme.Length).Split('$');
        if (parts.Length != 3 || !int.TryParse(parts[0], out iterations) || iterations < 1)
        {
            return false;
        }

        try
        {
            salt = Convert.FromBase64String(parts[1]);
            key = Convert.FromBase64String(parts[2]);
        }
        catch (FormatException)
        {
            return false;
        }

        return salt.Length > 0 && key.Length > 0;
    }
}
