using System.CommandLine;
using System.Runtime.InteropServices;
using Capteur.Cli.Commands;

namespace Capteur.Cli;

/// <summary>Entry point of the `capteur` tool: one subcommand per file in Commands/, each built by its static Create().</summary>
public static class Program
{
    /// <summary>Parses <paramref name="args"/> and runs the chosen command; Ctrl+C, SIGTERM and SIGQUIT cancel it for a clean shutdown.</summary>
    public static async Task<int> Main(string[] args)
    {
        using var stop = new CancellationTokenSource();
        ParentLink.StopWhenParentExits(stop); // a node started by `capteur demo --processes` stops with it
        void Cancel(PosixSignalContext context)
        {
            // Keep the process alive: the command sees the cancellation and shuts down in order (store flushed, clients told).
            context.Cancel = true;
            stop.Cancel();
        }

        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
        using var sigquit = PosixSignalRegistration.Create(PosixSignal.SIGQUIT, Cancel);
        var configuration = new InvocationConfiguration { ProcessTerminationTimeout = null };
        return await BuildRoot().Parse(args).InvokeAsync(configuration, stop.Token);
    }

    /// <summary>The command tree. Later commands (demo, console, configure, flash, record, export) are added here.</summary>
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("Capteur: ESP32 boards as MQTT sensor nodes, and the tools around them.");
        root.Subcommands.Add(BrokerCommand.Create());
        root.Subcommands.Add(NodeCommand.Create());
        root.Subcommands.Add(WatchCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(ConsoleCommand.Create());
        root.Subcommands.Add(ConfigureCommand.Create());
        root.Subcommands.Add(RecordCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        return root;
    }
}
