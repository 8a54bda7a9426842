using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Capteur.Firmware.Tests.Support;

/// <summary>
/// The nanoFramework toolchain and the firmware built with it, once per test run: <c>CAPTEUR_FIRMWARE_EXE</c> when
/// tests/run already built it, else <c>nf-compile -t exe</c> of firmware/ and shared/ into a temp folder (with the
/// metadata check of tests/nanoframework/nf-precise.sh when nf-compile's byte scan reports a false NF0001, as tests/run
/// does). A missing toolchain fails every test with what to set: these tests are only run where it exists.
/// </summary>
internal static class FirmwareBuild
{
    private static readonly Lazy<string> Exe = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The repository root (from this file's path at compile time, or <c>CAPTEUR_ROOT</c>).</summary>
    public static string RepoRoot { get; } = Environment.GetEnvironmentVariable("CAPTEUR_ROOT") ?? FindRoot();

    /// <summary>The toolchain folder: <c>CAPTEUR_NANOFRAMEWORK</c>, else ../shared/nanoframework beside the checkout.</summary>
    public static string Toolchain
    {
        get
        {
            string folder = Environment.GetEnvironmentVariable("CAPTEUR_NANOFRAMEWORK") ?? Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "nanoframework"));
            if (!File.Exists(Path.Combine(folder, "bin", "nf-compile")) || !File.Exists(Path.Combine(folder, "bin", "nf-run")))
            {
                throw new InvalidOperationException($"no nanoFramework toolchain at {folder} (bin/nf-compile and bin/nf-run): set CAPTEUR_NANOFRAMEWORK "
                    + "to the folder of the toolchain built from source; these tests run the firmware on its virtual ESP32 and cannot be skipped");
            }

            return folder;
        }
    }

    /// <summary>The firmware executable (Capteur.Firmware.exe), built on first use.</summary>
    public static string FirmwareExe => Exe.Value;

    private static string Build()
    {
        string? prebuilt = Environment.GetEnvironmentVariable("CAPTEUR_FIRMWARE_EXE");
        if (!string.IsNullOrEmpty(prebuilt))
        {
            if (!File.Exists(prebuilt))
            {
                throw new InvalidOperationException($"CAPTEUR_FIRMWARE_EXE={prebuilt}: no such file");
            }

            return prebuilt;
        }

        string toolchain = Toolchain;
        string output = Path.Combine(Directory.CreateTempSubdirectory("capteur-firmware-").FullName, "Capteur.Firmware.exe");
        // The same selection and fallback as tests/run's firmware step.
        string script = """
            set -uo pipefail
            nf=$1; out=$2; cd "$3"
            mapfile -t src < <( (find firmware -name '*.cs' -not -path '*/bin/*' -not -path '*/obj/*' -not -path '*/samples/*'; find shared -name '*.cs' -not -path '*/bin/*' -not -path '*/obj/*') | sort)
            log=$(mktemp); rc=0
            "$nf/bin/nf-compile" -t exe -o "$out" "${src[@]}" > "$log" 2>&1 || rc=$?
            cat "$log"
            if [ $rc -ne 0 ] && grep -q 'error NF0001' "$log" && [ "$(grep -c ': error ' "$log")" = "$(grep -c 'error NF0001' "$log")" ]; then
              source "$nf/tools/nf-common.sh"; source tests/nanoframework/nf-precise.sh
              nfm_compile exe "$out" 0 "${src[@]}" && rc=0
            fi
            rm -f "$log"; exit $rc
            """;
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in new[] { "-c", script, "nf-build", toolchain, output, RepoRoot })
        {
            info.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(info)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0 || !File.Exists(output))
        {
            throw new InvalidOperationException($"the firmware does not compile with nf-compile (exit {process.ExitCode}):\n{stdout.Result}{stderr.Result}");
        }

        return output;
    }

    private static string FindRoot([CallerFilePath] string thisFile = "")
    {
        // tests/firmware/Support/FirmwareBuild.cs
        return Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", ".."));
    }
}
