using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace Capteur.Broker.Tests.Support;

/// <summary>`capteur broker` as a real child process (`dotnet capteur.dll broker ...`), for kill -9 and start-up line tests.</summary>
internal sealed partial class BrokerProcess : IDisposable
{
    readonly Process _process;

    BrokerProcess(Process process, LineLog output)
    {
        _process = process;
        Output = output;
    }

    public LineLog Output { get; }

    public int Pid => _process.Id;

    public int Port { get; private set; }

    public bool HasExited => _process.HasExited;

    public static string CapteurDll => Path.Combine(AppContext.BaseDirectory, "capteur.dll");

    /// <summary>Runs `capteur ARGS` and returns at once (see <see cref="WaitForReadyAsync"/>).</summary>
    public static BrokerProcess Start(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        info.ArgumentList.Add(CapteurDll);
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var output = new LineLog();
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data != null)
            {
                output.Add(e.Data);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data != null)
            {
                output.Add("stderr: " + e.Data);
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new BrokerProcess(process, output);
    }

    /// <summary>Starts `capteur broker --port 0 --data DATA ARGS` and waits for its "ready" line.</summary>
    public static async Task<BrokerProcess> StartBrokerAsync(string data, params string[] args)
    {
        var all = new List<string> { "broker", "--port", "0", "--data", data, "--sys-interval", "0" };
        all.AddRange(args);
        var broker = Start(all.ToArray());
        await broker.WaitForReadyAsync();
        return broker;
    }

    public async Task WaitForReadyAsync()
    {
        await Wait.UntilAsync(() => Output.Lines.Any(l => l.EndsWith(" ready", StringComparison.Ordinal)) || _process.HasExited, TimeSpan.FromSeconds(60), "the broker's ready line");
        if (_process.HasExited)
        {
            throw new InvalidOperationException("the broker exited: " + string.Join("\n", Output.Lines));
        }

        var match = Output.Lines.Select(l => ListeningMqtt().Match(l)).First(m => m.Success);
        Port = int.Parse(match.Groups[1].Value);
    }

    /// <summary>SIGKILL: no chance to flush or close anything.</summary>
    public void Kill9()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    /// <summary>SIGTERM, then waits for the exit code.</summary>
    public async Task<int> TerminateAsync()
    {
        _ = SendSignal(_process.Id, 15);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    public async Task<int> WaitForExitAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(timeout.Token);
        _process.WaitForExit();
        return _process.ExitCode;
    }

    public void WriteInput(string line)
    {
        _process.StandardInput.WriteLine(line);
        _process.StandardInput.Close();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    static extern int SendSignal(int pid, int signal);

    [GeneratedRegex(@"listening mqtt://[^ ]+:(\d+) ")]
    private static partial Regex ListeningMqtt();
}
