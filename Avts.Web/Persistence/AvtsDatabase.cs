using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Avts.Web.Persistence;

/// <summary>
/// The storage in front of streams, history, alerts, QA jobs and benchmark runs, over plain ADO.NET (parameters named
/// <c>@x</c>): SQLite (single machine) or PostgreSQL (cluster), chosen by <see cref="IDatabaseDialect"/>. The schema uses
/// portable types (BIGINT Unix milliseconds for times, INTEGER 0/1 for flags, DOUBLE PRECISION, TEXT), no
/// autoincrement and <c>INSERT … ON CONFLICT DO NOTHING</c> (both engines), so the stores share one SQL text.
/// For SQLite the file is switched to WAL once, so every committed batch survives a kill -9 of the host.
/// </summary>
public sealed class AvtsDatabase : IDisposable
{
    private static readonly string[] Schema =
    [
        "CREATE TABLE IF NOT EXISTS streams (name VARCHAR(64) PRIMARY KEY, location TEXT NOT NULL, loop INTEGER NOT NULL, real_time INTEGER NOT NULL, inject_delay TEXT NULL, transport VARCHAR(8) NOT NULL, paused INTEGER NOT NULL, added_at BIGINT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS windows (stream VARCHAR(64) NOT NULL, t_start DOUBLE PRECISION NOT NULL, t_end DOUBLE PRECISION NOT NULL, audio_delay_ms DOUBLE PRECISION NULL, raw_delay_ms DOUBLE PRECISION NULL, confidence DOUBLE PRECISION NOT NULL, state VARCHAR(16) NOT NULL, drift DOUBLE PRECISION NULL, alert INTEGER NOT NULL, latency_ms DOUBLE PRECISION NOT NULL, recorded_at BIGINT NOT NULL)",
        "CREATE INDEX IF NOT EXISTS ix_windows_stream_time ON windows (stream, recorded_at)",
        "CREATE INDEX IF NOT EXISTS ix_windows_time ON windows (recorded_at)",
        // A window's identity: a retried batch (database restarting, node moving) never stores it twice.
        "CREATE UNIQUE INDEX IF NOT EXISTS ux_windows_identity ON windows (stream, recorded_at, t_start)",
        "CREATE TABLE IF NOT EXISTS alerts (stream VARCHAR(64) NOT NULL, raised_at BIGINT NOT NULL, cleared_at BIGINT NULL, peak_delay_ms DOUBLE PRECISION NULL, clear_reason VARCHAR(16) NULL, PRIMARY KEY (stream, raised_at))",
        "CREATE TABLE IF NOT EXISTS benchmark_runs (id VARCHAR(64) PRIMARY KEY, kind VARCHAR(32) NOT NULL, recorded_at BIGINT NOT NULL, json TEXT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS qa_jobs (id VARCHAR(32) PRIMARY KEY, source VARCHAR(8) NOT NULL, name TEXT NOT NULL, input_path TEXT NOT NULL, state VARCHAR(16) NOT NULL, percent DOUBLE PRECISION NULL, error TEXT NULL, created_at BIGINT NOT NULL, started_at BIGINT NULL, finished_at BIGINT NULL, audio_delay_ms DOUBLE PRECISION NULL, confidence DOUBLE PRECISION NULL, verdict VARCHAR(16) NULL, fixed_path TEXT NULL, report_json TEXT NULL, report_csv TEXT NULL)",
        "CREATE INDEX IF NOT EXISTS ix_qa_jobs_created ON qa_jobs (created_at)",
    ];

    private readonly IDatabaseDialect dialect;
    private readonly string connectionString;
    private readonly Lock gate = new();
    private Task? created;

    /// <summary>A database of <paramref name="dialect"/>'s engine reached with <paramref name="connectionString"/>.</summary>
    public AvtsDatabase(IDatabaseDialect dialect, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        this.dialect = dialect;
        this.connectionString = connectionString;
    }

    /// <summary>The engine-specific statements.</summary>
    public IDatabaseDialect Dialect => dialect;

    /// <summary>
    /// Creates the tables (once per process; idempotent on the database). A failed attempt (the server not up yet) is
    /// forgotten, so the next call tries again instead of failing for the life of the process.
    /// </summary>
    private Task EnsureCreatedAsync()
    {
        lock (gate)
        {
            if (created is null || created.IsFaulted || created.IsCanceled)
            {
                created = CreateAsync();
            }

            return created;
        }
    }

    /// <summary>Opens a connection (callers dispose it); for SQLite with synchronous=NORMAL, safe under WAL.</summary>
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = dialect.Factory.CreateConnection() ?? throw new InvalidOperationException("the provider made no connection");
        connection.ConnectionString = connectionString;
        try
        {
            await connection.OpenAsync(cancellationToken);
            foreach (var statement in dialect.ConnectionSetup)
            {
                await RunAsync(connection, statement, cancellationToken);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// A connection to the created database (tables made first, once per process): what every store opens. A probe of
    /// the server alone uses <see cref="OpenAsync"/>.
    /// </summary>
    public async Task<DbConnection> OpenCreatedAsync(CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync();
        return await OpenAsync(cancellationToken);
    }

    /// <summary>Runs one statement that returns no rows on a connection of its own; returns the rows it changed.</summary>
    public async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await OpenCreatedAsync(cancellationToken);
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The first column of the first row of <paramref name="sql"/>, or null (no row, or SQL NULL).</summary>
    public async Task<object?> ScalarAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await OpenCreatedAsync(cancellationToken);
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteScalarAsync(cancellationToken) is { } value and not DBNull ? value : null;
    }

    /// <summary>Every row of <paramref name="sql"/>, each made by <paramref name="read"/> from the reader on it.</summary>
    public async Task<IReadOnlyList<T>> QueryAsync<T>(
        string sql, Func<DbDataReader, T> read, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(read);
        await using var connection = await OpenCreatedAsync(cancellationToken);
        await using var command = Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    /// <summary>A command on <paramref name="connection"/> with <paramref name="sql"/> and parameters (name, value) in order.</summary>
    public static DbCommand Command(DbConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var command = connection.CreateCommand();
#pragma warning disable CA2100 // Every caller passes a constant; values always travel as parameters.
        command.CommandText = sql;
#pragma warning restore CA2100
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    /// <summary>Releases pooled SQLite connections so the file can be moved or deleted after the host stops.</summary>
    public void Dispose()
    {
        if (dialect is SqliteDialect)
        {
            using var connection = new SqliteConnection(connectionString);
            SqliteConnection.ClearPool(connection);
        }
    }

    private static async Task RunAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task CreateAsync()
    {
        await using var connection = await OpenAsync(CancellationToken.None);
        // SQLite: persistent on the file, readers never block the writer and a committed batch survives a crash.
        foreach (var statement in dialect.DatabaseSetup)
        {
            await RunAsync(connection, statement, CancellationToken.None);
        }

        if (dialect.SchemaLock.Length > 0)
        {
            await RunAsync(connection, dialect.SchemaLock, CancellationToken.None);
        }

        try
        {
            foreach (var statement in Schema)
            {
                await RunAsync(connection, statement, CancellationToken.None);
            }

            await UpgradeAsync(connection);
        }
        finally
        {
            if (dialect.SchemaUnlock.Length > 0)
            {
                await RunAsync(connection, dialect.SchemaUnlock, CancellationToken.None);
            }
        }
    }

    private async Task UpgradeAsync(DbConnection connection)
    {
        // Databases made before alerts had a clear reason gain the column (NULL for what they cleared); QA jobs gained
        // the node that accepted them (NULL: a single-machine host).
        await AddColumnAsync(connection, "alerts", "clear_reason", "VARCHAR(16) NULL");
        await AddColumnAsync(connection, "qa_jobs", "node", "VARCHAR(64) NULL");
    }

    private async Task AddColumnAsync(DbConnection connection, string table, string column, string type)
    {
        if (dialect.AddColumnIfMissing.Length > 0)
        {
            // Several nodes may start at once: IF NOT EXISTS makes the race harmless.
            await RunAsync(
                connection, string.Format(System.Globalization.CultureInfo.InvariantCulture, dialect.AddColumnIfMissing, table, column, type), CancellationToken.None);
        }
        else if (!await HasColumnAsync(connection, table, column))
        {
#pragma warning disable CA2100 // Every name is a constant of this class.
            await RunAsync(connection, $"ALTER TABLE {table} ADD COLUMN {column} {type}", CancellationToken.None);
#pragma warning restore CA2100
        }
    }

    private static async Task<bool> HasColumnAsync(DbConnection connection, string table, string column)
    {
        try
        {
#pragma warning disable CA2100 // Both names are constants of this class.
            await RunAsync(connection, $"SELECT {column} FROM {table} WHERE 1 = 0", CancellationToken.None);
#pragma warning restore CA2100
            return true;
        }
        catch (DbException)
        {
            return false;
        }
    }
}
