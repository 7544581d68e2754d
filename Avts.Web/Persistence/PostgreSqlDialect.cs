using System.Data.Common;
using Npgsql;

namespace Avts.Web.Persistence;

/// <summary>PostgreSQL through Npgsql: the shared store of a cluster (several nodes write at once).</summary>
public sealed class PostgreSqlDialect : IDatabaseDialect
{
    /// <summary>The one instance.</summary>
    public static readonly PostgreSqlDialect Instance = new();

    private PostgreSqlDialect()
    {
    }

    /// <inheritdoc />
    public DbProviderFactory Factory => NpgsqlFactory.Instance;

    /// <inheritdoc />
    public IReadOnlyList<string> DatabaseSetup { get; } = [];

    /// <inheritdoc />
    public string SchemaLock => "SELECT pg_advisory_lock(170170)";

    /// <inheritdoc />
    public string SchemaUnlock => "SELECT pg_advisory_unlock(170170)";

    /// <inheritdoc />
    public IReadOnlyList<string> ConnectionSetup { get; } = [];

    /// <inheritdoc />
    // SKIP LOCKED: a node never waits on (or double-claims) a job another node is claiming in the same instant.
    public string ClaimQaJob =>
        "UPDATE qa_jobs SET state = 'running', node = @node, started_at = @started_at WHERE id = (SELECT id FROM qa_jobs WHERE id = @id AND state = 'queued' FOR UPDATE SKIP LOCKED)";

    /// <inheritdoc />
    public string AddColumnIfMissing => "ALTER TABLE {0} ADD COLUMN IF NOT EXISTS {1} {2}";
}
