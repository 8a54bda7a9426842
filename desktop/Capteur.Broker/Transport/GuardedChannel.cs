using System.Buffers;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Capteur.Broker.Statistics;
using MQTTnet.Channel;
using MQTTnet.Exceptions;

namespace Capteur.Broker.Transport;

/// <summary>
/// Wraps a client's MQTT channel: enforces the packet size limit on what the client sends and records when a write to the client
/// started, so that <see cref="ConnectionRegistry"/> can close a client that stopped reading.
/// </summary>
internal sealed class GuardedChannel(IMqttChannel inner, PacketSizeGuard guard, BrokerStatistics statistics, Action abort) : IMqttChannel, IDisposable
{
    long _writeStartedTicks;
    bool _startOfPacket = true;
    bool _sendingPublish;

    /// <summary>Why the broker closed this connection, or null.</summary>
    public string? CloseReason { get; private set; }

    /// <summary>Environment.TickCount64 when the pending write began; 0 when no write is pending.</summary>
    public long WriteStartedTicks => Interlocked.Read(ref _writeStartedTicks);

    public X509Certificate2 ClientCertificate => inner.ClientCertificate;

    public EndPoint RemoteEndPoint => inner.RemoteEndPoint;

    public EndPoint LocalEndPoint => inner.LocalEndPoint;

    public bool IsSecureConnection => inner.IsSecureConnection;

    public Task ConnectAsync(CancellationToken cancellationToken) => inner.ConnectAsync(cancellationToken);

    public Task DisconnectAsync(CancellationToken cancellationToken) => inner.DisconnectAsync(cancellationToken);

    public async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        var read = await inner.ReadAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false);
        var packets = guard.Packets;
        var publishes = guard.Publishes;
        var violation = guard.Feed(buffer.AsSpan(offset, read));
        statistics.OnReceived(guard.Packets - packets, guard.Publishes - publishes, read);
        if (violation != null)
        {
            Close(violation);
            throw new MqttProtocolViolationException(violation);
        }

        return read;
    }

    public async Task WriteAsync(ReadOnlySequence<byte> buffer, bool isEndOfPacket, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _writeStartedTicks, Environment.TickCount64);
        if (_startOfPacket && !buffer.IsEmpty)
        {
            _sendingPublish = buffer.FirstSpan[0] >> 4 == 3;
        }

        _startOfPacket = isEndOfPacket;
        statistics.OnSent(_sendingPublish, buffer.Length, isEndOfPacket);
        try
        {
            await inner.WriteAsync(buffer, isEndOfPacket, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Exchange(ref _writeStartedTicks, 0);
        }
    }

    /// <summary>Records <paramref name="reason"/> and aborts the network connection.</summary>
    public void Close(string reason)
    {
        CloseReason ??= reason;
        abort();
    }

    public void Dispose() => (inner as IDisposable)?.Dispose();
}
