using System.Diagnostics;
using System.Security.Cryptography;
using Capteur.Desktop.Tests.Infrastructure;

namespace Capteur.Interop.Tests.Cluster;

/// <summary>
/// What the RabbitMQ nodes of one test share to find and trust each other, apart from any system RabbitMQ: a home folder
/// holding one Erlang cookie (servers and rabbitmqctl read <c>$HOME/.erlang.cookie</c>), an epmd of its own on a free
/// port (<c>ERL_EPMD_PORT</c>, so a system epmd on 4369 is neither used nor disturbed), and a port range for
/// rabbitmqctl's own distribution listener. The epmd is a child process, stopped by its id on dispose.
/// </summary>
internal sealed class ErlangDistribution : IDisposable
{
    private readonly Process _epmd;

    private ErlangDistribution(string folder, int epmdPort, Process epmd)
    {
        Folder = folder;
        EpmdPort = epmdPort;
        _epmd = epmd;
        CtlPortMin = FreePort.Next();
    }

    /// <summary>The shared folder; the nodes' folders go under it.</summary>
    public string Folder { get; }

    /// <summary><c>HOME</c> of the servers and of rabbitmqctl: it holds the cookie.</summary>
    public string Home => Path.Combine(Folder, "home");

    /// <summary>The epmd's port.</summary>
    public int EpmdPort { get; }

    /// <summary>First port rabbitmqctl may listen on (it tries 11 from here).</summary>
    public int CtlPortMin { get; }

    /// <summary>Makes the folder and cookie and starts epmd; returns once epmd accepts connections.</summary>
    public static ErlangDistribution Start()
    {
        string folder = Directory.CreateTempSubdirectory("capteur-rabbitmq-").FullName;
        string home = Path.Combine(folder, "home");
        Directory.CreateDirectory(home);
        string cookie = Path.Combine(home, ".erlang.cookie");
        File.WriteAllText(cookie, Convert.ToHexString(RandomNumberGenerator.GetBytes(16)));
        // erl refuses a cookie file that others can read
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(cookie, UnixFileMode.UserRead);
        }

        int port = FreePort.Next();
        var info = new ProcessStartInfo("epmd") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add("-port");
        info.ArgumentList.Add(port.ToString());
        Process epmd = Process.Start(info) ?? throw new InvalidOperationException("epmd did not start (it comes with erlang-base, a dependency of rabbitmq-server)");
        epmd.OutputDataReceived += (_, _) => { };
        epmd.ErrorDataReceived += (_, _) => { };
        epmd.BeginOutputReadLine();
        epmd.BeginErrorReadLine();
        if (!FreePort.WaitListening(port, TimeSpan.FromSeconds(10)))
        {
            epmd.Kill();
            throw new InvalidOperationException($"epmd -port {port} did not listen within 10 s (exit {(epmd.HasExited ? epmd.ExitCode : -1)})");
        }

        return new ErlangDistribution(folder, port, epmd);
    }

    /// <summary>Sets what a RabbitMQ server or CLI process of these nodes needs in its environment.</summary>
    public void Apply(ProcessStartInfo info)
    {
        info.Environment["HOME"] = Home;
        info.Environment["ERL_EPMD_PORT"] = EpmdPort.ToString();
        info.Environment["RABBITMQ_CTL_DIST_PORT_MIN"] = CtlPortMin.ToString();
        info.Environment["RABBITMQ_CTL_DIST_PORT_MAX"] = (CtlPortMin + 10).ToString();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            if (!_epmd.HasExited)
            {
                _epmd.Kill();
            }

            _epmd.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
            // already gone
        }

        _epmd.Dispose();
        if (Environment.GetEnvironmentVariable("CAPTEUR_KEEP_RABBITMQ") is null)
        {
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
