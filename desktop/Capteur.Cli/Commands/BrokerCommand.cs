using System.CommandLine;
using System.Net;
using Capteur.Broker;
using Capteur.Broker.Logging;
using Capteur.Broker.Transport;
using Capteur.Dashboard;
using Capteur.Recorder;
using Capteur.Watch;

namespace Capteur.Cli.Commands;

/// <summary>`capteur broker [options]`: runs the MQTT broker until Ctrl+C / SIGTERM; `capteur broker passwd` manages its password file.</summary>
public static class BrokerCommand
{
    /// <summary>Builds the command with its options and the passwd subcommand.</summary>
    public static Command Create()
    {
        var port = new Option<int>("--port", "-p") { Description = "Plain MQTT TCP port (default 1883; 0 = any free port)" };
        var bind = new Option<string>("--bind") { Description = "Address to listen on (default 0.0.0.0 = every interface; 127.0.0.1 = this machine only)" };
        var data = new Option<string>("--data") { Description = $"Folder of the broker store (default {BrokerOptions.DefaultDataDirectory()})" };
        var config = new Option<string>("--config") { Description = "JSON config file; its keys are these flag names, flags override it" };
        var anonymous = new Option<bool>("--anonymous") { Description = "Accept clients without a user name on a non-loopback address" };
        var passwd = new Option<string>("--passwd") { Description = "Password file (create with: capteur broker passwd FILE USER)" };
        var acl = new Option<string>("--acl") { Description = "ACL file: topic/user/pattern lines, %u and %c substituted" };
        var tlsPort = new Option<int>("--tls-port") { Description = "MQTT over TLS port (e.g. 8883); needs --cert and --key" };
        var cert = new Option<string>("--cert") { Description = "PEM certificate for --tls-port" };
        var key = new Option<string>("--key") { Description = "PEM private key for --tls-port" };
        var wsPort = new Option<int>("--websocket-port") { Description = "MQTT over WebSocket port for browsers (e.g. 8080)" };
        var wsPath = new Option<string>("--websocket-path") { Description = "WebSocket endpoint path (default /mqtt)" };
        var maxPacket = new Option<int>("--max-packet-bytes") { Description = "Largest packet accepted; bigger closes the connection (default 1048576)" };
        var maxConnections = new Option<int>("--max-connections") { Description = "Most simultaneous connections (default 50000)" };
        var connectTimeout = new Option<int>("--connect-timeout-ms") { Description = "Time to complete CONNECT / handshakes (default 10000)" };
        var writeTimeout = new Option<int>("--write-timeout-ms") { Description = "A client that does not read for this long is disconnected (default 30000)" };
        var maxQueued = new Option<int>("--max-queued-messages") { Description = "Per-client queue limit; 0 = unlimited, never drops QoS 1/2 (default 0)" };
        var overflow = new Option<string>("--queue-overflow") { Description = "When the queue limit is reached: drop-new or drop-oldest (default drop-new)" };
        var durability = new Option<string>("--durability") { Description = "full: fsync before acknowledging (default); process: survives kill -9, not power loss" };
        var sysInterval = new Option<int>("--sys-interval") { Description = "Seconds between $SYS/broker updates; 0 = off (default 10)" };
        var record = new Option<bool>("--record") { Description = "Also record every reading in this process (into DATA/readings.db; capteur export reads it)" };
        var recordDb = new Option<string>("--record-db") { Description = "Readings database for --record (implies --record)" };
        var recordRetention = new Option<string>("--record-retention") { Description = "Delete recorded readings older than this (s, m, h or d; default 30d; implies --record)" };
        var dashboard = new Option<string>("--dashboard") { Description = "Serve the web dashboard on [ADDR:]PORT (8080 = 127.0.0.1:8080; 0.0.0.0:8080 lets phones on the network read it, unauthenticated)" };
        var command = new Command("broker", "Run the MQTT broker (MQTT 3.1.1 and 5, QoS 0/1/2, retained, persistent sessions).")
        {
            port, bind, data, config, anonymous, passwd, acl, tlsPort, cert, key, wsPort, wsPath, maxPacket, maxConnections, connectTimeout,
            writeTimeout, maxQueued, overflow, durability, sysInterval, record, recordDb, recordRetention, dashboard,
        };
        command.Subcommands.Add(BrokerPasswdCommand.Create());
        command.SetAction(async (result, cancellationToken) =>
        {
            var options = new BrokerOptions();
            try
            {
                if (result.GetValue(config) is { } configPath)
                {
                    BrokerConfigFile.Apply(configPath, options);
                }

                void Set<T>(Option<T> option, Action<T> apply)
                {
                    if (result.GetResult(option) is { Implicit: false })
                    {
                        apply(result.GetValue(option)!);
                    }
                }

                Set(port, v => options.Port = v);
                Set(bind, v => options.Bind = v);
                Set(data, v => options.DataDirectory = Path.GetFullPath(v));
                Set(anonymous, v => options.Anonymous = v);
                Set(passwd, v => options.PasswordFile = Path.GetFullPath(v));
                Set(acl, v => options.AclFile = Path.GetFullPath(v));
                Set(tlsPort, v => options.TlsPort = v);
                Set(cert, v => options.CertificateFile = Path.GetFullPath(v));
                Set(key, v => options.KeyFile = Path.GetFullPath(v));
                Set(wsPort, v => options.WebSocketPort = v);
                Set(wsPath, v => options.WebSocketPath = v);
                Set(maxPacket, v => options.MaxPacketBytes = v);
                Set(maxConnections, v => options.MaxConnections = v);
                Set(connectTimeout, v => options.ConnectTimeoutMs = v);
                Set(writeTimeout, v => options.WriteTimeoutMs = v);
                Set(maxQueued, v => options.MaxQueuedMessagesPerClient = v);
                Set(overflow, v => options.QueueOverflow = BrokerConfigFile.ParseOverflow(v, "--queue-overflow"));
                Set(durability, v => options.Durability = BrokerConfigFile.ParseDurability(v, "--durability"));
                Set(sysInterval, v => options.SysIntervalSeconds = v);

                string? retentionText = result.GetValue(recordRetention);
                TimeSpan retention = retentionText is null ? RecorderOptions.DefaultRetention : CliValues.Span(retentionText, "--record-retention");
                string? recordInto = result.GetValue(recordDb) is string db ? Path.GetFullPath(db)
                    : result.GetValue(record) || retentionText is not null ? Path.Combine(options.DataDirectory, "readings.db") : null;
                (string Bind, int Port)? dashboardAt = result.GetValue(dashboard) is string d ? DashboardAddress.Parse(d, "--dashboard") : null;
                var log = new BrokerLog(Console.Out);
                // with --record, clients wait until the recorder has subscribed: nothing published is missed, even on the first run
                await using var host = await BrokerHost.StartAsync(options, log, admitClients: recordInto is null);
                // recorder store for the dashboard: recording?.Store (null without --record)
                await using RecordingSession? recording = recordInto is null ? null : await StartRecordingAsync(host, recordInto, retention, retentionText ?? "30d", log, cancellationToken);
                host.AdmitClients();
                await using DashboardHost? web = dashboardAt is { } at ? await DashboardAddress.StartForBrokerAsync(host, at, recording?.Store, log, cancellationToken) : null;
                try
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    log.Info("shutting down (signal received)");
                }

                return 0;
            }
            catch (BrokerConfigException e)
            {
                foreach (var line in e.Message.Split(Environment.NewLine))
                {
                    await Console.Error.WriteLineAsync($"capteur broker: {line}");
                }

                return 2;
            }
            catch (ArgumentException e) when (e.Message.StartsWith("--dashboard: ", StringComparison.Ordinal) || e.Message.StartsWith("--record-retention: ", StringComparison.Ordinal))
            {
                await Console.Error.WriteLineAsync($"capteur broker: {e.Message}");
                return 2;
            }
            catch (DashboardBindException e)
            {
                await Console.Error.WriteLineAsync($"capteur broker: --dashboard: {e.Message}");
                return 2;
            }
            catch (ReadingStoreException e)
            {
                await Console.Error.WriteLineAsync($"capteur broker: --record-db: {e.Message}");
                return 2;
            }
        });
        return command;
    }

    /// <summary>Records from <paramref name="broker"/> over loopback (its own listener's address when it is bound to one) into <paramref name="database"/>.</summary>
    private static async Task<RecordingSession> StartRecordingAsync(BrokerHost broker, string database, TimeSpan retention, string retentionText, BrokerLog log,
        CancellationToken cancellationToken)
    {
        IPEndPoint mqtt = broker.Listeners.First(l => l.Kind == ListenerKind.Mqtt).EndPoint;
        string address = IPAddress.Any.Equals(mqtt.Address) ? "127.0.0.1" : IPAddress.IPv6Any.Equals(mqtt.Address) ? "::1" : mqtt.Address.ToString();
        // the broker's own login: records whatever --anonymous, --passwd and --acl say about other clients
        var options = new RecorderOptions { SessionId = "capteur-broker-recorder", Login = new MqttLogin(BrokerHost.InternalUserName, broker.InternalPassword), Retention = retention };
        RecordingSession recording = await RecordingSession.StartAsync(address, mqtt.Port, database, options, cancellationToken);
        recording.Recorder.Log += line => log.Warning($"recorder: {line}");
        log.Info($"recording every reading into {recording.Store.Path} (session {options.SessionId}, retention {retentionText}; capteur export --db FILE reads it)");
        return recording;
    }
}
