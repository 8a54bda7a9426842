namespace Capteur.Broker.Statistics;

/// <summary>Counters behind $SYS/broker/...; updated lock-free by the connection tasks.</summary>
public sealed class BrokerStatistics
{
    long _packetsReceived;
    long _packetsSent;
    long _publishReceived;
    long _publishSent;
    long _bytesReceived;
    long _bytesSent;
    long _dropped;
    long _clientsConnected;
    long _clientsMaximum;
    long _refusedLogins;

    /// <summary>When the broker started (UTC).</summary>
    public DateTime StartedUtc { get; } = DateTime.UtcNow;

    /// <summary>MQTT packets received from clients.</summary>
    public long PacketsReceived => Interlocked.Read(ref _packetsReceived);

    /// <summary>MQTT packets sent to clients.</summary>
    public long PacketsSent => Interlocked.Read(ref _packetsSent);

    /// <summary>PUBLISH packets received from clients.</summary>
    public long PublishReceived => Interlocked.Read(ref _publishReceived);

    /// <summary>PUBLISH packets sent to clients.</summary>
    public long PublishSent => Interlocked.Read(ref _publishSent);

    /// <summary>Bytes received from clients (MQTT bytes, after TLS / WebSocket framing).</summary>
    public long BytesReceived => Interlocked.Read(ref _bytesReceived);

    /// <summary>Bytes sent to clients.</summary>
    public long BytesSent => Interlocked.Read(ref _bytesSent);

    /// <summary>Messages not queued for a subscriber because its queue was full (queue-overflow policy).</summary>
    public long MessagesDropped => Interlocked.Read(ref _dropped);

    /// <summary>Clients connected now.</summary>
    public long ClientsConnected => Interlocked.Read(ref _clientsConnected);

    /// <summary>Most clients connected at once since start.</summary>
    public long ClientsMaximum => Interlocked.Read(ref _clientsMaximum);

    /// <summary>CONNECTs refused (anonymous not allowed, bad user name or password).</summary>
    public long RefusedLogins => Interlocked.Read(ref _refusedLogins);

    internal void OnReceived(long packets, long publishes, long bytes)
    {
        if (packets != 0)
        {
            Interlocked.Add(ref _packetsReceived, packets);
        }

        if (publishes != 0)
        {
            Interlocked.Add(ref _publishReceived, publishes);
        }

        Interlocked.Add(ref _bytesReceived, bytes);
    }

    internal void OnSent(bool isPublish, long bytes, bool endOfPacket)
    {
        if (endOfPacket)
        {
            Interlocked.Increment(ref _packetsSent);
            if (isPublish)
            {
                Interlocked.Increment(ref _publishSent);
            }
        }

        Interlocked.Add(ref _bytesSent, bytes);
    }

    internal void OnDropped() => Interlocked.Increment(ref _dropped);

    internal void OnRefusedLogin() => Interlocked.Increment(ref _refusedLogins);

    internal void OnClientConnected()
    {
        var now = Interlocked.Increment(ref _clientsConnected);
        long max;
        while (now > (max = Interlocked.Read(ref _clientsMaximum)) && Interlocked.CompareExchange(ref _clientsMaximum, now, max) != max)
        {
        }
    }

    internal void OnClientDisconnected() => Interlocked.Decrement(ref _clientsConnected);
}
