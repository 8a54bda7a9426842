using System.Diagnostics;
using System.Text.Json;

namespace Capteur.Interop.Tests.Peers;

/// <summary>Versions as the installed peers report them (the rows of the matrix are never typed by hand).</summary>
internal static class InstalledVersion
{
    /// <summary>The Debian package's version (<c>dpkg-query</c>), or null when it is not installed.</summary>
    public static string? Debian(string package)
    {
        string? output = Output("dpkg-query", "-W", "-f=${Status}|${Version}", package);
        return output is not null && output.StartsWith("install ok installed|", StringComparison.Ordinal) ? output.Split('|')[1].Trim() : null;
    }

    /// <summary>The <c>version</c> field of an npm package installed in tests/interop/node_modules, or null.</summary>
    public static string? Npm(string package)
    {
        string file = Path.Combine(PeerPaths.InteropFolder(), "node_modules", package, "package.json");
        if (!File.Exists(file))
        {
            return null;
        }

        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(file));
        return json.RootElement.GetProperty("version").GetString();
    }

    /// <summary>stdout + stderr of <c>file args</c>, or null when it cannot be started or does not finish within 10 s.</summary>
    public static string? Output(string file, params string[] args)
    {
        try
        {
            var info = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            using Process process = Process.Start(info)!;
            Task<string> stdout = process.StandardOutput.ReadToEndAsync();
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(10_000))
            {
                process.Kill();
                return null;
            }

            return stdout.Result + stderr.Result;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
