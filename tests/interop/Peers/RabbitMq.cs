using System.Diagnostics;
using Capteur.Desktop.Tests.Infrastructure;
using Capteur.Interop.Tests.Cluster;

namespace Capteur.Interop.Tests.Peers;

/// <summary>
/// One RabbitMQ node of Debian's rabbitmq-server, run as the test's own process, never as the system service: a folder
/// of its own (rabbitmq.conf, enabled_plugins with rabbitmq_mqtt, database, logs), its own node name and free loopback
/// ports (MQTT, AMQP, distribution), and through <see cref="ErlangDistribution"/> its own epmd and cookie. Ready once its
/// MQTT port accepts connections and <c>rabbitmqctl await_startup</c> agrees. Stopped by process id: SIGTERM to the
/// start script, which stops the Erlang VM cleanly, or SIGKILL to the VM.
/// </summary>
/// <example>
/// <code>
/// using RabbitMq rabbit = RabbitMq.StartSingle();   // 4 to 5 s on a 2-core machine (13 s the first time: the template)
/// // MQTT on 127.0.0.1:rabbit.Port, anonymous allowed; rabbit.Name is capteur-a@localhost
/// </code>
/// </example>
internal sealed partial class RabbitMq : IDisposable
{
    /// <summary>Where the package puts the server's scripts.</summary>
    public const string BinFolder = "/usr/lib/rabbitmq/bin";

    private const string LibFolder = "/usr/lib/rabbitmq/lib";

    private static readonly Lazy<string> Template = new(MakeTemplate, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly ErlangDistribution _erlang;
    private readonly bool _ownsErlang;
    private readonly bool _fromTemplate;
    private readonly List<string> _lines = [];
    private Process? _script;
    private int _vmPid;
    private Stopwatch _started = new();

    private RabbitMq(ErlangDistribution erlang, bool ownsErlang, string shortName, bool fromTemplate, IEnumerable<string> extraConfig)
    {
        _erlang = erlang;
        _ownsErlang = ownsErlang;
        _fromTemplate = fromTemplate;
        Name = shortName + "@localhost";
        Folder = Path.Combine(erlang.Folder, shortName);
        Port = FreePort.Next();
        AmqpPort = FreePort.Next();
        DistPort = FreePort.Next();
        Directory.CreateDirectory(Folder);
        string[] config =
        [
            $"listeners.tcp.default = 127.0.0.1:{AmqpPort}",
            $"mqtt.listeners.tcp.default = 127.0.0.1:{Port}",
            "mqtt.allow_anonymous = true",
            // the default user guest may otherwise connect from loopback only
            "loopback_users = none",
            .. extraConfig,
        ];
        File.WriteAllLines(ConfigFile, config);
        File.WriteAllText(Path.Combine(Folder, "enabled_plugins"), "[rabbitmq_mqtt].\n");
        // an empty env file, so /etc/rabbitmq/rabbitmq-env.conf of the system service is not read
        File.WriteAllText(Path.Combine(Folder, "rabbitmq-env.conf"), "");
    }

    /// <summary>True when Debian's rabbitmq-server is installed (.ci/install installs it).</summary>
    public static bool IsInstalled => File.Exists(Path.Combine(BinFolder, "rabbitmq-server"));

    /// <summary>Fails with what to install when rabbitmq-server is not there.</summary>
    public static void RequireInstalled()
    {
        if (!IsInstalled)
        {
            throw new InvalidOperationException("rabbitmq-server is not installed: run .ci/install (or apt-get install rabbitmq-server)");
        }
    }

    /// <summary>The installed server, as the matrix names it, e.g. <c>RabbitMQ 3.10.8 (Debian)</c>.</summary>
    public static string Version
    {
        get
        {
            string? lib = Directory.Exists(LibFolder) ? Directory.GetDirectories(LibFolder, "rabbitmq_server-*").FirstOrDefault() : null;
            if (lib is null)
            {
                throw new InvalidOperationException("rabbitmq-server is not installed: run .ci/install (or apt-get install rabbitmq-server)");
            }

            string version = Path.GetFileName(lib)["rabbitmq_server-".Length..];
            return File.Exists("/var/lib/dpkg/info/rabbitmq-server.list") ? $"RabbitMQ {version} (Debian)" : $"RabbitMQ {version}";
        }
    }

    /// <summary>The node name, e.g. <c>capteur-b@localhost</c> (unique within its own epmd, so fixed names are safe).</summary>
    public string Name { get; }

    /// <summary>Its MQTT port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>Its AMQP port on 127.0.0.1.</summary>
    public int AmqpPort { get; }

    /// <summary>Its Erlang distribution port (what the other members of a cluster connect to).</summary>
    public int DistPort { get; }

    /// <summary>Its folder: config, database (mnesia), log.</summary>
    public string Folder { get; }

    /// <summary>Its rabbitmq.conf.</summary>
    public string ConfigFile => Path.Combine(Folder, "rabbitmq.conf");

    /// <summary>Its log file.</summary>
    public string LogFile => Path.Combine(Folder, "log", Name + ".log");

    /// <summary>Process id of the Erlang VM (beam.smp) while it runs, else 0.</summary>
    public int Pid => IsRunning ? _vmPid : 0;

    /// <summary>True while the Erlang VM runs.</summary>
    public bool IsRunning => _vmPid > 0 && IsAlive(_vmPid);

    /// <summary>How long the last start took, from the process start to ready.</summary>
    public TimeSpan StartTook { get; private set; }

    /// <summary>The start script's output so far (the VM's early log lines and its banner).</summary>
    public string[] Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    /// <summary>
    /// One node on its own (own epmd and cookie), node name <c>capteur-a@localhost</c> (unique within its own epmd), MQTT
    /// on <see cref="Port"/> with anonymous clients allowed; returns once it is ready. Booted from the template (see
    /// <see cref="CreateFirst"/>). The test fails with a clear message when rabbitmq-server is not installed.
    /// </summary>
    public static RabbitMq StartSingle()
    {
        RequireInstalled();
        ErlangDistribution erlang = ErlangDistribution.Start();
        var node = new RabbitMq(erlang, ownsErlang: true, "capteur-a", fromTemplate: true, []);
        try
        {
            node.Start();
            node.WaitReady(TimeSpan.FromSeconds(120));
            return node;
        }
        catch
        {
            node.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The first member of a cluster, <c>capteur-a@localhost</c>, sharing <paramref name="erlang"/>, not started yet. It
    /// boots from a template: the database of a node of that name booted once and stopped cleanly, kept in the temp
    /// folder per RabbitMQ version (<c>capteur-rabbitmq-template-3.10.8</c>, made by the first test that needs it). A
    /// fresh node spends 3 to 6 s of its boot waiting for peers before its MQTT plugin forms its client-ID tracker
    /// (mqtt_node:start in 3.10); a node with a database restarts its tracker at once, about 4 s in all instead of 10.
    /// </summary>
    public static RabbitMq CreateFirst(ErlangDistribution erlang)
        => new(erlang, ownsErlang: false, "capteur-a", fromTemplate: true, []);

    /// <summary>
    /// Another member, <c>capteur-ROLE@localhost</c>, sharing <paramref name="erlang"/>, booting blank with
    /// <paramref name="extraConfig"/> (e.g. the peer discovery that makes it join the first member), not started yet.
    /// </summary>
    public static RabbitMq Create(ErlangDistribution erlang, string role, IEnumerable<string> extraConfig)
        => new(erlang, ownsErlang: false, "capteur-" + role, fromTemplate: false, extraConfig);

    /// <summary>Boots the node (again, on the same folder, after a stop); see <see cref="WaitReady"/>.</summary>
    public void Start()
    {
        RequireInstalled();
        if (IsRunning)
        {
            throw new InvalidOperationException($"{Name} is already running (pid {_vmPid})");
        }

        lock (_lines)
        {
            _lines.Clear();
        }

        File.Delete(PidFile);
        _vmPid = 0;
        string database = Path.Combine(Folder, "mnesia");
        if (_fromTemplate && !Directory.Exists(database))
        {
            CopyFolder(Template.Value, database);
            // Ra keeps the absolute path of its data in each server's config file: point it at the copy
            foreach (string config in Directory.GetFiles(Path.Combine(database, Name, "coordination"), "config", SearchOption.AllDirectories))
            {
                string ownData = Path.Combine(database, Name, "coordination", Name);
                File.WriteAllText(config, RaDataDir().Replace(File.ReadAllText(config), $"\"{ownData}\""));
            }
        }

        var info = new ProcessStartInfo(Path.Combine(BinFolder, "rabbitmq-server"))
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Folder,
        };
        SetEnvironment(info);
        var script = new Process { StartInfo = info };
        script.OutputDataReceived += (_, e) => Add(e.Data);
        script.ErrorDataReceived += (_, e) => Add(e.Data);
        _started = Stopwatch.StartNew();
        script.Start();
        script.BeginOutputReadLine();
        script.BeginErrorReadLine();
        _script?.Dispose();
        _script = script;
    }

    /// <summary>
    /// Waits until the MQTT port accepts connections and <c>rabbitmqctl await_startup</c> succeeds; fails with the
    /// node's output and log when it exits or the time runs out.
    /// </summary>
    public void WaitReady(TimeSpan timeout)
    {
        DateTime deadline = DateTime.UtcNow + timeout;
        while (!FreePort.IsListening(Port))
        {
            if (_script is null || _script.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"RabbitMQ {Name} did not open its MQTT port {Port} ({(_script is { HasExited: true } ? "exited " + _script.ExitCode : "timed out")}):\n{Tail()}");
            }

            Thread.Sleep(50);
        }

        CtlOk(TimeSpan.FromSeconds(Math.Max(5, (deadline - DateTime.UtcNow).TotalSeconds)), "await_startup");
        _vmPid = ReadVmPid();
        StartTook = _started.Elapsed;
    }

    /// <summary>
    /// A clean stop: SIGTERM to the start script, which passes it to the VM (RabbitMQ closes its connections and
    /// stops); SIGKILL when the VM still runs after <paramref name="deadline"/>. Returns how long the VM took to end.
    /// </summary>
    public TimeSpan Stop(TimeSpan deadline)
    {
        var took = Stopwatch.StartNew();
        if (_script is { HasExited: false })
        {
            Signal("TERM", _script.Id);
        }

        if (!WaitVmExit(deadline))
        {
            Kill9();
        }

        _script?.WaitForExit(5000);
        return took.Elapsed;
    }

    /// <summary>SIGKILL to the VM, as in a crash or a power cut: nothing is closed, peers see the node vanish.</summary>
    public void Kill9()
    {
        int vm = _vmPid > 0 ? _vmPid : ReadVmPid();
        if (vm > 0 && IsAlive(vm))
        {
            Signal("KILL", vm);
            WaitVmExit(TimeSpan.FromSeconds(10));
        }

        if (_script is { HasExited: false })
        {
            _script.Kill();
            _script.WaitForExit(5000);
        }
    }

    /// <summary>Runs <c>rabbitmqctl -n NAME ARGS</c> with this node's environment; its exit code and output.</summary>
    public (int ExitCode, string Output) Ctl(TimeSpan timeout, params string[] args)
    {
        var info = new ProcessStartInfo(Path.Combine(BinFolder, "rabbitmqctl"))
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Folder,
        };
        SetEnvironment(info);
        info.ArgumentList.Add("-n");
        info.ArgumentList.Add(Name);
        foreach (string arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using Process ctl = Process.Start(info)!;
        Task<string> stdout = ctl.StandardOutput.ReadToEndAsync();
        Task<string> stderr = ctl.StandardError.ReadToEndAsync();
        if (!ctl.WaitForExit((int)timeout.TotalMilliseconds))
        {
            ctl.Kill(entireProcessTree: true);
            ctl.WaitForExit();
            return (-1, $"rabbitmqctl {string.Join(" ", args)} did not finish within {timeout.TotalSeconds:F0} s\n{stdout.Result}{stderr.Result}");
        }

        ctl.WaitForExit();
        return (ctl.ExitCode, (stdout.Result + stderr.Result).Trim());
    }

    /// <summary>As <see cref="Ctl"/>, failing with the command's output when it does not exit 0.</summary>
    public string CtlOk(TimeSpan timeout, params string[] args)
    {
        (int code, string output) = Ctl(timeout, args);
        if (code != 0)
        {
            throw new InvalidOperationException($"rabbitmqctl -n {Name} {string.Join(" ", args)} failed (exit {code}):\n{output}\n{Tail()}");
        }

        return output;
    }

    /// <summary>The last <paramref name="count"/> lines of the node's log file, or its output when there is none yet.</summary>
    public string Tail(int count = 30)
    {
        string[] log = File.Exists(LogFile) ? File.ReadAllLines(LogFile) : Lines;
        return string.Join("\n", log.TakeLast(count));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Kill9();
        _script?.Dispose();
        if (_ownsErlang)
        {
            _erlang.Dispose();
        }
    }

    private string PidFile => Path.Combine(Folder, "rabbitmq.pid");

    private static string MakeTemplate()
    {
        string version = Version.Split(' ')[1];
        string template = Path.Combine(Path.GetTempPath(), "capteur-rabbitmq-template-" + version);
        if (Directory.Exists(template))
        {
            return template;
        }

        using ErlangDistribution erlang = ErlangDistribution.Start();
        using var node = new RabbitMq(erlang, ownsErlang: false, "capteur-a", fromTemplate: false, []);
        node.Start();
        node.WaitReady(TimeSpan.FromSeconds(180));
        node.Stop(TimeSpan.FromSeconds(30));
        string staging = template + "." + Guid.NewGuid().ToString("N")[..8];
        Directory.Move(Path.Combine(node.Folder, "mnesia"), staging);
        try
        {
            // one rename: a test process that loses the race keeps the other's template
            Directory.Move(staging, template);
        }
        catch (IOException)
        {
            Directory.Delete(staging, recursive: true);
        }

        return template;
    }

    [System.Text.RegularExpressions.GeneratedRegex("\"/[^\"]*/coordination/[^\"/]+\"")]
    private static partial System.Text.RegularExpressions.Regex RaDataDir();

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (string folder in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, folder)));
        }

        foreach (string file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        }
    }

    private void SetEnvironment(ProcessStartInfo info)
    {
        _erlang.Apply(info);
        // under systemd the start script would exec the VM and notify systemd: not for a test's own node
        info.Environment.Remove("NOTIFY_SOCKET");
        info.Environment["RABBITMQ_NODENAME"] = Name;
        info.Environment["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1";
        info.Environment["RABBITMQ_NODE_PORT"] = AmqpPort.ToString();
        info.Environment["RABBITMQ_DIST_PORT"] = DistPort.ToString();
        info.Environment["RABBITMQ_CONFIG_FILE"] = ConfigFile;
        info.Environment["RABBITMQ_ADVANCED_CONFIG_FILE"] = Path.Combine(Folder, "advanced.config");
        info.Environment["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(Folder, "rabbitmq-env.conf");
        info.Environment["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(Folder, "enabled_plugins");
        info.Environment["RABBITMQ_MNESIA_BASE"] = Path.Combine(Folder, "mnesia");
        info.Environment["RABBITMQ_LOG_BASE"] = Path.Combine(Folder, "log");
        info.Environment["RABBITMQ_PID_FILE"] = PidFile;
    }

    private int ReadVmPid()
    {
        // RabbitMQ writes the VM's pid early in its boot
        try
        {
            return int.TryParse(File.ReadAllText(PidFile).Trim(), out int pid) ? pid : 0;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private bool WaitVmExit(TimeSpan timeout)
    {
        int vm = _vmPid > 0 ? _vmPid : ReadVmPid();
        DateTime deadline = DateTime.UtcNow + timeout;
        while (vm > 0 && IsAlive(vm))
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            Thread.Sleep(20);
        }

        return true;
    }

    // Alive and not a zombie: a VM whose start script was killed is reparented and may stay unreaped.
    private static bool IsAlive(int pid)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].FirstOrDefault() is not ('Z' or 'X');
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static void Signal(string signal, int pid)
    {
        using Process kill = Process.Start("kill", [$"-{signal}", pid.ToString()])!;
        kill.WaitForExit();
    }

    private void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lines)
        {
            _lines.Add(line);
        }
    }
}
