using Avts.Live.Pipeline;
using Avts.Web.Cluster;
using Avts.Web.Engine;
using Avts.Web.Options;
using Avts.Web.Persistence;
using Avts.Web.Qa;

namespace Avts.Tests.Cluster;

/// <summary>
/// The same stores on SQLite and on PostgreSQL behave the same: a retried history batch stores each window and
/// alert once, and a QA job claimed by two nodes at once runs on exactly one.
/// </summary>
[Trait("Category", "Cluster")]
public sealed class StorageDialectTests(ClusterServers servers) : IClassFixture<ClusterServers>, IDisposable
{
    private readonly string sqliteDirectory = Directory.CreateTempSubdirectory("avts-dialect-").FullName;

    [ClusterFact]
    public Task Sqlite_RetriedBatch_StoresEachRowOnce() => RetriedBatchStoresOnceAsync(Sqlite());

    [ClusterFact]
    public Task PostgreSql_RetriedBatch_StoresEachRowOnce() => RetriedBatchStoresOnceAsync(PostgreSql());

    [ClusterFact]
    public Task Sqlite_QaJobClaimedByTwoNodes_IsClaimedOnce() => ClaimedOnceAsync(Sqlite());

    [ClusterFact]
    public Task PostgreSql_QaJobClaimedByTwoNodes_IsClaimedOnce() => ClaimedOnceAsync(PostgreSql());

    /// <inheritdoc />
    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(sqliteDirectory, recursive: true);
    }

    private static async Task RetriedBatchStoresOnceAsync(AvtsDatabase database)
    {
        var store = new HistoryStore(database);
        var stream = "dialect-" + Guid.NewGuid().ToString("N")[..8];
        var at = DateTimeOffset.FromUnixTimeMilliseconds(1_800_000_000_000);
        var window = new LiveWindowResult(stream, 4, 8, 12.5, 13, 0.8, StreamState.Live, null, Alert: true, 20, 0);
        var raised = new AlertTransition(stream, Raised: true, at, at, 12.5, 12.5, null);
        HistoryItem[] batch = [new(window, null, at), new(null, raised, at)];

        await store.WriteAsync(batch, CancellationToken.None);
        // The commit's answer was lost (database restart, node killed): the writer sends the batch again.
        await store.WriteAsync(batch, CancellationToken.None);

        Assert.Single(await store.WindowsAsync(stream, null, null, 100, CancellationToken.None));
        Assert.Single(await store.AlertsAsync(stream, null, null, 100, CancellationToken.None));
    }

    private static async Task ClaimedOnceAsync(AvtsDatabase database)
    {
        var nodeA = new QaStore(database, Node("node-a"));
        var nodeB = new QaStore(database, Node("node-b"));
        var now = DateTimeOffset.FromUnixTimeMilliseconds(1_800_000_000_000);
        var jobs = Enumerable.Range(0, 20)
            .Select(i => new QaJob($"j{Guid.NewGuid():N}"[..20], "path", $"clip{i}.mp4", "/tmp/none.mp4", QaStates.Queued, null, null, now, null, null, null, null, null, null))
            .ToList();
        foreach (var job in jobs)
        {
            await nodeA.InsertAsync(job, CancellationToken.None);
        }

        var claims = await Task.WhenAll(jobs.Select(async job =>
        {
            var running = job with { State = QaStates.Running, StartedAt = now };
            var results = await Task.WhenAll(nodeA.ClaimAsync(running, CancellationToken.None), nodeB.ClaimAsync(running, CancellationToken.None));
            return results.Count(claimed => claimed);
        }));

        Assert.All(claims, count => Assert.Equal(1, count));
        foreach (var job in jobs)
        {
            Assert.Equal(QaStates.Running, (await nodeA.GetAsync(job.Id, CancellationToken.None))!.State);
        }
    }

    private static NodeIdentity Node(string name) =>
        new(Microsoft.Extensions.Options.Options.Create(new ClusterOptions { Enabled = true, NodeName = name }));

    private AvtsDatabase Sqlite() => new(SqliteDialect.Instance, $"Data Source={Path.Combine(sqliteDirectory, "avts.db")}");

    private AvtsDatabase PostgreSql() => new(PostgreSqlDialect.Instance, servers.PostgreSql);
}
