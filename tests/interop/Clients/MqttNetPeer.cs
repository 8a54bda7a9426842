using System.Reflection;
using System.Text;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Packets;
using MQTTnet.Protocol;

namespace Capteur.Interop.Tests.Clients;

/// <summary>
/// MQTTnet's client in-process (the package the tests reference). It writes the same <see cref="ClientLine"/>s the
/// scripts print; "killed" means the client is disposed without DISCONNECT, which drops the socket.
/// </summary>
/// <remarks>
/// The clients close their socket gracefully (<c>LingerState</c> off). MQTTnet's default, <c>LingerOption(true, 0)</c>,
/// resets the connection on close and the kernel discards whatever it had not sent yet: a publisher that sends ten
/// QoS 0 messages and disconnects lost the last five in about half of the runs against `capteur broker` (strace of the
/// broker: it received 6 of the 8 bytes of the sixth message, then ECONNRESET). That is the client's doing, not the
/// broker's, and the cells test the broker.
/// </remarks>
internal sealed class MqttNetPeer : IClientPeer
{
    /// <inheritdoc />
    public string Slug => "mqttnet";

    /// <inheritdoc />
    public string Row { get; } =
        $"MQTTnet {typeof(MqttClientFactory).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]} (.NET {Environment.Version})";

    /// <inheritdoc />
    public string? Unavailable => null;

    /// <inheritdoc />
    public string? HiddenPubAckReasonCode => null;

    /// <inheritdoc />
    public ClientEvent? ParseLine(string line) => ClientLine.Parse(line);

    /// <inheritdoc />
    public async Task<IRunningClient> StartAsync(ClientTranscript transcript, ClientSpec spec, int port)
    {
        IMqttClient client = new MqttClientFactory().CreateMqttClient();
        client.ApplicationMessageReceivedAsync += e =>
        {
            MqttApplicationMessage m = e.ApplicationMessage;
            string user = string.Join(",", (m.UserProperties ?? []).Select(p => $"{p.Name}:{p.ReadValueAsString()}"));
            uint? expiry = m.MessageExpiryInterval == 0 ? null : m.MessageExpiryInterval;
            transcript.Add(ClientLine.Message(m.Topic, (int)m.QualityOfServiceLevel, m.Retain, expiry, user, Encoding.UTF8.GetString(m.Payload)));
            return Task.CompletedTask;
        };
        // Written from the event: the messages of a resumed session can arrive before ConnectAsync returns.
        client.ConnectedAsync += e =>
        {
            transcript.Add($"connected session_present={(e.ConnectResult.IsSessionPresent ? 1 : 0)}");
            return Task.CompletedTask;
        };
        MqttClientOptionsBuilder options = Options(spec.ClientId, spec.Protocol, port).WithCleanSession(!spec.Persistent);
        if (spec.Protocol == 5 && spec.Persistent)
        {
            options.WithSessionExpiryInterval(ClientSpec.SessionExpirySeconds);
        }

        if (spec.Will is { } will)
        {
            options.WithWillTopic(will.Topic).WithWillPayload(Encoding.UTF8.GetBytes(will.Payload)).WithWillQualityOfServiceLevel((MqttQualityOfServiceLevel)will.Qos);
        }

        var running = new Running(client, transcript);
        try
        {
            MqttClientConnectResult connected = await client.ConnectAsync(Graceful(options.Build()));
            if (connected.ResultCode != MqttClientConnectResultCode.Success)
            {
                transcript.Add($"error CONNACK {connected.ResultCode}");
                return running;
            }

            if (!spec.ResumeSession && spec.Subscriptions.Count > 0)
            {
                var subscribe = new MqttClientSubscribeOptionsBuilder();
                foreach (Subscription subscription in spec.Subscriptions)
                {
                    subscribe.WithTopicFilter(subscription.Filter, (MqttQualityOfServiceLevel)subscription.Qos);
                }

                MqttClientSubscribeResult subscribed = await client.SubscribeAsync(subscribe.Build());
                transcript.Add("subscribed granted=" + string.Join(",", subscribed.Items.Select(i => (int)i.ResultCode)));
            }
        }
        catch (Exception e) when (e is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException)
        {
            transcript.Add($"error {e.GetType().Name}: {e.Message}");
        }

        return running;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> PublishAsync(ClientTranscript transcript, PublishSpec spec, int port)
    {
        using IMqttClient client = new MqttClientFactory().CreateMqttClient();
        List<string> codes = [];
        try
        {
            await client.ConnectAsync(Graceful(Options(spec.ClientId, spec.Protocol, port).WithCleanSession(true).Build()));
            transcript.Add("connected session_present=0");
            foreach (OutgoingMessage message in spec.Messages)
            {
                var builder = new MqttApplicationMessageBuilder()
                    .WithTopic(message.Topic)
                    .WithPayload(Encoding.UTF8.GetBytes(message.Payload))
                    .WithQualityOfServiceLevel((MqttQualityOfServiceLevel)message.Qos)
                    .WithRetainFlag(message.Retain);
                if (message.UserProperty is { } property)
                {
                    builder.WithUserProperty(property.Name, Encoding.UTF8.GetBytes(property.Value).AsMemory());
                }

                if (message.ExpirySeconds is { } expiry)
                {
                    builder.WithMessageExpiryInterval(expiry);
                }

                MqttClientPublishResult result = await client.PublishAsync(builder.Build());
                // MQTT 3.1.1 acknowledgements carry no reason code, and QoS 0 has no acknowledgement: MQTTnet reports Success for both.
                string code = spec.Protocol == 5 && message.Qos > 0 ? ((int)result.ReasonCode).ToString(System.Globalization.CultureInfo.InvariantCulture) : "?";
                transcript.Add($"published topic={message.Topic} rc={code}");
                codes.Add(code);
            }

            await client.DisconnectAsync();
            transcript.Add("disconnected");
        }
        catch (Exception e) when (e is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException)
        {
            transcript.Add($"error {e.GetType().Name}: {e.Message}");
            throw new CellFailedException($"{transcript.Label}: {e.Message} after {codes.Count} of {spec.Messages.Count} publishes");
        }

        return codes;
    }

    private static MqttClientOptionsBuilder Options(string clientId, int protocol, int port) => new MqttClientOptionsBuilder()
        .WithTcpServer("127.0.0.1", port)
        .WithClientId(clientId)
        .WithProtocolVersion(protocol == 5 ? MqttProtocolVersion.V500 : MqttProtocolVersion.V311)
        .WithKeepAlivePeriod(TimeSpan.FromSeconds(30))
        .WithTimeout(ClientTranscript.Deadline);

    private static MqttClientOptions Graceful(MqttClientOptions options)
    {
        ((MqttClientTcpOptions)options.ChannelOptions).LingerState = new System.Net.Sockets.LingerOption(false, 0);
        return options;
    }

    private sealed class Running(IMqttClient client, ClientTranscript transcript) : IRunningClient
    {
        public ClientTranscript Transcript => transcript;

        public async Task DisconnectAsync()
        {
            await client.DisconnectAsync();
            transcript.Add("disconnected");
            Dispose("disconnected");
        }

        public Task KillAsync()
        {
            // Dispose closes the socket without DISCONNECT: what a crash looks like to the broker.
            Dispose("killed: socket dropped without DISCONNECT");
            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync()
        {
            Dispose("disposed");
            return ValueTask.CompletedTask;
        }

        private void Dispose(string how)
        {
            client.Dispose();
            transcript.End(how);
        }
    }
}
