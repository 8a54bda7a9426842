using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace Capteur.Broker.Persistence;

/// <summary>
/// The broker's durable state in one SQLite file (broker.db): retained messages, persistent sessions, their subscriptions and
/// their queued QoS 1/2 messages. All writes go through one writer task that commits them in batches (group commit); each
/// write's Task completes only after its batch is committed, so the broker acknowledges a message (PUBACK, PUBREC) only once it
/// is on disk per the <see cref="DurabilityPolicy"/>.
/// </summary>
internal sealed class SqliteBrokerStore : IAsyncDisposable
{
    const int MaxBatch = 1024;

    readonly SqliteConnection _connection;
    readonly Channel<WriteOperation> _operations = Channel.CreateUnbounded<WriteOperation>(new UnboundedChannelOptions { SingleReader = true });
    Task? _writer;

    SqliteBrokerStore(SqliteConnection connection) => _connection = connection;

    /// <summary>Path of the database file.</summary>
    public string DatabasePath { get; private init; } = "";

    /// <summary>Opens (creating if needed) DIRECTORY/broker.db.</summary>
    public static SqliteBrokerStore Open(string directory, DurabilityPolicy durability)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "broker.db");
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        var store = new SqliteBrokerStore(connection) { DatabasePath = path };
        store.Execute("PRAGMA journal_mode=WAL;");
        store.Execute(durability == DurabilityPolicy.Full ? "PRAGMA synchronous=FULL;" : "PRAGMA synchronous=NORMAL;");
        store.Execute(
            """
            CREATE TABLE IF NOT EXISTS retained(topic TEXT PRIMARY KEY, message TEXT NOT NULL, payload BLOB NOT NULL, expires_at INTEGER);
            CREATE TABLE IF NOT EXISTS sessions(client_id TEXT PRIMARY KEY, user_name TEXT, expiry_seconds INTEGER NOT NULL);
            CREATE TABLE IF NOT EXISTS subscriptions(client_id TEXT NOT NULL, topic_filter TEXT NOT NULL, qos INTEGER NOT NULL,
                no_local INTEGER NOT NULL, retain_as_published INTEGER NOT NULL, retain_handling INTEGER NOT NULL,
                PRIMARY KEY(client_id, topic_filter));
            CREATE TABLE IF NOT EXISTS queued(seq INTEGER PRIMARY KEY AUTOINCREMENT, client_id TEXT NOT NULL, topic TEXT NOT NULL,
                message TEXT NOT NULL, payload BLOB NOT NULL, expires_at INTEGER);
            CREATE INDEX IF NOT EXISTS queued_by_client_topic ON queued(client_id, topic, seq);
            """);
        store.AddExpiresAtColumn("retained");
        store.AddExpiresAtColumn("queued");
        return store;
    }

    // Databases written before message expiry was enforced have no expires_at column. Their messages' arrival times are unknown, so an
    // interval counts from this first start, as a session's time away does after a restart.
    void AddExpiresAtColumn(string table)
    {
        using (var command = _connection.CreateCommand())
        {
            command.CommandText = $"SELECT COUNT(*) FROM pragma_table_info('{table}') WHERE name='expires_at'";
            if ((long)command.ExecuteScalar()! > 0)
            {
                return;
            }
        }

        Execute($"ALTER TABLE {table} ADD COLUMN expires_at INTEGER");
        Execute(_connection, $"UPDATE {table} SET expires_at = $now + 1000 * json_extract(message, '$.ExpirySeconds') WHERE json_extract(message, '$.ExpirySeconds') > 0",
            ("$now", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
    }

    /// <summary>
    /// Deletes the retained and queued messages whose MQTT 5 message expiry passed while the broker was down (call before
    /// <see cref="StartWriter"/>); returns how many.
    /// </summary>
    public int DeleteExpired(long nowUnixMs)
    {
        using var transaction = _connection.BeginTransaction();
        var deleted = 0;
        foreach (var table in new[] { "retained", "queued" })
        {
            using var command = _connection.CreateCommand();
            command.CommandText = $"DELETE FROM {table} WHERE expires_at <= $now";
            command.Parameters.AddWithValue("$now", nowUnixMs);
            deleted += command.ExecuteNonQuery();
        }

        transaction.Commit();
        return deleted;
    }

    /// <summary>Reads every retained message (call before <see cref="StartWriter"/>).</summary>
    public List<StoredMessage> LoadRetained()
    {
        var result = new List<StoredMessage>();
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT message, payload, expires_at FROM retained ORDER BY topic";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            result.Add(Decode(reader.GetString(0), (byte[])reader[1], reader.IsDBNull(2) ? null : reader.GetInt64(2)));
        }

        return result;
    }

    /// <summary>Reads every persistent session with its subscriptions and queued messages (call before <see cref="StartWriter"/>).</summary>
    public List<StoredSession> LoadSessions()
    {
        var sessions = new List<(string Id, string? User, uint Expiry)>();
        using (var command = _connection.CreateCommand())
        {
            command.CommandText = "SELECT client_id, user_name, expiry_seconds FROM sessions ORDER BY client_id";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                sessions.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), (uint)reader.GetInt64(2)));
            }
        }

        var subscriptions = new Dictionary<string, List<StoredSubscription>>();
        using (var command = _connection.CreateCommand())
        {
            command.CommandText = "SELECT client_id, topic_filter, qos, no_local, retain_as_published, retain_handling FROM subscriptions";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var list = subscriptions.TryGetValue(reader.GetString(0), out var l) ? l : subscriptions[reader.GetString(0)] = [];
                list.Add(new StoredSubscription(reader.GetString(1), reader.GetInt32(2), reader.GetInt32(3) != 0, reader.GetInt32(4) != 0, reader.GetInt32(5)));
            }
        }

        var queued = new Dictionary<string, List<StoredMessage>>();
        using (var command = _connection.CreateCommand())
        {
            command.CommandText = "SELECT client_id, message, payload, expires_at FROM queued ORDER BY seq";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var list = queued.TryGetValue(reader.GetString(0), out var l) ? l : queued[reader.GetString(0)] = [];
                list.Add(Decode(reader.GetString(1), (byte[])reader[2], reader.IsDBNull(3) ? null : reader.GetInt64(3)));
            }
        }

        return sessions
            .Select(s => new StoredSession(s.Id, s.User, s.Expiry, subscriptions.GetValueOrDefault(s.Id) ?? [], queued.GetValueOrDefault(s.Id) ?? []))
            .ToList();
    }

    /// <summary>Starts the writer task; from now on only the writer touches the connection.</summary>
    public void StartWriter() => _writer = Task.Run(WriteLoopAsync);

    /// <summary>Stores or replaces the retained message of its topic.</summary>
    public Task SetRetainedAsync(StoredMessage message) => Enqueue(c =>
    {
        var (json, payload) = Encode(message);
        Execute(c, "INSERT INTO retained(topic, message, payload, expires_at) VALUES($t, $m, $p, $e) ON CONFLICT(topic) DO UPDATE SET message=$m, payload=$p, expires_at=$e",
            ("$t", message.Topic), ("$m", json), ("$p", payload), ("$e", (object?)message.ExpiresAtUnixMs ?? DBNull.Value));
    });

    /// <summary>Removes the retained message of <paramref name="topic"/>.</summary>
    public Task DeleteRetainedAsync(string topic) => Enqueue(c => Execute(c, "DELETE FROM retained WHERE topic=$t", ("$t", topic)));

    /// <summary>Removes every retained message.</summary>
    public Task ClearRetainedAsync() => Enqueue(c => Execute(c, "DELETE FROM retained"));

    /// <summary>Records a persistent session (its subscriptions and queue are kept).</summary>
    public Task UpsertSessionAsync(string clientId, string? userName, uint expirySeconds) => Enqueue(c => Execute(c,
        "INSERT INTO sessions(client_id, user_name, expiry_seconds) VALUES($c, $u, $e) ON CONFLICT(client_id) DO UPDATE SET user_name=$u, expiry_seconds=$e",
        ("$c", clientId), ("$u", (object?)userName ?? DBNull.Value), ("$e", (long)expirySeconds)));

    /// <summary>Forgets a session with its subscriptions and queued messages.</summary>
    public Task DeleteSessionAsync(string clientId) => Enqueue(c =>
    {
        Execute(c, "DELETE FROM sessions WHERE client_id=$c", ("$c", clientId));
        Execute(c, "DELETE FROM subscriptions WHERE client_id=$c", ("$c", clientId));
        Execute(c, "DELETE FROM queued WHERE client_id=$c", ("$c", clientId));
    });

    /// <summary>Adds or replaces a subscription of a persistent session.</summary>
    public Task UpsertSubscriptionAsync(string clientId, StoredSubscription s) => Enqueue(c => Execute(c,
        """
        INSERT INTO subscriptions(client_id, topic_filter, qos, no_local, retain_as_published, retain_handling) VALUES($c, $f, $q, $n, $r, $h)
        ON CONFLICT(client_id, topic_filter) DO UPDATE SET qos=$q, no_local=$n, retain_as_published=$r, retain_handling=$h
        """,
        ("$c", clientId), ("$f", s.TopicFilter), ("$q", s.QualityOfService), ("$n", s.NoLocal ? 1 : 0), ("$r", s.RetainAsPublished ? 1 : 0), ("$h", s.RetainHandling)));

    /// <summary>Removes a subscription of a persistent session.</summary>
    public Task DeleteSubscriptionAsync(string clientId, string topicFilter) => Enqueue(c => Execute(c,
        "DELETE FROM subscriptions WHERE client_id=$c AND topic_filter=$f", ("$c", clientId), ("$f", topicFilter)));

    /// <summary>Appends a QoS 1/2 message to a persistent session's queue.</summary>
    public Task EnqueueMessageAsync(string clientId, StoredMessage message) => Enqueue(c =>
    {
        var (json, payload) = Encode(message);
        Execute(c, "INSERT INTO queued(client_id, topic, message, payload, expires_at) VALUES($c, $t, $m, $p, $e)",
            ("$c", clientId), ("$t", message.Topic), ("$m", json), ("$p", payload), ("$e", (object?)message.ExpiresAtUnixMs ?? DBNull.Value));
    });

    /// <summary>
    /// Removes the oldest queued message of <paramref name="clientId"/> on <paramref name="topic"/>: the one just acknowledged
    /// (or dropped), since a session delivers the messages of one topic in order.
    /// </summary>
    public Task RemoveOldestQueuedAsync(string clientId, string topic) => Enqueue(c => Execute(c,
        "DELETE FROM queued WHERE seq = (SELECT seq FROM queued WHERE client_id=$c AND topic=$t ORDER BY seq LIMIT 1)", ("$c", clientId), ("$t", topic)));

    /// <summary>Removes the newest queued message of <paramref name="clientId"/> on <paramref name="topic"/> (one refused by a full queue).</summary>
    public Task RemoveNewestQueuedAsync(string clientId, string topic) => Enqueue(c => Execute(c,
        "DELETE FROM queued WHERE seq = (SELECT seq FROM queued WHERE client_id=$c AND topic=$t ORDER BY seq DESC LIMIT 1)", ("$c", clientId), ("$t", topic)));

    /// <summary>
    /// Removes the oldest queued message of <paramref name="clientId"/> on <paramref name="topic"/> that expires at
    /// <paramref name="expiresAtUnixMs"/>: one that expired before it was sent. True when there was one.
    /// </summary>
    public async Task<bool> RemoveExpiredQueuedAsync(string clientId, string topic, long expiresAtUnixMs)
    {
        var removed = false;
        await Enqueue(c =>
        {
            using var command = c.CreateCommand();
            command.CommandText = "DELETE FROM queued WHERE seq = (SELECT seq FROM queued WHERE client_id=$c AND topic=$t AND expires_at=$e ORDER BY seq LIMIT 1)";
            command.Parameters.AddWithValue("$c", clientId);
            command.Parameters.AddWithValue("$t", topic);
            command.Parameters.AddWithValue("$e", expiresAtUnixMs);
            removed = command.ExecuteNonQuery() > 0;
        }).ConfigureAwait(false);
        return removed;
    }

    /// <summary>Counts queued messages (all sessions).</summary>
    public Task<long> CountQueuedAsync()
    {
        long count = 0;
        return Enqueue(c =>
        {
            using var command = c.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM queued";
            count = (long)command.ExecuteScalar()!;
        }).ContinueWith(_ => count, TaskScheduler.Default);
    }

    /// <summary>Completes pending writes, then closes the database.</summary>
    public async ValueTask DisposeAsync()
    {
        _operations.Writer.TryComplete();
        if (_writer != null)
        {
            await _writer.ConfigureAwait(false);
        }

        _connection.Dispose();
    }

    Task Enqueue(Action<SqliteConnection> apply)
    {
        var operation = new WriteOperation(apply);
        if (!_operations.Writer.TryWrite(operation))
        {
            return Task.FromException(new ObjectDisposedException(nameof(SqliteBrokerStore), "the broker store is closed"));
        }

        return operation.Done.Task;
    }

    async Task WriteLoopAsync()
    {
        var batch = new List<WriteOperation>(MaxBatch);
        var reader = _operations.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && reader.TryRead(out var operation))
            {
                batch.Add(operation);
            }

            try
            {
                using var transaction = _connection.BeginTransaction();
                foreach (var operation in batch)
                {
                    try
                    {
                        operation.Apply(_connection);
                    }
                    catch (Exception e)
                    {
                        operation.Error = e;
                    }
                }

                transaction.Commit();
                foreach (var operation in batch)
                {
                    if (operation.Error == null)
                    {
                        operation.Done.TrySetResult();
                    }
                    else
                    {
                        operation.Done.TrySetException(operation.Error);
                    }
                }
            }
            catch (Exception e)
            {
                foreach (var operation in batch)
                {
                    operation.Done.TrySetException(e);
                }
            }
        }
    }

    void Execute(string sql) => Execute(_connection, sql);

    static void Execute(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        command.ExecuteNonQuery();
    }

    static (string Json, byte[] Payload) Encode(StoredMessage m)
    {
        var header = new MessageHeader
        {
            Topic = m.Topic,
            Qos = m.QualityOfService,
            Retain = m.Retain,
            ContentType = m.ContentType,
            ResponseTopic = m.ResponseTopic,
            CorrelationData = m.CorrelationData,
            ExpirySeconds = m.MessageExpirySeconds,
            Utf8 = m.PayloadIsUtf8,
            UserProperties = m.UserProperties?.Select(p => new[] { p.Key, p.Value }).ToArray(),
        };
        return (JsonSerializer.Serialize(header, HeaderJson), m.Payload);
    }

    static StoredMessage Decode(string json, byte[] payload, long? expiresAtUnixMs)
    {
        var h = JsonSerializer.Deserialize<MessageHeader>(json, HeaderJson)!;
        return new StoredMessage(h.Topic, payload, h.Qos, h.Retain, h.ContentType, h.ResponseTopic, h.CorrelationData, h.ExpirySeconds, h.Utf8,
            h.UserProperties?.Select(p => new KeyValuePair<string, string>(p[0], p[1])).ToList(), expiresAtUnixMs);
    }

    static readonly JsonSerializerOptions HeaderJson = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault };

    sealed class MessageHeader
    {
        public string Topic { get; set; } = "";
        public int Qos { get; set; }
        public bool Retain { get; set; }
        public string? ContentType { get; set; }
        public string? ResponseTopic { get; set; }
        public byte[]? CorrelationData { get; set; }
        public uint ExpirySeconds { get; set; }
        public bool Utf8 { get; set; }
        public string[][]? UserProperties { get; set; }
    }

    sealed class WriteOperation(Action<SqliteConnection> apply)
    {
        public Action<SqliteConnection> Apply { get; } = apply;
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public Exception? Error { get; set; }
    }
}
