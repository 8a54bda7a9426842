using Capteur.Broker.Security;

namespace Capteur.Broker.Tests;

[TestClass]
public sealed class PasswordHasherTests
{
    [TestMethod]
    public void Hash_has_the_documented_format_and_verifies_only_the_right_password()
    {
        var hash = PasswordHasher.Hash("correct horse", 1000);
        var parts = hash.Split('$');
        Assert.AreEqual("pbkdf2-sha256", parts[1]);
        Assert.AreEqual("1000", parts[2]);
        Assert.AreEqual(16, Convert.FromBase64String(parts[3]).Length);
        Assert.AreEqual(32, Convert.FromBase64String(parts[4]).Length);
        Assert.IsTrue(PasswordHasher.Verify("correct horse", hash));
        Assert.IsFalse(PasswordHasher.Verify("correct horse ", hash));
    }

    [TestMethod]
    public void Same_password_gets_a_different_salt_each_time()
    {
        Assert.AreNotEqual(PasswordHasher.Hash("pw", 1000), PasswordHasher.Hash("pw", 1000));
    }

    [TestMethod]
    public void Known_vector_verifies()
    {
        // RFC 7914 §11 PBKDF2-HMAC-SHA256 test vector: P="passwd", S="salt", c=1, dkLen=64 (first 32 bytes used here).
        var key = Convert.FromHexString("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc");
        var encoded = $"$pbkdf2-sha256$1${Convert.ToBase64String("salt"u8.ToArray())}${Convert.ToBase64String(key)}";
        Assert.IsTrue(PasswordHasher.Verify("passwd", encoded));
    }

    [TestMethod]
    public void Password_file_reports_the_line_of_a_malformed_entry()
    {
        var path = Path.GetTempFileName();
        File.WriteAllLines(path, ["# users", "alice:$pbkdf2-sha256$1000$AAAA$AAAA", "bob:plaintext"]);
        var error = Assert.ThrowsExactly<BrokerConfigException>(() => PasswordFile.Load(path));
        Assert.AreEqual($"{path}:3: expected 'user:$pbkdf2-sha256$...' (create entries with: capteur broker passwd {path} USER)", error.Message);
        File.Delete(path);
    }

    [TestMethod]
    public void Setting_a_password_twice_replaces_the_users_line_and_keeps_others()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"));
        PasswordFile.SetPassword(path, "alice", "one", 1000);
        PasswordFile.SetPassword(path, "bob", "two", 1000);
        PasswordFile.SetPassword(path, "alice", "three", 1000);
        var file = PasswordFile.Load(path);
        Assert.AreEqual(2, file.Users.Count);
        Assert.IsTrue(file.Verify("alice", "three"));
        Assert.IsFalse(file.Verify("alice", "one"));
        Assert.IsTrue(file.Verify("bob", "two"));
        Assert.IsTrue(PasswordFile.Delete(path, "bob"));
        Assert.IsFalse(PasswordFile.Load(path).Verify("bob", "two"));
        File.Delete(path);
    }
}
