using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Avts.Web.Persistence;

/// <summary>SQLite: one file, one process; WAL so every committed batch survives a kill -9.</summary>
public sealed class SqliteDialect : IDatabaseDialect
{
    /// <summary>The one instance.</summary>
    public static readonly SqliteDialect Instance = new();

    private SqliteDialect()
    {
    }

    /// <inheritdoc />
    public DbProviderFactory Factory => SqliteFactory.Instance;

    /// <inheritdoc />
    public IReadOnlyList<string> DatabaseSetup { get; } = ["PRAGMA journal_mode=WAL"];

    /// <inheritdoc />
    public string SchemaLock => string.Empty;

    /// <inheritdoc />
    public string SchemaUnlock => string.Empty;

    /// <inheritdoc />
    public IReadOnlyList<string> ConnectionSetup { get; } = ["PRAGMA synchronous=NORMAL"];

    /// <inheritdoc />
    // One writer at a time on a SQLite file: the conditional UPDATE alone is atomic.
    public string ClaimQaJob =>
        "UPDATE qa_jobs SET state = 'running', node = @node, started_at = @started_at WHERE id = @id AND state = 'queued'";

    /// <inheritdoc />
    // SQLite has no ADD COLUMN IF NOT EXISTS: AvtsDatabase probes the column first when this is empty.
    public string AddColumnIfMissing => string.Empty;
}
