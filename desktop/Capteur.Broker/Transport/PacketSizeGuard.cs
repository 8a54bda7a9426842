namespace Capteur.Broker.Transport;

/// <summary>
/// Follows the MQTT byte stream a client sends and stops it at the first packet larger than the limit, before the broker buffers
/// it: reads each fixed header (MQTT 3.1.1 §2.2 / 5.0 §2.1.1: one type byte, then a 1..4 byte variable-length "remaining length").
/// </summary>
internal sealed class PacketSizeGuard(int maxPacketBytes)
{
    int _state; // 0: at a packet start, 1: in the remaining-length bytes, 2: in the body
    int _lengthBytes;
    int _multiplier;
    long _remaining;

    /// <summary>Packets whose first byte has been seen.</summary>
    public long Packets { get; private set; }

    /// <summary>PUBLISH packets (type 3) whose first byte has been seen.</summary>
    public long Publishes { get; private set; }

    /// <summary>Feeds received bytes; returns null while the stream is acceptable, else the reason to close the connection.</summary>
    public string? Feed(ReadOnlySpan<byte> data)
    {
        var i = 0;
        while (i < data.Length)
        {
            switch (_state)
            {
                case 0:
                    Packets++;
                    if (data[i] >> 4 == 3)
                    {
                        Publishes++;
                    }

                    i++;
                    _state = 1;
                    _lengthBytes = 0;
                    _multiplier = 1;
                    _remaining = 0;
                    break;
                case 1:
                    var b = data[i++];
                    _remaining += (b & 0x7F) * (long)_multiplier;
                    _multiplier *= 128;
                    _lengthBytes++;
                    if ((b & 0x80) != 0)
                    {
                        if (_lengthBytes == 4)
                        {
                            return "malformed packet: remaining length longer than 4 bytes (MQTT 3.1.1 §2.2.3)";
                        }

                        break;
                    }

                    var total = 1 + _lengthBytes + _remaining;
                    if (total > maxPacketBytes)
                    {
                        return $"packet of {total} bytes exceeds max-packet-bytes {maxPacketBytes}";
                    }

                    _state = _remaining == 0 ? 0 : 2;
                    break;
                default:
                    var take = (int)Math.Min(_remaining, data.Length - i);
                    i += take;
                    _remaining -= take;
                    if (_remaining == 0)
                    {
                        _state = 0;
                    }

                    break;
            }
        }

        return null;
    }
}
