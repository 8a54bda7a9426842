using Capteur.Broker.Security;

namespace Capteur.Broker.Tests;

[TestClass]
public sealed class AclFileTests
{
    static readonly AclFile Acl = AclFile.Parse(
    [
        "topic read public/#",
        "",
        "user alice",
        "topic readwrite home/#",
        "topic deny home/secret",
        "user bob",
        "topic write sensors/bob/+",
        "pattern read devices/%u/#",
        "pattern readwrite clients/%c/#",
    ], "acl");

    [TestMethod]
    [DataRow(null, "anon", "public/news", AclAccess.Read, true)]
    [DataRow(null, "anon", "public/news", AclAccess.Write, false)]
    [DataRow("alice", "a1", "home/kitchen", AclAccess.Write, true)]
    [DataRow("alice", "a1", "home/secret", AclAccess.Read, false)]
    [DataRow("alice", "a1", "public/news", AclAccess.Read, false)]
    [DataRow("bob", "b1", "sensors/bob/t", AclAccess.Write, true)]
    [DataRow("bob", "b1", "sensors/bob/t", AclAccess.Read, false)]
    [DataRow("bob", "b1", "devices/bob/x", AclAccess.Read, true)]
    [DataRow("bob", "b1", "devices/alice/x", AclAccess.Read, false)]
    [DataRow("bob", "b1", "clients/b1/status", AclAccess.Write, true)]
    [DataRow(null, "anon", "devices/x/y", AclAccess.Read, false)]
    [DataRow("bob", "evil/#", "clients/evil/a", AclAccess.Write, false)]
    public void Rules_grant_and_deny_as_mosquitto_does(string? user, string clientId, string topic, AclAccess wanted, bool allowed)
    {
        Assert.AreEqual(allowed, Acl.IsAllowed(user, clientId, topic, wanted));
    }

    [TestMethod]
    public void Unknown_access_word_is_reported_with_its_line()
    {
        var error = Assert.ThrowsExactly<BrokerConfigException>(() => AclFile.Parse(["user a", "topic readonly x/#"], "acl.conf"));
        Assert.AreEqual("acl.conf:2: 'readonly' is not an access (use read, write, readwrite or deny)", error.Message);
    }

    [TestMethod]
    public void Unknown_keyword_is_reported_with_its_line()
    {
        var error = Assert.ThrowsExactly<BrokerConfigException>(() => AclFile.Parse(["group admins"], "acl.conf"));
        Assert.AreEqual("acl.conf:1: unknown keyword 'group' (use topic, user or pattern)", error.Message);
    }
}
