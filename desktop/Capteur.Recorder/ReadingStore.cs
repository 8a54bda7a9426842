using Microsoft.Data.Sqlite;

namespace Capteur.Recorder;

/// <summary>
/// Every reading in one SQLite file (WAL), at the node's own time. One writer: <see cref="Add(RecordedReading)"/> inserts into a batch that is
/// committed every <see cref="BatchDelay"/> or <see cref="BatchRows"/> rows (group commit, fsync'ed); readers (<see cref="Query"/>,
/// <see cref="Read"/>, other processes) use their own connections and query while it writes. A reading is a duplicate when its
/// node already has one with the same seq, sensor and time (a resend): dropped. The same seq with another sensor or time (a node
/// whose data folder was wiped counts from 1 again) is stored and reported as <see cref="StoreOutcome.SeqConflict"/>. Plain
/// payloads (no seq) cannot be told apart: each is stored. Readings whose own time is older than the retention are deleted at
/// open and every <see cref="RetentionSweep"/>.
/// </summary>
public sealed class ReadingStore : IDisposable
{
    /// <summary>Schema version this code reads and writes (<c>PRAGMA user_version</c>).</summary>
    public const int SchemaVersion = 1;

    /// <summary><c>PRAGMA application_id</c> of a readings database ("CPTR"), so another application's SQLite file is recognised.</summary>
    public const int ApplicationId = 0x43505452;

    /// <summary>A batch is committed once it holds this many rows.</summary>
    public const int BatchRows = 500;

    /// <summary>A batch is committed at the latest this long after it began.</summary>
    public static readonly TimeSpan BatchDelay = TimeSpan.FromMilliseconds(200);

    /// <summary>Time between two deletions of readings older than the retention.</summary>
    public static readonly TimeSpan RetentionSweep = TimeSpan.FromHours(1);

    private const string Columns = "node, sensor, seq, time_ms, received_ms, value, unit, late";

    private readonly object _gate = new();
    private readonly SqliteConnection? _writer;
    private readonly string _readConnection;
    private readonly TimeProvider _time;
    private readonly TimeSpan _retention;
    private readonly List<Action> _afterCommit = [];
    private readonly ITimer? _commitTimer;
    private readonly ITimer? _retentionTimer;
    private SqliteTransaction? _batch;
    private DateTimeOffset _batchStarted;
    private int _batchRows;
    private bool _disposed;

    private ReadingStore(string path, SqliteConnection? writer, RecorderOptions options)
    {
        Path = path;
        _writer = writer;
        _readConnection = ConnectionString(path, SqliteOpenMode.ReadWrite);
        _time = options.TimeProvider;
        _retention = options.Retention;
        if (writer is not null)
        {
            _commitTimer = _time.CreateTimer(_ => InBackground(CommitIfDue), null, BatchDelay, BatchDelay);
            _retentionTimer = _time.CreateTimer(_ => InBackground(() => DeleteExpired()), null, RetentionSweep, RetentionSweep);
        }
    }

    /// <summary>Called when a commit or retention sweep on the timer fails (disk full, file removed): the exception.</summary>
    public event Action<Exception>? BackgroundFailed;

    /// <summary>Full path of the database file.</summary>
    public string Path { get; }

    /// <summary>
    /// Opens the readings database at <paramref name="path"/> for recording, creating the file (and its folder) when missing,
    /// and deletes readings older than <see cref="RecorderOptions.Retention"/>.
    /// </summary>
    /// <exception cref="ReadingStoreException">The file is not a readings database, is of a newer schema, or cannot be opened.</exception>
    public static ReadingStore Open(string path, RecorderOptions? options = null)
    {
        options ??= new RecorderOptions();
        string full = System.IO.Path.GetFullPath(path);
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ReadingStoreException(full, $"{full}: cannot create its folder ({e.Message}); give a file in a folder you can write to", e);
        }

        SqliteConnection writer = Connect(full, SqliteOpenMode.ReadWriteCreate);
        try
        {
            PrepareSchema(writer, full, create: true);
            Execute(writer, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;");
        }
        catch
        {
            writer.Dispose();
            throw;
        }

        var store = new ReadingStore(full, writer, options);
        store.DeleteExpired();
        return store;
    }

    /// <summary>
    /// Opens an existing readings database only to read it (export), while a recorder may be writing it; nothing is created or
    /// deleted, and <see cref="Add(RecordedReading)"/> is refused.
    /// </summary>
    /// <exception cref="ReadingStoreException">The file is missing, is not a readings database, or is of a newer schema.</exception>
    public static ReadingStore OpenForReading(string path)
    {
        string full = System.IO.Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new ReadingStoreException(full, $"{full} does not exist; record into it first (capteur record --db FILE) or give the file readings were recorded in");
        }

        using (SqliteConnection connection = Connect(full, SqliteOpenMode.ReadWrite))
        {
            PrepareSchema(connection, full, create: false);
        }

        return new ReadingStore(full, null, new RecorderOptions());
    }

    /// <summary>
    /// Adds one reading to the current batch (committed within <see cref="BatchDelay"/>); says whether it was new, a duplicate
    /// (dropped) or a seq conflict (stored). Times are kept to the millisecond.
    /// </summary>
    /// <exception cref="ArgumentException">The value is not a finite number (NaN and infinities cannot be exported).</exception>
    public StoreOutcome Add(RecordedReading reading) => Add(reading, null);

    /// <summary>Readings whose own time is at or after <paramref name="since"/>, at most <paramref name="limit"/>, oldest first (see <see cref="Read"/>).</summary>
    public IReadOnlyList<RecordedReading> Query(DateTimeOffset since, string? topicFilter = null, int limit = 100_000)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return [.. Read(since, topicFilter).Take(limit)];
    }

    /// <summary>
    /// Streams the readings whose own time is at or after <paramref name="since"/>, ordered by time, then node, then seq; with
    /// <paramref name="topicFilter"/> (MQTT filter, <c>+</c> and <c>#</c>) only those whose <c>&lt;node&gt;/&lt;sensor&gt;</c>
    /// matches. Everything added before the call is included (the pending batch is committed first).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="topicFilter"/> is not a valid MQTT topic filter.</exception>
    public IEnumerable<RecordedReading> Read(DateTimeOffset since, string? topicFilter = null)
    {
        if (topicFilter is not null && TopicFilter.Check(topicFilter) is string problem)
        {
            throw new ArgumentException(problem, nameof(topicFilter));
        }

        Flush();
        return ReadCommitted(since.ToUnixTimeMilliseconds(), topicFilter is null or "#" ? null : topicFilter);
    }

    /// <summary>The distinct node/sensor pairs present, ordered by node then sensor.</summary>
    public IReadOnlyList<(string Node, string Sensor)> Series()
    {
        Flush();
        using SqliteConnection connection = Connect(_readConnection);
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "SELECT DISTINCT node, sensor FROM readings ORDER BY node, sensor";
        using SqliteDataReader reader = command.ExecuteReader();
        var series = new List<(string, string)>();
        while (reader.Read())
        {
            series.Add((reader.GetString(0), reader.GetString(1)));
        }

        return series;
    }

    /// <summary>Readings stored (all nodes, all times).</summary>
    public long Count()
    {
        Flush();
        using SqliteConnection connection = Connect(_readConnection);
        return Scalar(connection, "SELECT COUNT(*) FROM readings");
    }

    /// <summary>Commits the pending batch now.</summary>
    public void Flush()
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                Commit();
            }
        }
    }

    /// <summary>Deletes the readings whose own time is older than the retention; returns how many.</summary>
    public int DeleteExpired()
    {
        lock (_gate)
        {
            if (_writer is null || _disposed)
            {
                return 0;
            }

            long cutoff = (_time.GetUtcNow() - _retention).ToUnixTimeMilliseconds();
            using SqliteCommand delete = _writer.CreateCommand();
            delete.Transaction = Batch();
            delete.CommandText = "DELETE FROM readings WHERE time_ms < $cutoff";
            delete.Parameters.AddWithValue("$cutoff", cutoff);
            int deleted = delete.ExecuteNonQuery();
            Commit();
            return deleted;
        }
    }

    /// <summary>Commits the pending batch and closes the file.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _commitTimer?.Dispose();
            _retentionTimer?.Dispose();
            try
            {
                Commit();
            }
            finally
            {
                _writer?.Dispose();
            }
        }
    }

    /// <summary>
    /// <see cref="Add(RecordedReading)"/>, then <paramref name="afterCommit"/> once the batch holding it is committed (also for a
    /// duplicate): the recorder acknowledges the MQTT message there. Callbacks run in order, under the store's lock: quick, and
    /// without calling the store.
    /// </summary>
    internal StoreOutcome Add(RecordedReading reading, Action? afterCommit)
    {
        if (!double.IsFinite(reading.Value))
        {
            throw new ArgumentException($"{reading.Node}/{reading.Sensor}: value {reading.Value} is not a finite number", nameof(reading));
        }

        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_writer is null)
            {
                throw new InvalidOperationException($"{Path} was opened for reading only (OpenForReading)");
            }

            SqliteTransaction batch = Batch();
            StoreOutcome outcome = Insert(batch, reading);
            if (afterCommit is not null)
            {
                _afterCommit.Add(afterCommit);
            }

            if (outcome != StoreOutcome.Duplicate)
            {
                _batchRows++;
            }

            if (_batchRows >= BatchRows || _time.GetUtcNow() - _batchStarted >= BatchDelay)
            {
                Commit();
            }

            return outcome;
        }
    }

    /// <summary>Runs <paramref name="callback"/> after the next commit, or now when nothing waits (keeps acknowledgements in order).</summary>
    internal void AfterCommit(Action callback)
    {
        lock (_gate)
        {
            if (_batch is null)
            {
                callback();
            }
            else
            {
                _afterCommit.Add(callback);
            }
        }
    }

    private static string ConnectionString(string path, SqliteOpenMode mode)
        => new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString();

    private static SqliteConnection Connect(string path, SqliteOpenMode mode)
    {
        try
        {
            return Connect(ConnectionString(path, mode));
        }
        catch (SqliteException e)
        {
            throw new ReadingStoreException(path, $"{path}: cannot open ({e.Message}); give a file in a folder you can write to", e);
        }
    }

    private static SqliteConnection Connect(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        connection.CreateFunction("mqtt_match", (string filter, string topic) => TopicFilter.Matches(filter, topic), isDeterministic: true);
        return connection;
    }

    /// <summary>Checks that the file is a readings database this code can use; creates the schema in an empty file when allowed.</summary>
    private static void PrepareSchema(SqliteConnection connection, string path, bool create)
    {
        long application;
        long version;
        long objects;
        try
        {
            application = Scalar(connection, "PRAGMA application_id");
            version = Scalar(connection, "PRAGMA user_version");
            objects = Scalar(connection, "SELECT COUNT(*) FROM sqlite_master");
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 26 or 11)
        {
            // SQLITE_NOTADB (26), SQLITE_CORRUPT (11)
            throw new ReadingStoreException(path, $"{path} is not a Capteur readings database (not an SQLite file, or a damaged one); give another file, or move this one away to start a new one", e);
        }

        if (objects == 0 && application == 0 && version == 0)
        {
            if (!create)
            {
                throw new ReadingStoreException(path, $"{path} is not a Capteur readings database (an empty SQLite file); give the file readings were recorded in");
            }

            // The indexes: the unique key drops resends; by_time serves Query's order; series serves Series() and per-series reads.
            Execute(connection,
                $"""
                BEGIN;
                CREATE TABLE readings(id INTEGER PRIMARY KEY, node TEXT NOT NULL, sensor TEXT NOT NULL, seq INTEGER,
                    time_ms INTEGER NOT NULL, received_ms INTEGER NOT NULL, value REAL NOT NULL, unit TEXT NOT NULL, late INTEGER NOT NULL);
                CREATE UNIQUE INDEX readings_key ON readings(node, seq, sensor, time_ms);
                CREATE INDEX readings_by_time ON readings(time_ms, node, seq);
                CREATE INDEX readings_series ON readings(node, sensor, time_ms);
                PRAGMA application_id = {ApplicationId};
                PRAGMA user_version = {SchemaVersion};
                COMMIT;
                """);
            return;
        }

        if (application != ApplicationId)
        {
            throw new ReadingStoreException(path, $"{path} is not a Capteur readings database (an SQLite file of another application); give another file, or move this one away to start a new one");
        }

        if (version > SchemaVersion)
        {
            throw new ReadingStoreException(path, $"{path} is a readings database of schema version {version}, newer than this capteur reads (version {SchemaVersion}); update capteur (dotnet tool update -g Capteur.Cli) or give another file");
        }
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private IEnumerable<RecordedReading> ReadCommitted(long sinceMs, string? filter)
    {
        using SqliteConnection connection = Connect(_readConnection);
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM readings WHERE time_ms >= $since"
            + (filter is null ? "" : " AND mqtt_match($filter, node || '/' || sensor)")
            + " ORDER BY time_ms, node, seq, sensor, id";
        command.Parameters.AddWithValue("$since", sinceMs);
        if (filter is not null)
        {
            command.Parameters.AddWithValue("$filter", filter);
        }

        using SqliteDataReader reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return new RecordedReading(
                reader.GetString(0),
                reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetInt64(2),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)),
                reader.GetDouble(5),
                reader.GetString(6),
                reader.GetInt64(7) != 0);
        }
    }

    private SqliteTransaction Batch()
    {
        if (_batch is null)
        {
            _batch = _writer!.BeginTransaction();
            _batchStarted = _time.GetUtcNow();
            _batchRows = 0;
        }

        return _batch;
    }

    private StoreOutcome Insert(SqliteTransaction batch, RecordedReading reading)
    {
        using SqliteCommand insert = _writer!.CreateCommand();
        insert.Transaction = batch;
        insert.CommandText = $"INSERT INTO readings({Columns}) VALUES($node, $sensor, $seq, $time, $received, $value, $unit, $late) ON CONFLICT(node, seq, sensor, time_ms) DO NOTHING";
        insert.Parameters.AddWithValue("$node", reading.Node);
        insert.Parameters.AddWithValue("$sensor", reading.Sensor);
        insert.Parameters.AddWithValue("$seq", (object?)reading.Seq ?? DBNull.Value);
        insert.Parameters.AddWithValue("$time", reading.Time.ToUnixTimeMilliseconds());
        insert.Parameters.AddWithValue("$received", reading.ReceivedAt.ToUnixTimeMilliseconds());
        insert.Parameters.AddWithValue("$value", reading.Value);
        insert.Parameters.AddWithValue("$unit", reading.Unit);
        insert.Parameters.AddWithValue("$late", reading.Late ? 1 : 0);
        if (insert.ExecuteNonQuery() == 0)
        {
            return StoreOutcome.Duplicate;
        }

        if (reading.Seq is not long seq)
        {
            return StoreOutcome.Stored;
        }

        using SqliteCommand same = _writer.CreateCommand();
        same.Transaction = batch;
        same.CommandText = "SELECT COUNT(*) FROM readings WHERE node = $node AND seq = $seq";
        same.Parameters.AddWithValue("$node", reading.Node);
        same.Parameters.AddWithValue("$seq", seq);
        return (long)same.ExecuteScalar()! > 1 ? StoreOutcome.SeqConflict : StoreOutcome.Stored;
    }

    private void Commit()
    {
        if (_batch is null)
        {
            return;
        }

        try
        {
            _batch.Commit();
            foreach (Action callback in _afterCommit)
            {
                callback();
            }
        }
        finally
        {
            // after a failed commit the batch is rolled back and its messages stay unacknowledged: the broker delivers them again
            _batch.Dispose();
            _batch = null;
            _afterCommit.Clear();
        }
    }

    private void CommitIfDue()
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                Commit();
            }
        }
    }

    private void InBackground(Action work)
    {
        try
        {
            work();
        }
        catch (Exception e) when (e is SqliteException or IOException or InvalidOperationException)
        {
            BackgroundFailed?.Invoke(e);
        }
    }
}
