using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Capteur.Dashboard.Tests.Support;

namespace Capteur.Dashboard.Tests;

/// <summary>
/// The dashboard's login (<see cref="DashboardOptions.Authorize"/>): every request needs HTTP Basic credentials that the
/// check accepts; a wrong or missing login gets 401 with a Basic challenge, a right one the check forbids gets 403.
/// </summary>
[TestClass]
public sealed class DashboardLoginTests
{
    private static ClassBroker _broker = null!;

    [ClassInitialize]
    public static void StartBroker(TestContext context) => _broker = ClassBroker.Start("capteur-dashboard-login-");

    [ClassCleanup]
    public static void StopBroker() => _broker?.Dispose();

    [TestMethod]
    [DataRow("/")]
    [DataRow("/app.js")]
    [DataRow("/api/fleet")]
    [DataRow("/api/history?series=maison/salon/temperature&since=1h")]
    [DataRow("/api/events")]
    public async Task Without_a_login_every_path_answers_401_with_a_basic_challenge_and_says_what_to_give(string path)
    {
        await using DashboardFixture dashboard = await DashboardFixture.StartAsync(_broker.Port, configure: o => o.Authorize = Accounts);
        using HttpResponseMessage response = await dashboard.Http.GetAsync(path.TrimStart('/'));
        Assert.AreEqual(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.AreEqual("Basic realm=\"capteur dashboard\", charset=\"UTF-8\"", response.Headers.WwwAuthenticate.ToString());
        Assert.AreEqual("dashboard: log in with a user of the broker's password file\n", await response.Content.ReadAsStringAsync());
    }

    [TestMethod]
    public async Task A_wrong_password_gets_401_again_and_a_forbidden_user_403_with_the_reason()
    {
        await using DashboardFixture dashboard = await DashboardFixture.StartAsync(_broker.Port, configure: o => o.Authorize = Accounts);
        using HttpResponseMessage wrong = await Get(dashboard, "api/fleet", "admin", "guess");
        Assert.AreEqual(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.AreEqual("wrong password for admin\n", await wrong.Content.ReadAsStringAsync());
        using HttpResponseMessage forbidden = await Get(dashboard, "api/fleet", "salon", "s3cret");
        Assert.AreEqual(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.AreEqual(0, forbidden.Headers.WwwAuthenticate.Count, "no new login prompt for a right login");
        Assert.AreEqual("salon may not read every topic\n", await forbidden.Content.ReadAsStringAsync());
    }

    [TestMethod]
    public async Task The_right_login_reads_the_page_the_api_and_the_event_stream()
    {
        await using DashboardFixture dashboard = await DashboardFixture.StartAsync(_broker.Port, configure: o => o.Authorize = Accounts);
        using HttpResponseMessage page = await Get(dashboard, "", "admin", "pa:ss wörd");
        Assert.AreEqual(HttpStatusCode.OK, page.StatusCode);
        StringAssert.Contains(await page.Content.ReadAsStringAsync(), "<title>");
        using HttpResponseMessage fleet = await Get(dashboard, "api/fleet", "admin", "pa:ss wörd");
        Assert.AreEqual(HttpStatusCode.OK, fleet.StatusCode);
        using var events = new HttpRequestMessage(HttpMethod.Get, "api/events");
        events.Headers.Authorization = Basic("admin", "pa:ss wörd");
        using HttpResponseMessage stream = await dashboard.Http.SendAsync(events, HttpCompletionOption.ResponseHeadersRead);
        Assert.AreEqual(HttpStatusCode.OK, stream.StatusCode);
        Assert.AreEqual("text/event-stream", stream.Content.Headers.ContentType?.MediaType);
    }

    [TestMethod]
    [DataRow("Basic YWRtaW46cGE6c3Mgd8O2cmQ=", "admin", "pa:ss wörd")] // the password keeps its colon and its UTF-8
    [DataRow("basic YWRtaW46", "admin", "")]
    public void Basic_credentials_are_read_from_the_header(string header, string user, string password)
        => Assert.AreEqual((user, password), DashboardHost.BasicCredentials(header));

    [TestMethod]
    [DataRow("")]
    [DataRow("Bearer abc")]
    [DataRow("Basic not-base64!")]
    [DataRow("Basic OnNlY3JldA==")] // ":secret": no user name
    [DataRow("Basic YWRtaW4=")] // "admin": no colon
    [DataRow("Basic //79")] // not UTF-8
    public void A_malformed_authorization_header_is_no_login(string header)
        => Assert.IsNull(DashboardHost.BasicCredentials(header));

    private static Task<DashboardAccess> Accounts(string user, string password, CancellationToken cancellationToken) => Task.FromResult(
        (user, password) switch
        {
            ("admin", "pa:ss wörd") => DashboardAccess.Allow,
            ("salon", "s3cret") => DashboardAccess.Forbidden("salon may not read every topic"),
            _ => DashboardAccess.WrongLogin($"wrong password for {user}"),
        });

    private static AuthenticationHeaderValue Basic(string user, string password)
        => new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password)));

    private static Task<HttpResponseMessage> Get(DashboardFixture dashboard, string path, string user, string password)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = Basic(user, password);
        return dashboard.Http.SendAsync(request);
    }
}
