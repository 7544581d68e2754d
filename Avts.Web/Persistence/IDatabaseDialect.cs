using System.Data.Common;

namespace Avts.Web.Persistence;

/// <summary>
/// What differs between the storage engines behind <see cref="AvtsDatabase"/>. The stores share every other SQL text,
/// so SQLite and PostgreSQL keep the same schema and behaviour; only these few statements are engine-specific.
/// </summary>
public interface IDatabaseDialect
{
    /// <summary>The ADO.NET provider.</summary>
    DbProviderFactory Factory { get; }

    /// <summary>Run once per process before the schema is created (SQLite: WAL).</summary>
    IReadOnlyList<string> DatabaseSetup { get; }

    /// <summary>Taken around schema creation (empty: none), so nodes starting together do not race on CREATE TABLE.</summary>
    string SchemaLock { get; }

    /// <summary>Releases <see cref="SchemaLock"/>.</summary>
    string SchemaUnlock { get; }

    /// <summary>Run on every connection opened (SQLite: synchronous=NORMAL).</summary>
    IReadOnlyList<string> ConnectionSetup { get; }

    /// <summary>
    /// Marks queued QA job <c>@id</c> running on node <c>@node</c> at <c>@started_at</c> only if it is still queued;
    /// one row changed means this node owns it (PostgreSQL also skips a row another node is claiming right now).
    /// </summary>
    string ClaimQaJob { get; }

    /// <summary>Adds a nullable column unless it exists ({0} table, {1} column, {2} type).</summary>
    string AddColumnIfMissing { get; }
}
