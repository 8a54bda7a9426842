using System.IO.Compression;

namespace Capteur.Interop.Tests.Peers;

/// <summary>
/// Debian's ActiveMQ 5 with its MQTT transport: the broker JVM run directly (the command line of /usr/bin/activemq,
/// without its service wrapper) on a generated activemq.xml in the temp folder: one mqtt transportConnector on
/// 127.0.0.1:PORT and no other connector, no JMX, no advisories, KahaDB persistence in the temp folder, a small heap and
/// the quick JIT tier so it answers in about a second.
/// </summary>
internal sealed class ActiveMqPeer : ProcessBrokerPeer
{
    private const string Home = "/usr/share/activemq";
    private const string RunJar = Home + "/bin/activemq.jar";
    private const string Java = "/usr/bin/java";

    /// <summary>
    /// The MQTT codec (org.fusesource.mqtt) that activemq-mqtt.jar needs: Debian's activemq does not depend on it, and
    /// without it every MQTT connection fails with NoClassDefFoundError: org/fusesource/mqtt/codec/PINGRESP.
    /// </summary>
    private const string MqttCodecJar = "/usr/share/java/mqtt-client.jar";

    /// <summary>An ActiveMQ not started yet.</summary>
    public ActiveMqPeer()
        : base("activemq")
    {
    }

    /// <inheritdoc />
    public override string Name => "ActiveMQ";

    /// <inheritdoc />
    public override string Version => Installed.Value;

    /// <inheritdoc />
    protected override TimeSpan StopDeadline => TimeSpan.FromSeconds(15);

    private static Lazy<string> Installed { get; } = new(() =>
    {
        string own = File.Exists(RunJar) ? ManifestVersion(RunJar) ?? "(unknown)" : "(not installed)";
        string? debian = InstalledVersion.Debian("activemq");
        return own + (debian is null ? "" : $" (Debian {debian})");
    });

    /// <inheritdoc />
    protected override string? Missing()
    {
        if (!File.Exists(RunJar))
        {
            return $"{RunJar} not found: apt-get install activemq (bash tests/interop/run installs it)";
        }

        if (!File.Exists(MqttCodecJar))
        {
            return $"{MqttCodecJar} not found: apt-get install libmqtt-client-java (Debian's activemq lacks the MQTT codec its mqtt transport needs; "
                + "without it every connection fails with NoClassDefFoundError: org/fusesource/mqtt/codec/PINGRESP)";
        }

        return File.Exists(Java) ? null : $"{Java} not found: apt-get install default-jre-headless";
    }

    /// <inheritdoc />
    protected override (string File, IReadOnlyList<string> Args, IReadOnlyDictionary<string, string>? Environment) Prepare(int port)
    {
        string data = Path.Combine(Folder, "data");
        string lib = Path.Combine(Folder, "lib");
        Directory.CreateDirectory(lib);
        // ${activemq.base}/lib is on the broker's extension class path
        File.CreateSymbolicLink(Path.Combine(lib, "mqtt-client.jar"), MqttCodecJar);
        File.WriteAllText(Path.Combine(Folder, "log4j.properties"), """
            log4j.rootLogger=INFO, out
            log4j.appender.out=org.apache.log4j.ConsoleAppender
            log4j.appender.out.layout=org.apache.log4j.PatternLayout
            log4j.appender.out.layout.ConversionPattern=%d | %-5p | %m | %c | %t%n
            """);
        File.WriteAllText(Path.Combine(Folder, "activemq.xml"), $"""
            <beans xmlns="http://www.springframework.org/schema/beans"
              xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
              xsi:schemaLocation="http://www.springframework.org/schema/beans http://www.springframework.org/schema/beans/spring-beans-2.0.xsd
              http://activemq.apache.org/schema/core http://activemq.apache.org/schema/core/activemq-core.xsd">
              <broker xmlns="http://activemq.apache.org/schema/core" brokerName="capteur-interop" useJmx="false"
                      advisorySupport="false" schedulerSupport="false" dataDirectory="{data}">
                <persistenceAdapter>
                  <kahaDB directory="{data}/kahadb"/>
                </persistenceAdapter>
                <systemUsage>
                  <systemUsage>
                    <memoryUsage><memoryUsage percentOfJvmHeap="70"/></memoryUsage>
                    <storeUsage><storeUsage limit="1 gb"/></storeUsage>
                    <tempUsage><tempUsage limit="1 gb"/></tempUsage>
                  </systemUsage>
                </systemUsage>
                <transportConnectors>
                  <transportConnector name="mqtt" uri="mqtt://127.0.0.1:{port}"/>
                </transportConnectors>
              </broker>
            </beans>
            """);
        string[] args =
        [
            "-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
            // as /usr/bin/activemq runs it on Java > 8
            "--add-reads=java.xml=java.logging",
            "--add-opens", "java.base/java.security=ALL-UNNAMED",
            "--add-opens", "java.base/java.net=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang=ALL-UNNAMED",
            "--add-opens", "java.base/java.util=ALL-UNNAMED",
            "--add-opens", "java.naming/javax.naming.spi=ALL-UNNAMED",
            "--add-opens", "java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED",
            "--add-opens", "java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens", "java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            $"-Dactivemq.classpath={Folder}",
            $"-Dactivemq.home={Home}",
            $"-Dactivemq.base={Folder}",
            $"-Dactivemq.conf={Folder}",
            $"-Dactivemq.data={data}",
            $"-Dlog4j.configuration=file:{Folder}/log4j.properties",
            "-jar", RunJar, "start", $"xbean:file:{Folder}/activemq.xml",
        ];
        return (Java, args, null);
    }

    private static string? ManifestVersion(string jar)
    {
        using ZipArchive zip = ZipFile.OpenRead(jar);
        using var reader = new StreamReader(zip.GetEntry("META-INF/MANIFEST.MF")!.Open());
        return reader.ReadToEnd().Split('\n').Select(l => l.Trim())
            .FirstOrDefault(l => l.StartsWith("Implementation-Version:", StringComparison.Ordinal))?["Implementation-Version:".Length..].Trim();
    }
}
