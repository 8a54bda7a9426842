using System;

namespace Capteur.Node.Outbox
{
    /// <summary>
    /// The node's queue of readings not yet acknowledged by the broker: bounded, in sequence order, 14 bytes of RAM
    /// per reading and no allocation once constructed.
    /// <para>
    /// Every reading gets the next per-node sequence number. Readings are handed out for sending oldest first, at
    /// most <see cref="Window"/> in flight; a reading leaves only when its message id is acknowledged. A failed
    /// publish or a lost connection puts in-flight readings back to pending, to be sent again with the same sequence
    /// number. When the queue is full the oldest reading is dropped and counted in <see cref="Dropped"/>.
    /// </para>
    /// <para>
    /// Storage is a ring of parallel arrays. A reading's sequence number is not stored: it is the oldest slot's number
    /// plus the distance from it, since readings enter in sequence order and leave only from the oldest end (an
    /// acknowledged reading in the middle stays as a hole until the oldest end passes it).
    /// </para>
    /// </summary>
    public sealed class ReadingOutbox
    {
        /// <summary>Slot state: waiting to be sent.</summary>
        internal const byte Pending = 0;

        /// <summary>Slot state: published, waiting for its acknowledgement.</summary>
        internal const byte InFlightState = 1;

        /// <summary>Slot state: acknowledged; a hole until the oldest end passes it.</summary>
        internal const byte Acknowledged = 2;

        private const int StateMask = 0x03;
        private const int UptimeFlag = 0x04;
        private const int SentFlag = 0x08;
        private const int DecimalsShift = 4;

        private readonly int[] _scaledValue;
        private readonly long[] _timeMs;
        private readonly byte[] _sensor;
        private readonly byte[] _flags;

        private readonly int[] _flightMessageId;
        private readonly int[] _flightSlot;
        private readonly long[] _flightSinceMs;

        private int _head;
        private int _used;
        private long _headSeq;

        // One pending jump in the numbering (after a restart resumes at a reserved number while older readings are
        // still queued): slots from _jumpAt places after the oldest on are numbered _jumpBy higher. -1: none.
        private int _jumpAt = -1;
        private long _jumpBy;
        private int _pendingStamps;

        /// <summary>An empty outbox.</summary>
        /// <param name="capacity">Readings held at most (the oldest is dropped beyond it).</param>
        /// <param name="window">Readings in flight at most (published, not yet acknowledged).</param>
        /// <param name="firstSeq">Sequence number of the first reading added.</param>
        public ReadingOutbox(int capacity, int window, long firstSeq)
        {
            if (capacity < 1)
            {
                throw new ArgumentOutOfRangeException("capacity");
            }

            if (window < 1)
            {
                throw new ArgumentOutOfRangeException("window");
            }

            _scaledValue = new int[capacity];
            _timeMs = new long[capacity];
            _sensor = new byte[capacity];
            _flags = new byte[capacity];
            _flightMessageId = new int[window];
            _flightSlot = new int[window];
            _flightSinceMs = new long[window];
            for (int i = 0; i < window; i++)
            {
                _flightSlot[i] = -1;
            }

            _headSeq = firstSeq;
        }

        /// <summary>Readings held at most.</summary>
        public int Capacity
        {
            get { return _scaledValue.Length; }
        }

        /// <summary>Readings in flight at most.</summary>
        public int Window
        {
            get { return _flightSlot.Length; }
        }

        /// <summary>Readings held: pending and in flight (acknowledged holes excluded).</summary>
        public int Count { get; private set; }

        /// <summary>Readings published and not yet acknowledged.</summary>
        public int InFlight { get; private set; }

        /// <summary>Sequence number the next reading will get.</summary>
        public long NextSeq
        {
            get { return _headSeq + _used + (_jumpAt >= 0 ? _jumpBy : 0); }
        }

        /// <summary>Readings dropped because the outbox was full, since the counter began.</summary>
        public long Dropped { get; set; }

        /// <summary>Readings published again after a failure or a connection loss, since the counter began.</summary>
        public long Resent { get; set; }

        /// <summary>Readings acknowledged by the broker, since this outbox was created.</summary>
        public long AcknowledgedCount { get; private set; }

        /// <summary>Readings whose time is still boot-relative (taken before the wall clock was known).</summary>
        public int UnstampedCount
        {
            get { return _pendingStamps; }
        }

        /// <summary>
        /// Queues a reading and returns its sequence number. When the outbox is full the oldest reading is dropped
        /// first (and counted), even if it is in flight.
        /// </summary>
        /// <param name="sensor">Index of the sensor (0..255).</param>
        /// <param name="scaledValue">The value times 10^<paramref name="decimals"/>, rounded.</param>
        /// <param name="decimals">Digits after the point (0..7).</param>
        /// <param name="timeMs">Unix milliseconds, or milliseconds since boot when <paramref name="isUptime"/>.</param>
        /// <param name="isUptime">True when the wall clock was not known yet.</param>
        public long Add(int sensor, int scaledValue, int decimals, long timeMs, bool isUptime)
        {
            if (_used == Capacity)
            {
                DropOldest();
            }

            int slot = (_head + _used) % Capacity;
            _scaledValue[slot] = scaledValue;
            _timeMs[slot] = timeMs;
            _sensor[slot] = (byte)sensor;
            _flags[slot] = (byte)(Pending | (isUptime ? UptimeFlag : 0) | ((decimals & 0x07) << DecimalsShift));
            if (isUptime)
            {
                _pendingStamps++;
            }

            _used++;
            Count++;
            return SeqOf(slot);
        }

        /// <summary>
        /// Restores a reading read back from flash with the sequence number it had; sequence numbers must come in
        /// increasing order, and any skipped number becomes an acknowledged hole. Returns false when the reading is
        /// older than what the outbox holds.
        /// </summary>
        internal bool Restore(long seq, int sensor, int scaledValue, int decimals, long timeMs, bool isUptime)
        {
            if (seq < NextSeq)
            {
                return false;
            }

            if (Count == 0)
            {
                Reset(seq);
            }

            while (NextSeq < seq)
            {
                // a reading acknowledged out of order before the file was written: an acknowledged hole, as it was
                AddHole();
            }

            Add(sensor, scaledValue, decimals, timeMs, isUptime);
            return true;
        }

        /// <summary>Removes the reading numbered <paramref name="seq"/> as acknowledged (replaying a journal).</summary>
        internal void Forget(long seq)
        {
            long index = seq - _headSeq;
            if (_jumpAt >= 0 && index >= _jumpAt)
            {
                index -= _jumpBy;
                if (index < _jumpAt)
                {
                    return;
                }
            }

            if (index < 0 || index >= _used)
            {
                return;
            }

            int slot = SlotAt((int)index);
            if ((_flags[slot] & StateMask) == Acknowledged)
            {
                return;
            }

            if ((_flags[slot] & UptimeFlag) != 0)
            {
                _pendingStamps--;
            }

            Count--;
            _flags[slot] = Acknowledged;
            TrimAcknowledged();
        }

        /// <summary>Adds <paramref name="deltaMs"/> to every boot-relative time (readings of an earlier boot).</summary>
        internal void ShiftUptimes(long deltaMs)
        {
            for (int i = 0; i < _used; i++)
            {
                int slot = SlotAt(i);
                if ((_flags[slot] & UptimeFlag) != 0 && (_flags[slot] & StateMask) != Acknowledged)
                {
                    _timeMs[slot] += deltaMs;
                }
            }
        }

        /// <summary>Moves the next sequence number forward (never back), e.g. to a number reserved on flash.</summary>
        internal void SkipTo(long nextSeq)
        {
            if (nextSeq <= NextSeq)
            {
                return;
            }

            if (Count == 0)
            {
                Reset(nextSeq);
            }
            else if (_jumpAt < 0 || _jumpAt == _used)
            {
                _jumpBy += nextSeq - NextSeq;
                _jumpAt = _used;
            }
            else
            {
                while (NextSeq < nextSeq)
                {
                    AddHole();
                }
            }
        }

        private void Reset(long firstSeq)
        {
            _head = 0;
            _used = 0;
            _headSeq = firstSeq;
            _jumpAt = -1;
            _jumpBy = 0;
        }

        private void AddHole()
        {
            if (_used == Capacity)
            {
                DropOldest();
            }

            _flags[(_head + _used) % Capacity] = Acknowledged;
            _used++;
        }

        /// <summary>
        /// The oldest pending reading that may be sent now, or -1: none pending, the window is full, or the only
        /// pending readings still have a boot-relative time (they are sent once <see cref="Restamp"/> ran).
        /// </summary>
        public int NextToSend()
        {
            if (InFlight >= Window)
            {
                return -1;
            }

            for (int i = 0; i < _used; i++)
            {
                int slot = (_head + i) % Capacity;
                int flags = _flags[slot];
                if ((flags & StateMask) == Pending && (flags & UptimeFlag) == 0)
                {
                    return slot;
                }
            }

            return -1;
        }

        /// <summary>
        /// Takes a window place for the reading in <paramref name="slot"/> just before it is published, so the
        /// publish itself can run outside the caller's lock; <see cref="CompleteSend"/> then gives its message id.
        /// A reading published before counts in <see cref="Resent"/>.
        /// </summary>
        public void BeginSend(int slot, long nowMs)
        {
            for (int i = 0; i < Window; i++)
            {
                if (_flightSlot[i] < 0)
                {
                    if ((_flags[slot] & SentFlag) != 0)
                    {
                        Resent++;
                    }

                    _flightSlot[i] = slot;
                    _flightMessageId[i] = 0;
                    _flightSinceMs[i] = nowMs;
                    _flags[slot] = (byte)((_flags[slot] & ~StateMask) | InFlightState);
                    InFlight++;
                    return;
                }
            }

            throw new InvalidOperationException("outbox window is full");
        }

        /// <summary>
        /// The publish of the reading numbered <paramref name="seq"/> returned <paramref name="messageId"/>: a
        /// negative id means it never left, and the reading goes back to pending. Returns false when the reading was
        /// dropped (outbox full) while it was being published.
        /// </summary>
        public bool CompleteSend(long seq, int messageId)
        {
            for (int i = 0; i < Window; i++)
            {
                int slot = _flightSlot[i];
                if (slot >= 0 && _flightMessageId[i] == 0 && SeqOf(slot) == seq)
                {
                    if (messageId < 0)
                    {
                        ReleaseFlight(i);
                    }
                    else
                    {
                        _flightMessageId[i] = messageId;
                    }

                    return true;
                }
            }

            return false;
        }

        /// <summary><see cref="BeginSend"/> and <see cref="CompleteSend"/> at once, for a caller that holds no lock.</summary>
        public void MarkSent(int slot, int messageId)
        {
            BeginSend(slot, 0);
            CompleteSend(SeqOf(slot), messageId);
        }

        /// <summary>
        /// The broker acknowledged <paramref name="messageId"/>: the reading leaves the outbox. Returns its sequence
        /// number, or -1 for an id the outbox does not know (a late acknowledgement of a dropped reading).
        /// </summary>
        public long Acknowledge(int messageId)
        {
            int i = FindFlight(messageId);
            if (i < 0)
            {
                return -1;
            }

            int slot = _flightSlot[i];
            long seq = SeqOf(slot);
            _flightSlot[i] = -1;
            InFlight--;
            Count--;
            AcknowledgedCount++;
            _flags[slot] = Acknowledged;
            TrimAcknowledged();
            return seq;
        }

        /// <summary>
        /// The link gave up on <paramref name="messageId"/>: the reading goes back to pending. False for an id the
        /// outbox does not know.
        /// </summary>
        public bool Fail(int messageId)
        {
            int i = FindFlight(messageId);
            if (i < 0)
            {
                return false;
            }

            ReleaseFlight(i);
            return true;
        }

        /// <summary>
        /// Readings in flight for <paramref name="timeoutMs"/> or more without an answer (an acknowledgement lost
        /// without the link noticing) go back to pending. Returns how many.
        /// </summary>
        public int ExpireInFlight(long nowMs, long timeoutMs)
        {
            int expired = 0;
            for (int i = 0; i < Window; i++)
            {
                if (_flightSlot[i] >= 0 && _flightMessageId[i] != 0 && nowMs - _flightSinceMs[i] >= timeoutMs)
                {
                    ReleaseFlight(i);
                    expired++;
                }
            }

            return expired;
        }

        /// <summary>The connection was lost: every reading in flight goes back to pending.</summary>
        public void ConnectionLost()
        {
            for (int i = 0; i < Window; i++)
            {
                if (_flightSlot[i] >= 0)
                {
                    ReleaseFlight(i);
                }
            }
        }

        /// <summary>
        /// The wall clock became known: readings with a boot-relative time get <c>uptime + offset</c>.
        /// Returns how many readings were stamped.
        /// </summary>
        /// <param name="wallMinusUptimeMs">Unix milliseconds at boot (wall clock now minus uptime now).</param>
        public int Restamp(long wallMinusUptimeMs)
        {
            if (_pendingStamps == 0)
            {
                return 0;
            }

            int stamped = 0;
            for (int i = 0; i < _used; i++)
            {
                int slot = (_head + i) % Capacity;
                if ((_flags[slot] & UptimeFlag) != 0 && (_flags[slot] & StateMask) != Acknowledged)
                {
                    _timeMs[slot] += wallMinusUptimeMs;
                    _flags[slot] = (byte)(_flags[slot] & ~UptimeFlag);
                    stamped++;
                }
            }

            _pendingStamps = 0;
            return stamped;
        }

        /// <summary>Sequence number of the reading in <paramref name="slot"/>.</summary>
        public long SeqOf(int slot)
        {
            int index = (slot - _head + Capacity) % Capacity;
            return _headSeq + index + (_jumpAt >= 0 && index >= _jumpAt ? _jumpBy : 0);
        }

        /// <summary>Sensor index of the reading in <paramref name="slot"/>.</summary>
        public int SensorOf(int slot)
        {
            return _sensor[slot];
        }

        /// <summary>Value of the reading in <paramref name="slot"/>, times 10^<see cref="DecimalsOf"/>.</summary>
        public int ScaledValueOf(int slot)
        {
            return _scaledValue[slot];
        }

        /// <summary>Digits after the point of the reading in <paramref name="slot"/>.</summary>
        public int DecimalsOf(int slot)
        {
            return (_flags[slot] >> DecimalsShift) & 0x07;
        }

        /// <summary>Time of the reading in <paramref name="slot"/> (unix ms, or uptime ms when <see cref="IsUptimeAt"/>).</summary>
        public long TimeOf(int slot)
        {
            return _timeMs[slot];
        }

        /// <summary>True when the time of the reading in <paramref name="slot"/> is still boot-relative.</summary>
        public bool IsUptimeAt(int slot)
        {
            return (_flags[slot] & UptimeFlag) != 0;
        }

        /// <summary>Number of slots from the oldest held to the newest, holes included (for iteration with <see cref="SlotAt"/>).</summary>
        internal int Span
        {
            get { return _used; }
        }

        /// <summary>The slot <paramref name="index"/> places after the oldest.</summary>
        internal int SlotAt(int index)
        {
            return (_head + index) % Capacity;
        }

        /// <summary>True when the slot holds a reading not yet acknowledged.</summary>
        internal bool IsLive(int slot)
        {
            return (_flags[slot] & StateMask) != Acknowledged;
        }

        private int FindFlight(int messageId)
        {
            for (int i = 0; i < Window; i++)
            {
                if (messageId > 0 && _flightSlot[i] >= 0 && _flightMessageId[i] == messageId)
                {
                    return i;
                }
            }

            return -1;
        }

        private void ReleaseFlight(int i)
        {
            int slot = _flightSlot[i];
            _flightSlot[i] = -1;
            InFlight--;
            // back to pending, remembering it was sent once, so the next send counts as a resend
            _flags[slot] = (byte)((_flags[slot] & ~StateMask) | Pending | SentFlag);
        }

        private void DropOldest()
        {
            int slot = _head;
            if ((_flags[slot] & StateMask) != Acknowledged)
            {
                for (int i = 0; i < Window; i++)
                {
                    if (_flightSlot[i] == slot)
                    {
                        _flightSlot[i] = -1;
                        InFlight--;
                    }
                }

                if ((_flags[slot] & UptimeFlag) != 0)
                {
                    _pendingStamps--;
                }

                Count--;
                Dropped++;
            }

            _flags[slot] = Acknowledged;
            TrimAcknowledged();
        }

        private void TrimAcknowledged()
        {
            while (_used > 0 && (_flags[_head] & StateMask) == Acknowledged)
            {
                _head = (_head + 1) % Capacity;
                _headSeq++;
                _used--;
                if (_jumpAt > 0 && --_jumpAt == 0)
                {
                    _headSeq += _jumpBy;
                    _jumpAt = -1;
                    _jumpBy = 0;
                }
            }

        }
    }
}
