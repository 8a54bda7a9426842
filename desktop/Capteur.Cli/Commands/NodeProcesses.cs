using System.Diagnostics;
using Capteur.Cli.Watching;

namespace Capteur.Cli.Commands;

/// <summary>
/// Virtual nodes as `capteur node` child processes (`capteur demo --processes`): each one can lose power like a real
/// board (kill it and the broker publishes its last will). Every child watches its standard input, whose other end
/// this process holds (<see cref="ParentLink"/>): closing it is the clean stop, and when this process dies in any way
/// the kernel closes it, so no node outlives the demo.
/// </summary>
public sealed class NodeProcesses : IDisposable
{
    private readonly List<Child> _children = [];
    private readonly TextWriter _log;

    /// <summary>A group of node processes reporting on <paramref name="log"/>.</summary>
    public NodeProcesses(TextWriter log)
    {
        _log = log;
    }

    /// <summary>Starts `capteur node ARGS` for <paramref name="topic"/>; returns its process id.</summary>
    public int Start(string topic, IEnumerable<string> args)
    {
        var info = new ProcessStartInfo { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        string self = typeof(NodeProcesses).Assembly.Location;
        string host = Environment.ProcessPath ?? "dotnet";
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            info.FileName = host;
            info.ArgumentList.Add(self); // `dotnet capteur.dll ...`
        }
        else
        {
            info.FileName = host; // the `capteur` app host (installed tool)
        }

        info.ArgumentList.Add("node");
        foreach (string arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment[ParentLink.Variable] = "stdin";
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var child = new Child(topic, process);
        process.OutputDataReceived += (_, e) => child.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Relay(child, e.Data);
        process.Exited += (_, _) => Exited(child);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        lock (_children)
        {
            _children.Add(child);
        }

        return process.Id;
    }

    /// <summary>Stops every node cleanly (standard input closed: each drains and says offline), killing those still running after <paramref name="timeout"/>.</summary>
    public void Stop(TimeSpan timeout)
    {
        Child[] children;
        lock (_children)
        {
            children = [.. _children];
        }

        foreach (Child child in children)
        {
            child.Stopping = true;
            try
            {
                child.Process.StandardInput.Close();
            }
            catch (IOException)
            {
            }
        }

        DateTime deadline = DateTime.UtcNow + timeout;
        foreach (Child child in children)
        {
            int left = Math.Max(0, (int)(deadline - DateTime.UtcNow).TotalMilliseconds);
            if (!child.Process.WaitForExit(left))
            {
                _log.WriteLine($"capteur demo: node {child.Topic} (pid {child.Process.Id}) did not stop within {timeout.TotalSeconds:F0} s: killed");
                child.Process.Kill(entireProcessTree: true);
                child.Process.WaitForExit();
            }
        }
    }

    /// <summary>
    /// The summary of a demo whose nodes ran as processes: only what the watcher saw (delivered, duplicates, gaps);
    /// what each node produced is known to the node alone, and a killed node's unsent readings wait in its outbox.
    /// </summary>
    /// <returns>The exit code: 0 without gaps, 1 with.</returns>
    public static async Task<int> SummarizeAsync(WatchOutput output)
    {
        // the nodes drained before exiting; let their last readings reach the watcher (the count stops moving), 3 s at most
        DateTime deadline = DateTime.UtcNow + TimeSpan.FromSeconds(3);
        long seen = -1;
        while (output.Fleet.Readings != seen && DateTime.UtcNow < deadline)
        {
            seen = output.Fleet.Readings;
            await Task.Delay(300);
        }

        long gaps = output.Fleet.Nodes().Sum(n => n.Audit.Gaps);
        Console.Error.WriteLine();
        foreach (string line in output.Summary())
        {
            Console.Error.WriteLine("capteur demo: " + line);
        }

        Console.Error.WriteLine($"capteur demo: summary: {output.Fleet.Readings} readings delivered, {output.Fleet.Duplicates} duplicates, {gaps} gaps"
            + " (nodes ran as processes: audited by the watcher alone; a node's unsent readings stay in its outbox)");
        return gaps == 0 ? 0 : 1;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Stop(TimeSpan.FromSeconds(10));
        foreach (Child child in _children)
        {
            child.Process.Dispose();
        }
    }

    // the node's own warnings and errors, as the in-process demo shows them; the rest is kept for an unexpected exit
    private void Relay(Child child, string? line)
    {
        if (line is null)
        {
            return;
        }

        child.Keep(line);
        if (line.Contains(" warn ", StringComparison.Ordinal) || line.Contains(" error ", StringComparison.Ordinal) || line.StartsWith("capteur node:", StringComparison.Ordinal))
        {
            lock (_log)
            {
                _log.WriteLine(line);
            }
        }
    }

    private void Exited(Child child)
    {
        if (child.Stopping)
        {
            return;
        }

        int code = child.Process.ExitCode;
        string how = code > 128 ? $"killed by signal {code - 128}" : $"exited with code {code}";
        lock (_log)
        {
            _log.WriteLine($"capteur demo: node {child.Topic} (pid {child.Process.Id}) {how}" + (code > 128 ? "; the broker publishes its last will: offline" : ""));
            if (code is > 0 and <= 128)
            {
                foreach (string line in child.Last())
                {
                    _log.WriteLine("  " + line);
                }
            }
        }
    }

    private sealed class Child(string topic, Process process)
    {
        private readonly Queue<string> _last = new();

        public string Topic { get; } = topic;

        public Process Process { get; } = process;

        public volatile bool Stopping;

        public void Keep(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (_last)
            {
                _last.Enqueue(line);
                if (_last.Count > 10)
                {
                    _last.Dequeue();
                }
            }
        }

        public string[] Last()
        {
            lock (_last)
            {
                return [.. _last];
            }
        }
    }
}
