namespace Capteur.Broker;

/// <summary>What the broker does when a client's queue of undelivered messages reaches <see cref="BrokerOptions.MaxQueuedMessagesPerClient"/>.</summary>
public enum QueueOverflowPolicy
{
    /// <summary>The new message is not queued for that client (counted in $SYS/broker/messages/dropped and logged).</summary>
    DropNew,

    /// <summary>The oldest queued message of that client is discarded to make room (counted and logged).</summary>
    DropOldest,
}
