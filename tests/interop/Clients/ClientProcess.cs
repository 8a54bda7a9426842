using System.Diagnostics;

namespace Capteur.Interop.Tests.Clients;

/// <summary>
/// A client under test as a child process: stdout and stderr lines go to its <see cref="ClientTranscript"/>, stdin stays
/// open for commands, stopped by process id (SIGINT for a clean stop, SIGKILL for a crash).
/// </summary>
internal sealed class ClientProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Task _exited;

    private ClientProcess(Process process, ClientTranscript transcript)
    {
        _process = process;
        Transcript = transcript;
        _exited = Task.Run(async () =>
        {
            await process.WaitForExitAsync();
            transcript.End($"exited with code {process.ExitCode}");
        });
    }

    /// <summary>Its output.</summary>
    public ClientTranscript Transcript { get; }

    /// <summary>Starts <paramref name="file"/> with <paramref name="args"/>; the command line is the transcript's first line.</summary>
    public static ClientProcess Start(ClientTranscript transcript, string file, IEnumerable<string> args, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (string arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        transcript.Add("$ " + file + " " + string.Join(" ", info.ArgumentList.Select(a => a.Contains(' ') || a.Length == 0 ? $"'{a}'" : a)));
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Add(transcript, e.Data);
        process.ErrorDataReceived += (_, e) => Add(transcript, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ClientProcess(process, transcript);
    }

    /// <summary>Writes one line to its stdin.</summary>
    public void WriteLine(string line)
    {
        try
        {
            _process.StandardInput.WriteLine(line);
            _process.StandardInput.Flush();
        }
        catch (IOException)
        {
            throw new CellFailedException($"{Transcript.Label}: could not be sent '{line}': it had already exited");
        }
    }

    /// <summary>Closes its stdin (end of file).</summary>
    public void CloseInput() => _process.StandardInput.Close();

    /// <summary>Sends a signal by process id (e.g. <c>INT</c>).</summary>
    public void Signal(string name)
    {
        if (!_process.HasExited)
        {
            using Process kill = Process.Start("kill", [$"-{name}", _process.Id.ToString()])!;
            kill.WaitForExit();
        }
    }

    /// <summary>SIGKILL: the client gets no chance to send DISCONNECT; the kernel closes its socket.</summary>
    public async Task Kill9Async()
    {
        try
        {
            _process.Kill();
        }
        catch (InvalidOperationException)
        {
            // already exited
        }

        await _exited;
    }

    /// <summary>Waits for the exit code; fails the cell when the process does not exit in time.</summary>
    public async Task<int> WaitForExitAsync(string what)
    {
        if (await Task.WhenAny(_exited, Task.Delay(ClientTranscript.Deadline)) != _exited)
        {
            throw new CellFailedException($"{Transcript.Label}: did not exit within {ClientTranscript.Deadline.TotalSeconds:F0} s ({what})");
        }

        return _process.ExitCode;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Kill9Async();
        _process.Dispose();
    }

    private static void Add(ClientTranscript transcript, string? line)
    {
        if (line is not null)
        {
            transcript.Add(line);
        }
    }
}
