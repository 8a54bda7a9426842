using System.Collections.Concurrent;
using Capteur.Broker.Logging;
using Capteur.Broker.Statistics;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Packets;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace Capteur.Broker.Persistence;

/// <summary>
/// Mirrors MQTTnet's in-memory state into the <see cref="SqliteBrokerStore"/> and back at start-up:
/// retained messages; persistent sessions with their subscriptions; and, per persistent session, every QoS 1/2 message from the moment
/// it is queued until the client acknowledges it (PUBACK / PUBCOMP). Writes on the publish path are awaited, so a publisher's
/// PUBACK / PUBREC leaves only after the message is stored for every persistent subscriber.
/// </summary>
internal sealed class SessionPersistence(SqliteBrokerStore store, BrokerOptions options, BrokerStatistics statistics, BrokerLog log)
{
    /// <summary>User name the start-up restore connects with (refused for every other connection).</summary>
    public const string RestoreUserName = "$capteur-restore";

    readonly ConcurrentDictionary<string, SessionState> _sessions = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<string, byte> _restoring = new(StringComparer.Ordinal);
    readonly TaskCompletionSource _restored = new(TaskCreationOptions.RunContinuationsAsynchronously);
    long _queuedCount;

    /// <summary>Secret the restore connections present as password.</summary>
    public string RestoreToken { get; } = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    /// <summary>Persistent sessions known now.</summary>
    public int SessionCount => _sessions.Count;

    /// <summary>QoS 1/2 messages in the store waiting for a client (approximate while traffic flows).</summary>
    public long QueuedCount => Interlocked.Read(ref _queuedCount);

    /// <summary>
    /// Completes when the start-up restore has ended (done or failed). The listener is open during the restore (it restores
    /// through it), so client connections wait for this: one let in earlier would find no session (session present 0) and a
    /// publish would miss every subscriber whose session was not restored yet.
    /// </summary>
    public Task Restored => _restored.Task;

    /// <summary>True while <paramref name="clientId"/> is the start-up restore connection (its events are not the client's).</summary>
    public bool IsRestoring(string clientId) => _restoring.ContainsKey(clientId);

    /// <summary>Hooks the persistence handlers onto <paramref name="server"/>; <paramref name="retained"/> are served to MQTTnet at start.</summary>
    public void Attach(MqttServer server, List<StoredMessage> retained)
    {
        server.LoadingRetainedMessageAsync += e =>
        {
            e.LoadedRetainedMessages = retained.Select(MessageConversion.ToApplicationMessage).ToList();
            return Task.CompletedTask;
        };
        server.RetainedMessageChangedAsync += e =>
        {
            var m = e.ChangedRetainedMessage;
            if (m.Topic.StartsWith("$SYS/", StringComparison.Ordinal))
            {
                return Task.CompletedTask;
            }

            return m.Payload.IsEmpty ? store.DeleteRetainedAsync(m.Topic) : store.SetRetainedAsync(MessageConversion.ToStored(m, (int)m.QualityOfServiceLevel, true));
        };
        server.RetainedMessagesClearedAsync += _ => store.ClearRetainedAsync();
        server.ClientSubscribedTopicAsync += e =>
        {
            if (IsRestoring(e.ClientId) || !_sessions.TryGetValue(e.ClientId, out var session))
            {
                return Task.CompletedTask;
            }

            var f = e.TopicFilter;
            var stored = new StoredSubscription(f.Topic, (int)f.QualityOfServiceLevel, f.NoLocal, f.RetainAsPublished, (int)f.RetainHandling);
            session.Subscriptions[f.Topic] = stored;
            return store.UpsertSubscriptionAsync(e.ClientId, stored);
        };
        server.ClientUnsubscribedTopicAsync += e =>
        {
            if (IsRestoring(e.ClientId) || !_sessions.TryGetValue(e.ClientId, out var session))
            {
                return Task.CompletedTask;
            }

            session.Subscriptions.TryRemove(e.TopicFilter, out _);
            return store.DeleteSubscriptionAsync(e.ClientId, e.TopicFilter);
        };
        server.SessionDeletedAsync += e =>
        {
            if (IsRestoring(e.Id) || !_sessions.TryRemove(e.Id, out _))
            {
                return Task.CompletedTask;
            }

            return store.DeleteSessionAsync(e.Id);
        };
        server.InterceptingClientEnqueueAsync += OnEnqueueingAsync;
        if (options.MaxQueuedMessagesPerClient > 0)
        {
            // Drops only happen with a queue limit; without one, skipping this event saves an allocation per delivered message.
            server.ApplicationMessageEnqueuedOrDroppedAsync += OnEnqueuedOrDroppedAsync;
        }

        server.QueuedApplicationMessageOverwrittenAsync += OnOverwrittenAsync;
        server.ClientAcknowledgedPublishPacketAsync += e =>
        {
            if (!e.IsCompleted || !_sessions.ContainsKey(e.ClientId))
            {
                return Task.CompletedTask;
            }

            Interlocked.Decrement(ref _queuedCount);
            return store.RemoveOldestQueuedAsync(e.ClientId, e.PublishPacket.Topic);
        };
    }

    /// <summary>Stores <paramref name="retained"/> as the retained message of its topic (one MQTTnet changed without raising RetainedMessageChanged).</summary>
    public Task PersistRetainedAsync(MqttApplicationMessage retained) =>
        store.SetRetainedAsync(MessageConversion.ToStored(retained, (int)retained.QualityOfServiceLevel, true));

    /// <summary>
    /// Called when a QoS 1/2 message for <paramref name="clientId"/> was withdrawn unsent because its MQTT 5 message expiry passed: its stored
    /// copy goes, as if the client had acknowledged it. Not awaited (the send loop carries on); the store applies writes in order.
    /// </summary>
    public void OnExpiredUnsent(string clientId, string topic, long expiresAtUnixMs)
    {
        if (!_sessions.ContainsKey(clientId))
        {
            return;
        }

        _ = store.RemoveExpiredQueuedAsync(clientId, topic, expiresAtUnixMs).ContinueWith(t =>
        {
            if (t.IsFaulted)
            {
                log.Warning($"client '{clientId}': could not remove an expired message on '{topic}' from the store ({t.Exception.InnerException?.Message})");
            }
            else if (t.Result)
            {
                Interlocked.Decrement(ref _queuedCount);
            }
        }, TaskScheduler.Default);
    }

    /// <summary>
    /// Called for a CONNECT that passed authentication: a clean start forgets the stored session; a persistent session
    /// (MQTT 3.1.1 clean session off, MQTT 5 session expiry above 0) is recorded before the client can subscribe.
    /// </summary>
    public async Task OnConnectAcceptedAsync(string clientId, string? userName, MqttProtocolVersion version, bool cleanSession, uint sessionExpiry)
    {
        var persistent = version == MqttProtocolVersion.V500 ? sessionExpiry > 0 : !cleanSession;
        if (cleanSession || !persistent)
        {
            if (_sessions.TryRemove(clientId, out _))
            {
                await store.DeleteSessionAsync(clientId).ConfigureAwait(false);
            }
        }

        if (!persistent)
        {
            return;
        }

        var expiry = version == MqttProtocolVersion.V500 ? sessionExpiry : uint.MaxValue;
        var session = _sessions.GetOrAdd(clientId, _ => new SessionState(userName, expiry));
        session.UserName = userName;
        session.ExpirySeconds = expiry;
        await store.UpsertSessionAsync(clientId, userName, expiry).ConfigureAwait(false);
    }

    async Task OnEnqueueingAsync(InterceptingClientApplicationMessageEnqueueEventArgs e)
    {
        var m = e.ApplicationMessage;
        if (m.QualityOfServiceLevel == MqttQualityOfServiceLevel.AtMostOnce || !_sessions.TryGetValue(e.ReceiverClientId, out var session))
        {
            return;
        }

        // The delivery QoS is the lower of the message's and the best matching subscription's (MQTT 3.1.1 §3.8.4).
        var granted = -1;
        foreach (var subscription in session.Subscriptions.Values)
        {
            if (MqttTopicFilterComparer.Compare(m.Topic, subscription.TopicFilter) == MqttTopicFilterCompareResult.IsMatch)
            {
                granted = Math.Max(granted, subscription.QualityOfService);
            }
        }

        var qos = Math.Min((int)m.QualityOfServiceLevel, granted);
        if (qos <= 0)
        {
            return;
        }

        Interlocked.Increment(ref _queuedCount);
        await store.EnqueueMessageAsync(e.ReceiverClientId, MessageConversion.ToStored(m, qos, false)).ConfigureAwait(false);
    }

    Task OnEnqueuedOrDroppedAsync(ApplicationMessageEnqueuedEventArgs e)
    {
        if (!e.IsDropped)
        {
            return Task.CompletedTask;
        }

        statistics.OnDropped();
        log.Warning($"client '{e.ReceiverClientId}': queue full (max-queued-messages {options.MaxQueuedMessagesPerClient}), dropped the new message on '{e.ApplicationMessage.Topic}' (queue-overflow drop-new)");
        if (e.ApplicationMessage.QualityOfServiceLevel == MqttQualityOfServiceLevel.AtMostOnce || !_sessions.ContainsKey(e.ReceiverClientId))
        {
            return Task.CompletedTask;
        }

        Interlocked.Decrement(ref _queuedCount);
        return store.RemoveNewestQueuedAsync(e.ReceiverClientId, e.ApplicationMessage.Topic);
    }

    Task OnOverwrittenAsync(QueueMessageOverwrittenEventArgs e)
    {
        statistics.OnDropped();
        var publish = e.Packet as MqttPublishPacket;
        log.Warning($"client '{e.ReceiverClientId}': queue full (max-queued-messages {options.MaxQueuedMessagesPerClient}), dropped the oldest message on '{publish?.Topic}' (queue-overflow drop-oldest)");
        if (publish == null || publish.QualityOfServiceLevel == MqttQualityOfServiceLevel.AtMostOnce || !_sessions.ContainsKey(e.ReceiverClientId))
        {
            return Task.CompletedTask;
        }

        Interlocked.Decrement(ref _queuedCount);
        return store.RemoveOldestQueuedAsync(e.ReceiverClientId, publish.Topic);
    }

    /// <summary>
    /// Recreates the stored sessions in MQTTnet, which has no API to create a session for an absent client: for each one a
    /// short-lived local connection with the session's client id (clean start off) subscribes to its filters (without retained
    /// replay) and disconnects, leaving the session behind; then its queued messages are put back in the session's queue.
    /// </summary>
    public async Task<(int Sessions, int Messages)> RestoreAsync(MqttServer server, List<StoredSession> sessions, string host, int port)
    {
        try
        {
            return await RestoreSessionsAsync(server, sessions, host, port).ConfigureAwait(false);
        }
        finally
        {
            _restored.TrySetResult();
        }
    }

    async Task<(int Sessions, int Messages)> RestoreSessionsAsync(MqttServer server, List<StoredSession> sessions, string host, int port)
    {
        var messages = 0;
        var factory = new MqttClientFactory();
        // Restore connections count against max-connections like any other.
        var parallel = Math.Max(1, Math.Min(8, options.MaxConnections));
        await Parallel.ForEachAsync(sessions, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (stored, cancellationToken) =>
        {
            var state = new SessionState(stored.UserName, stored.ExpirySeconds);
            foreach (var s in stored.Subscriptions)
            {
                state.Subscriptions[s.TopicFilter] = s;
            }

            _restoring[stored.ClientId] = 0;
            try
            {
                using var client = factory.CreateMqttClient();
                var connect = new MqttClientOptionsBuilder()
                    .WithTcpServer(host, port)
                    .WithClientId(stored.ClientId)
                    .WithProtocolVersion(MqttProtocolVersion.V500)
                    .WithCleanStart(false)
                    .WithSessionExpiryInterval(stored.ExpirySeconds == 0 ? uint.MaxValue : stored.ExpirySeconds)
                    .WithCredentials(RestoreUserName, RestoreToken)
                    .WithTimeout(TimeSpan.FromSeconds(30))
                    .Build();
                await client.ConnectAsync(connect, cancellationToken).ConfigureAwait(false);
                if (stored.Subscriptions.Count > 0)
                {
                    var subscribe = new MqttClientSubscribeOptionsBuilder();
                    foreach (var s in stored.Subscriptions)
                    {
                        subscribe.WithTopicFilter(s.TopicFilter, (MqttQualityOfServiceLevel)s.QualityOfService, s.NoLocal, s.RetainAsPublished, MqttRetainHandling.DoNotSendOnSubscribe);
                    }

                    await client.SubscribeAsync(subscribe.Build(), cancellationToken).ConfigureAwait(false);
                }

                await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().WithReason(MqttClientDisconnectOptionsReason.NormalDisconnection).Build(), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // One unusable session must not keep the broker down; its rows stay in the store for the next start.
                log.Warning($"client '{stored.ClientId}': could not restore its session ({e.Message}); its stored state is kept");
                return;
            }
            finally
            {
                _restoring.TryRemove(stored.ClientId, out _);
            }

            _sessions[stored.ClientId] = state;
            var status = await server.GetSessionAsync(stored.ClientId).ConfigureAwait(false);
            foreach (var m in stored.Queued)
            {
                if (status == null || !status.TryEnqueueApplicationMessage(MessageConversion.ToApplicationMessage(m), out _))
                {
                    log.Warning($"client '{stored.ClientId}': could not requeue a stored message on '{m.Topic}'; it stays in the store");
                    continue;
                }

                Interlocked.Increment(ref _queuedCount);
                Interlocked.Increment(ref messages);
            }
        }).ConfigureAwait(false);
        return (_sessions.Count, messages);
    }
}
