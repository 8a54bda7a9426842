using Microsoft.Playwright;

namespace Capteur.Dashboard.Tests.Support;

/// <summary>
/// Debian's Chromium driven by Playwright's bundled driver: no browser is ever downloaded (`playwright install` cannot
/// reach its servers here). A missing Chromium fails the test with the command that installs it.
/// </summary>
internal static class Chromium
{
    /// <summary>Where Debian's package puts it.</summary>
    public const string ExecutablePath = "/usr/bin/chromium";

    /// <summary>
    /// Headless, without a sandbox (root in a container), and without the background traffic (component updates,
    /// sync, safe browsing lists) that would otherwise hammer a closed network.
    /// </summary>
    public static readonly string[] Arguments =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    /// <summary>
    /// Starts Chromium with a fresh profile in <paramref name="profile"/>, one desktop-sized page; with <paramref name="login"/>,
    /// it answers HTTP Basic challenges with it (as a user would type it in the browser's prompt).
    /// </summary>
    public static async Task<IBrowserContext> LaunchAsync(IPlaywright playwright, string profile, HttpCredentials? login = null)
    {
        if (!File.Exists(ExecutablePath))
        {
            Assert.Fail($"Chromium is missing at {ExecutablePath}: install it with `apt-get install chromium` (bash .ci/install does); this test drives the system browser and never downloads one.");
        }

        return await playwright.Chromium.LaunchPersistentContextAsync(profile, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = Arguments,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Locale = "en-US",
            TimezoneId = "UTC",
            HttpCredentials = login,
        });
    }
}
