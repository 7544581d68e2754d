using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Avts.Web.Persistence;

/// <summary>
/// The history database over plain ADO.NET (<see cref="DbProviderFactory"/>, parameters named <c>@x</c>), so another
/// provider (e.g. Npgsql for PostgreSQL) only needs its factory and connection string: the schema uses portable types
/// (BIGINT Unix milliseconds for times, INTEGER 0/1 for flags, DOUBLE PRECISION, TEXT) and no autoincrement.
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
        "CREATE TABLE IF NOT EXISTS alerts (stream VARCHAR(64) NOT NULL, raised_at BIGINT NOT NULL, cleared_at BIGINT NULL, peak_delay_ms DOUBLE PRECISION NULL, clear_reason VARCHAR(16) NULL, PRIMARY KEY (stream, raised_at))",
        "CREATE TABLE IF NOT EXISTS benchmark_runs (id VARCHAR(64) PRIMARY KEY, kind VARCHAR(32) NOT NULL, recorded_at BIGINT NOT NULL, json TEXT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS qa_jobs (id VARCHAR(32) PRIMARY KEY, source VARCHAR(8) NOT NULL, name TEXT NOT NULL, input_path TEXT NOT NULL, state VARCHAR(16) NOT NULL, percent DOUBLE PRECISION NULL, error TEXT NULL, created_at BIGINT NOT NULL, started_at BIGINT NULL, finished_at BIGINT NULL, audio_delay_ms DOUBLE PRECISION NULL, confidence DOUBLE PRECISION NULL, verdict VARCHAR(16) NULL, fixed_path TEXT NULL, report_json TEXT NULL, report_csv TEXT NULL)",
        "CREATE INDEX IF NOT EXISTS ix_qa_jobs_created ON qa_jobs (created_at)",
    ];

    private readonly DbProviderFactory factory;
    private readonly string connectionString;
    private readonly Lazy<Task> created;

    /// <summary>A database reached through <paramref name="factory"/> with <paramref name="connectionString"/>.</summary>
    public AvtsDatabase(DbProviderFactory factory, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        this.factory = factory;
        this.connectionString = connectionString;
        created = new Lazy<Task>(CreateAsync, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Creates the tables (once per process; idempotent on the database).</summary>
    public Task EnsureCreatedAsync() => created.Value;

    /// <summary>Opens a connection (callers dispose it); for SQLite with synchronous=NORMAL, safe under WAL.</summary>
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = factory.CreateConnection() ?? throw new InvalidOperationException("the provider made no connection");
        connection.ConnectionString = connectionString;
        try
        {
            await connection.OpenAsync(cancellationToken);
            if (connection is SqliteConnection)
            {
                await ExecuteAsync(connection, "PRAGMA synchronous=NORMAL", cancellationToken);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
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
        if (factory is SqliteFactory)
        {
            using var connection = new SqliteConnection(connectionString);
            SqliteConnection.ClearPool(connection);
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task CreateAsync()
    {
        await using var connection = await OpenAsync(CancellationToken.None);
        if (connection is SqliteConnection)
        {
            // Persistent on the file: readers never block the writer and a committed batch survives a crash.
            await ExecuteAsync(connection, "PRAGMA journal_mode=WAL", CancellationToken.None);
        }

        foreach (var statement in Schema)
        {
            await ExecuteAsync(connection, statement, CancellationToken.None);
        }

        // Databases made before alerts had a clear reason gain the column (NULL for what they cleared).
        if (!await HasColumnAsync(connection, "alerts", "clear_reason"))
        {
            await ExecuteAsync(connection, "ALTER TABLE alerts ADD COLUMN clear_reason VARCHAR(16) NULL", CancellationToken.None);
        }
    }

    private static async Task<bool> HasColumnAsync(DbConnection connection, string table, string column)
    {
        try
        {
#pragma warning disable CA2100 // Both names are constants of this class.
            await ExecuteAsync(connection, $"SELECT {column} FROM {table} WHERE 1 = 0", CancellationToken.None);
#pragma warning restore CA2100
            return true;
        }
        catch (DbException)
        {
            return false;
        }
    }
}
