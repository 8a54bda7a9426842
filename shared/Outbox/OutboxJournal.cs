using System;
using Capteur.Node.Ports;
using Capteur.Node.Storage;

namespace Capteur.Node.Outbox
{
    /// <summary>
    /// Keeps the outbox on flash so that a reboot or a power cut loses at most the readings since the last
    /// checkpoint, and never reuses a sequence number.
    /// <para>
    /// Format (version 1, little-endian), file <c>outbox.bin</c>: a 36-byte header, then records appended as readings
    /// come and go.
    /// Header: magic <c>CPOB</c>, version byte 1, 3 zero bytes, next sequence number (int64) at the time the file was
    /// written, dropped (int64), resent (int64), CRC-32 of the 32 bytes before it.
    /// Records: a type byte, a body, CRC-32 of type and body. <c>R</c> (reading, 22-byte body): seq int64, sensor
    /// byte, flags byte (bits 0..2 decimals, bit 3 time is uptime), time int64 (unix ms or uptime ms), scaled value
    /// int32. <c>A</c> (acknowledged, 8-byte body): seq int64.
    /// A record cut short at the end of the file is what a power cut during an append leaves: it is ignored. Any
    /// other checksum or type mismatch is corruption: the records before it are kept, the file is set aside as
    /// <c>outbox.corrupt</c>, a fresh file is written, and the loss is reported.
    /// </para>
    /// <para>
    /// When readings are batched (a checkpoint interval above 0), a reading may reach the broker before it reaches
    /// flash; so before publishing a sequence number the journal makes sure a ceiling above it is on flash
    /// (<c>outbox.seq</c>, written atomically every <see cref="SeqReserve"/> numbers), and a restart resumes at that
    /// ceiling. With an interval of 0 every reading is appended before it can be sent (acknowledgements follow within
    /// <see cref="AckFlushMs"/>), so no number is skipped;
    /// <c>outbox.seq</c> then only backs up the numbering at each rewrite, for when the outbox file is lost.
    /// </para>
    /// </summary>
    public sealed class OutboxJournal
    {
        /// <summary>File holding the outbox.</summary>
        public const string FileName = "outbox.bin";

        /// <summary>Where a corrupt outbox file is set aside.</summary>
        public const string CorruptFileName = "outbox.corrupt";

        /// <summary>File holding the sequence ceiling.</summary>
        public const string SeqFileName = "outbox.seq";

        private const string TempFileName = FileName + AtomicFile.TempSuffix;
        private const string SeqTempFileName = SeqFileName + AtomicFile.TempSuffix;

        /// <summary>
        /// With a checkpoint interval of 0, acknowledgements still wait this long in RAM (a reading is written at
        /// once): losing them in a power cut only means sending those readings again, and a backlog drains without a
        /// flash write per acknowledgement.
        /// </summary>
        public const long AckFlushMs = 1000;

        /// <summary>Sequence numbers reserved on flash at a time in batched mode.</summary>
        public const int SeqReserve = 64;

        internal const int HeaderLength = 36;
        internal const int ReadingRecordLength = 1 + 22 + 4;
        internal const int AckRecordLength = 1 + 8 + 4;
        private const byte Version = 1;
        private const byte ReadingType = (byte)'R';
        private const byte AckType = (byte)'A';

        private readonly IStorage _storage;
        private readonly ILog _log;
        private readonly long _checkpointMs;
        private readonly byte[] _batch;
        private readonly byte[] _record = new byte[ReadingRecordLength];
        private readonly byte[] _header = new byte[HeaderLength];
        private readonly byte[] _seqFile = new byte[12];
        private int _batchLength;
        private long _lastFlushMs;
        private long _seqCeiling;
        private int _fileLength;

        /// <summary>A journal over <paramref name="storage"/>.</summary>
        /// <param name="storage">Where the files live.</param>
        /// <param name="log">Where problems are reported.</param>
        /// <param name="checkpointS">0: every change is written at once; otherwise changes are batched in RAM and written at most this many seconds apart.</param>
        /// <param name="batchBytes">RAM for batched records (a full batch is written at once) and for rewriting the file in pieces.</param>
        public OutboxJournal(IStorage storage, ILog log, int checkpointS, int batchBytes)
        {
            _storage = storage;
            _log = log;
            _checkpointMs = checkpointS * 1000L;
            // also the chunk buffer of a rewrite, hence at least a few records long
            _batch = new byte[batchBytes > 8 * ReadingRecordLength ? batchBytes : 8 * ReadingRecordLength];
        }

        /// <summary>Bytes of changes in RAM not yet on flash.</summary>
        public int UnsavedBytes
        {
            get { return _batchLength; }
        }

        /// <summary>Size of the outbox file as this journal last wrote it.</summary>
        public int FileLength
        {
            get { return _fileLength; }
        }

        /// <summary>
        /// Reads the outbox back from flash (an empty one when there is none), repairing and reporting what a power
        /// cut or corruption left. Never throws for bad content.
        /// </summary>
        public ReadingOutbox Load(int capacity, int window)
        {
            long ceiling = ReadSeqCeiling();
            byte[] data = AtomicFile.Read(_storage, FileName);
            ReadingOutbox outbox;
            if (data == null)
            {
                outbox = new ReadingOutbox(capacity, window, ceiling);
                _seqCeiling = ceiling;
                Rewrite(outbox);
                return outbox;
            }

            string problem = null;
            long nextSeq = 0;
            outbox = new ReadingOutbox(capacity, window, 0);
            if (data.Length < HeaderLength || data[0] != 'C' || data[1] != 'P' || data[2] != 'O' || data[3] != 'B')
            {
                problem = "it is not an outbox file (no CPOB header)";
            }
            else if (data[4] != Version)
            {
                problem = "its format version is " + data[4].ToString() + ", this firmware reads version " + Version.ToString();
            }
            else if ((uint)LittleEndian.ReadInt32(data, 32) != Crc32.Compute(data, 0, 32))
            {
                problem = "its header checksum does not match";
            }

            int offset = HeaderLength;
            long uptimeBase = long.MinValue;
            if (problem == null)
            {
                nextSeq = LittleEndian.ReadInt64(data, 8);
                outbox.Dropped = LittleEndian.ReadInt64(data, 16);
                outbox.Resent = LittleEndian.ReadInt64(data, 24);
                while (offset < data.Length)
                {
                    int length = data[offset] == ReadingType ? ReadingRecordLength : data[offset] == AckType ? AckRecordLength : 0;
                    if (length == 0)
                    {
                        problem = "unknown record type at byte " + offset.ToString();
                        break;
                    }

                    if (offset + length > data.Length)
                    {
                        _log.Write(LogLevel.Info, "outbox: ignored a record cut short at byte " + offset.ToString() + " (power cut during a write)");
                        break;
                    }

                    if ((uint)LittleEndian.ReadInt32(data, offset + length - 4) != Crc32.Compute(data, offset, length - 4))
                    {
                        if (offset + length == data.Length)
                        {
                            _log.Write(LogLevel.Info, "outbox: ignored a damaged last record at byte " + offset.ToString() + " (power cut during a write)");
                        }
                        else
                        {
                            problem = "checksum mismatch at byte " + offset.ToString();
                        }

                        break;
                    }

                    long seq = LittleEndian.ReadInt64(data, offset + 1);
                    if (data[offset] == ReadingType)
                    {
                        int flags = data[offset + 10];
                        bool isUptime = (flags & 0x08) != 0;
                        long time = LittleEndian.ReadInt64(data, offset + 11);
                        if (isUptime && time > uptimeBase)
                        {
                            uptimeBase = time;
                        }

                        outbox.Restore(seq, data[offset + 9], LittleEndian.ReadInt32(data, offset + 19), flags & 0x07, time, isUptime);
                    }
                    else
                    {
                        outbox.Forget(seq);
                    }

                    offset += length;
                }
            }

            if (uptimeBase != long.MinValue)
            {
                // Boot-relative times of the previous boot: the time since that boot is unknown, so they are taken
                // as just before this boot (relative spacing kept), the latest time they can have been taken.
                outbox.ShiftUptimes(-(uptimeBase + 1));
            }

            outbox.SkipTo(nextSeq);
            if (problem != null)
            {
                // Readings past the corruption are unknown: resume numbering beyond anything they can have used.
                long bound = (data.Length - offset) / AckRecordLength + 1;
                outbox.SkipTo((outbox.NextSeq > nextSeq ? outbox.NextSeq : nextSeq) + bound * SeqReserve);
                _storage.Delete(CorruptFileName);
                _storage.Move(FileName, CorruptFileName);
                _log.Write(LogLevel.Error, "outbox: " + FileName + " is corrupt (" + problem + "); kept " + outbox.Count.ToString()
                    + " readings before it, set the file aside as " + CorruptFileName + ", readings after it are lost");
            }

            outbox.SkipTo(ceiling);
            _seqCeiling = ceiling > outbox.NextSeq ? ceiling : outbox.NextSeq;
            Rewrite(outbox);
            return outbox;
        }

        /// <summary>Records a reading just added to the outbox (in <paramref name="slot"/>).</summary>
        public void Added(ReadingOutbox outbox, int slot, long nowMs)
        {
            int n = 0;
            _record[n++] = ReadingType;
            LittleEndian.WriteInt64(_record, n, outbox.SeqOf(slot));
            n += 8;
            _record[n++] = (byte)outbox.SensorOf(slot);
            _record[n++] = (byte)(outbox.DecimalsOf(slot) | (outbox.IsUptimeAt(slot) ? 0x08 : 0));
            LittleEndian.WriteInt64(_record, n, outbox.TimeOf(slot));
            n += 8;
            LittleEndian.WriteInt32(_record, n, outbox.ScaledValueOf(slot));
            n += 4;
            Seal(n, nowMs, true);
        }

        /// <summary>Records that the reading with <paramref name="seq"/> was acknowledged.</summary>
        public void Acknowledged(long seq, long nowMs)
        {
            _record[0] = AckType;
            LittleEndian.WriteInt64(_record, 1, seq);
            Seal(9, nowMs, false);
        }

        /// <summary>
        /// Call before publishing the reading numbered <paramref name="seq"/>: in batched mode, puts a sequence
        /// ceiling above it on flash first, so no restart can hand its number out again.
        /// </summary>
        public void BeforePublish(long seq)
        {
            if (_checkpointMs > 0 && seq >= _seqCeiling)
            {
                WriteSeqCeiling(seq + SeqReserve);
            }
        }

        /// <summary>
        /// Writes batched changes when the checkpoint interval has passed, and compacts the file when acknowledged
        /// readings make up most of it. Call regularly with the uptime.
        /// </summary>
        public void Tick(ReadingOutbox outbox, long nowMs)
        {
            if (_batchLength > 0 && nowMs - _lastFlushMs >= (_checkpointMs == 0 ? AckFlushMs : _checkpointMs))
            {
                Flush(nowMs);
            }

            if (_batchLength == 0 && _fileLength > HeaderLength + 2 * outbox.Count * ReadingRecordLength + 4096)
            {
                Rewrite(outbox);
            }
        }

        /// <summary>Writes batched changes now (a clean shutdown, a reboot command).</summary>
        public void Flush(long nowMs)
        {
            _lastFlushMs = nowMs;
            if (_batchLength == 0)
            {
                return;
            }

            _storage.Append(FileName, _batch, 0, _batchLength);
            _fileLength += _batchLength;
            _batchLength = 0;
        }

        /// <summary>
        /// A clean stop: writes what is batched and brings the sequence ceiling on flash down to the outbox's next
        /// number (nothing above it was handed out), so the next start goes on without skipping numbers.
        /// </summary>
        public void Close(ReadingOutbox outbox, long nowMs)
        {
            Flush(nowMs);
            if (_seqCeiling != outbox.NextSeq)
            {
                WriteSeqCeiling(outbox.NextSeq);
            }
        }

        /// <summary>
        /// Replaces the file with a fresh one holding exactly what the outbox holds now (changes still in RAM are
        /// part of it). Written in pieces through the batch buffer, so it allocates nothing.
        /// </summary>
        public void Rewrite(ReadingOutbox outbox)
        {
            _header[0] = (byte)'C';
            _header[1] = (byte)'P';
            _header[2] = (byte)'O';
            _header[3] = (byte)'B';
            _header[4] = Version;
            LittleEndian.WriteInt64(_header, 8, outbox.NextSeq);
            LittleEndian.WriteInt64(_header, 16, outbox.Dropped);
            LittleEndian.WriteInt64(_header, 24, outbox.Resent);
            LittleEndian.WriteInt32(_header, 32, (int)Crc32.Compute(_header, 0, 32));
            _storage.Delete(TempFileName);
            _storage.Write(TempFileName, _header);
            int length = HeaderLength;
            int n = 0;
            int span = outbox.Span;
            for (int i = 0; i < span; i++)
            {
                int slot = outbox.SlotAt(i);
                if (!outbox.IsLive(slot))
                {
                    continue;
                }

                if (n + ReadingRecordLength > _batch.Length)
                {
                    _storage.Append(TempFileName, _batch, 0, n);
                    length += n;
                    n = 0;
                }

                _batch[n] = ReadingType;
                LittleEndian.WriteInt64(_batch, n + 1, outbox.SeqOf(slot));
                _batch[n + 9] = (byte)outbox.SensorOf(slot);
                _batch[n + 10] = (byte)(outbox.DecimalsOf(slot) | (outbox.IsUptimeAt(slot) ? 0x08 : 0));
                LittleEndian.WriteInt64(_batch, n + 11, outbox.TimeOf(slot));
                LittleEndian.WriteInt32(_batch, n + 19, outbox.ScaledValueOf(slot));
                LittleEndian.WriteInt32(_batch, n + 23, (int)Crc32.Compute(_batch, n, 23));
                n += ReadingRecordLength;
            }

            if (n > 0)
            {
                _storage.Append(TempFileName, _batch, 0, n);
                length += n;
            }

            AtomicFile.Commit(_storage, FileName, TempFileName);
            _fileLength = length;
            _batchLength = 0;
            // a second copy of the numbering, for when the outbox file itself is lost
            WriteSeqCeiling(_seqCeiling > outbox.NextSeq ? _seqCeiling : outbox.NextSeq);
        }

        private void WriteSeqCeiling(long ceiling)
        {
            _seqCeiling = ceiling;
            LittleEndian.WriteInt64(_seqFile, 0, ceiling);
            LittleEndian.WriteInt32(_seqFile, 8, (int)Crc32.Compute(_seqFile, 0, 8));
            AtomicFile.Write(_storage, SeqFileName, SeqTempFileName, _seqFile);
        }

        private void Seal(int bodyEnd, long nowMs, bool isReading)
        {
            LittleEndian.WriteInt32(_record, bodyEnd, (int)Crc32.Compute(_record, 0, bodyEnd));
            int length = bodyEnd + 4;
            if (_batchLength + length > _batch.Length)
            {
                Flush(nowMs);
            }

            Array.Copy(_record, 0, _batch, _batchLength, length);
            _batchLength += length;
            if (_checkpointMs == 0 && isReading)
            {
                Flush(nowMs);
            }
        }

        private long ReadSeqCeiling()
        {
            byte[] data = AtomicFile.Read(_storage, SeqFileName);
            if (data == null)
            {
                return 1;
            }

            if (data.Length != 12 || (uint)LittleEndian.ReadInt32(data, 8) != Crc32.Compute(data, 0, 8))
            {
                _log.Write(LogLevel.Error, "outbox: " + SeqFileName + " is corrupt; numbering resumes from the outbox file alone");
                return 1;
            }

            return LittleEndian.ReadInt64(data, 0);
        }
    }
}
