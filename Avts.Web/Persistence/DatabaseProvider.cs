namespace Avts.Web.Persistence;

/// <summary>Which database engine holds streams, history, alerts, QA jobs and benchmark runs (<c>Avts:DatabaseProvider</c>).</summary>
public enum DatabaseProvider
{
    /// <summary>A SQLite file in the data directory: the single-machine default.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server (Npgsql): shared by every node of a cluster.</summary>
    PostgreSql,
}
