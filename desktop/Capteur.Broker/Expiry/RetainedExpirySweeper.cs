using System.Buffers;
using System.Collections.Concurrent;
using Capteur.Broker.Logging;
using Capteur.Broker.Persistence;
using MQTTnet;
using MQTTnet.Server;

namespace Capteur.Broker.Expiry;

/// <summary>
/// Removes a retained message once its MQTT 5 Message Expiry Interval has passed (MQTT 5.0 §3.3.2.3.3: it is no longer sent to new
/// subscribers), which MQTTnet never does: every second it deletes the expired ones from MQTTnet, whose RetainedMessageChanged event then
/// deletes them from the store. A subscriber that subscribes within that second gets nothing either: <see cref="MessageExpiryGuard"/>
/// drops the expired copy on its way out.
/// </summary>
internal sealed class RetainedExpirySweeper(MqttServer server, MessageExpiryClock clock, BrokerLog log) : PeriodicJob(log, "retained message expiry sweep")
{
    /// <summary>Time between two sweeps.</summary>
    public static readonly TimeSpan SweepPeriod = TimeSpan.FromSeconds(1);

    // Topic -> deadline of the latest accepted retained message on it, for the topics whose latest one expires.
    readonly ConcurrentDictionary<string, long> _deadlines = new(StringComparer.Ordinal);

    // Held by a sweep and by a retained publish on a topic with a deadline, so a sweep never deletes a message published after its check.
    readonly SemaphoreSlim _gate = new(1, 1);

    /// <inheritdoc />
    protected override TimeSpan Period => SweepPeriod;

    /// <summary>Retained messages that expire and are waiting to (their number, for tests).</summary>
    public int ExpiringCount => _deadlines.Count;

    /// <summary>Registers the retained messages loaded from the store at start-up.</summary>
    public void Track(IEnumerable<StoredMessage> loaded)
    {
        foreach (var m in loaded)
        {
            if (m.MessageExpirySeconds > 0 && m.ExpiresAtUnixMs is { } deadline)
            {
                _deadlines[m.Topic] = deadline;
            }
        }
    }

    /// <summary>Forgets every deadline (all retained messages were cleared).</summary>
    public void Clear() => _deadlines.Clear();

    /// <summary>
    /// Called for each accepted retained PUBLISH (already stamped) before MQTTnet stores it. MQTTnet keeps the retained message it has when
    /// the new one has the same QoS and payload (MqttRetainedMessagesManager.UpdateMessage), so a node re-publishing the same value with a
    /// fresh expiry would keep the old deadline: the kept message takes the new one's properties, and <paramref name="persist"/> stores it.
    /// </summary>
    public async Task OnRetainedPublishAsync(MqttApplicationMessage message, Func<MqttApplicationMessage, Task> persist)
    {
        var deadline = message.MessageExpiryInterval > 0 ? ExpiryStamp.Read(message.UserProperties) : null;
        if (deadline == null && !_deadlines.ContainsKey(message.Topic))
        {
            return;
        }

        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (deadline == null || message.Payload.IsEmpty)
            {
                _deadlines.TryRemove(message.Topic, out _);
            }
            else
            {
                _deadlines[message.Topic] = deadline.Value;
            }

            if (message.Payload.IsEmpty || await server.GetRetainedMessageAsync(message.Topic).ConfigureAwait(false) is not { } kept
                || ReferenceEquals(kept, message) || kept.QualityOfServiceLevel != message.QualityOfServiceLevel || !SamePayload(kept, message))
            {
                return;
            }

            kept.MessageExpiryInterval = message.MessageExpiryInterval;
            kept.UserProperties = message.UserProperties;
            kept.ContentType = message.ContentType;
            kept.ResponseTopic = message.ResponseTopic;
            kept.CorrelationData = message.CorrelationData;
            kept.PayloadFormatIndicator = message.PayloadFormatIndicator;
            await persist(kept).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    protected override Task TickAsync() => SweepAsync();

    /// <summary>Deletes every expired retained message now.</summary>
    public async Task SweepAsync()
    {
        var now = clock.NowUnixMs;
        foreach (var (topic, deadline) in _deadlines)
        {
            if (deadline > now)
            {
                continue;
            }

            await _gate.WaitAsync().ConfigureAwait(false);
            try
            {
                // A retained publish on the topic may have come since the loop read the entry; only this very deadline is removed.
                if (!_deadlines.TryRemove(new KeyValuePair<string, long>(topic, deadline)))
                {
                    continue;
                }

                var current = await server.GetRetainedMessageAsync(topic).ConfigureAwait(false);
                if (current is { MessageExpiryInterval: > 0 } && ExpiryStamp.Read(current.UserProperties) == deadline)
                {
                    // An empty retained payload deletes (MQTT 3.3.1.3); MQTTnet then raises RetainedMessageChanged and the store forgets it too.
                    await server.UpdateRetainedMessageAsync(new MqttApplicationMessage { Topic = topic, Retain = true }).ConfigureAwait(false);
                }
            }
            finally
            {
                _gate.Release();
            }
        }
    }

    static bool SamePayload(MqttApplicationMessage a, MqttApplicationMessage b) =>
        a.Payload.Length == b.Payload.Length && (a.Payload.IsSingleSegment && b.Payload.IsSingleSegment
            ? a.Payload.FirstSpan.SequenceEqual(b.Payload.FirstSpan)
            : a.Payload.ToArray().AsSpan().SequenceEqual(b.Payload.ToArray()));
}
