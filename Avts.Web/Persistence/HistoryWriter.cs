using Avts.Web.Hosting;
using Avts.Web.Options;
using Microsoft.Extensions.Options;

namespace Avts.Web.Persistence;

/// <summary>
/// Writes history in batches from <see cref="HistoryChannel"/> (one transaction per batch, so the engine never waits
/// on the disk) and prunes rows older than <see cref="AvtsWebOptions.RetentionHours"/> every ten minutes. On stop it
/// drains what is queued before returning.
/// </summary>
public sealed class HistoryWriter(
    HistoryChannel queue,
    HistoryStore store,
    Cluster.NodeIdentity node,
    IOptions<AvtsWebOptions> options,
    TimeProvider time,
    ILogger<HistoryWriter> logger) : BackgroundService
{
    private static readonly TimeSpan PruneEvery = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan RetryFor = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);
    private volatile bool stopping;

    /// <summary>
    /// Before the engine starts (this service starts first): alerts a crashed host left open are closed as
    /// <c>host_restarted</c>, so a restarted stream never has two open alerts. Not in a cluster: other nodes' alerts
    /// are live; there the node taking over a stream closes that stream's leftovers (<c>node_lost</c>).
    /// </summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (node.Clustered)
        {
            await base.StartAsync(cancellationToken);
            return;
        }

        var closed = await store.CloseOpenAlertsAsync(Engine.AlertClearReasons.HostRestarted, cancellationToken);
        if (closed > 0)
        {
            logger.LogWarning("Closed {Alerts} alerts left open by the previous run", closed);
        }

        await base.StartAsync(cancellationToken);
    }

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Completing first lets the write loop drain the queue; base then cancels pruning and waits for both.
        stopping = true;
        queue.Queue.Complete();
        await base.StopAsync(cancellationToken);
    }

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Task.Run(WriteLoopAsync, CancellationToken.None), PruneLoopAsync(stoppingToken));

    private async Task WriteLoopAsync()
    {
        var reader = queue.Queue.Reader;
        var batchSize = options.Value.PersistenceBatchSize;
        var batch = new List<HistoryItem>(batchSize);
        while (await reader.WaitToReadAsync(CancellationToken.None))
        {
            while (batch.Count < batchSize && reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            await WriteWithRetryAsync(batch);
            batch.Clear();
        }
    }

    /// <summary>
    /// Writes a batch, retrying for up to <see cref="RetryFor"/> (a database server restarting); the inserts are
    /// idempotent, so a retry after a commit whose answer was lost stores nothing twice. Meanwhile the engine keeps
    /// queuing and the bounded queue drops (and counts) its oldest rows. A batch still failing is lost and logged.
    /// </summary>
    private async Task WriteWithRetryAsync(List<HistoryItem> batch)
    {
        var giveUpAt = time.GetUtcNow() + RetryFor;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await store.WriteAsync(batch, CancellationToken.None);
                if (attempt > 1)
                {
                    logger.LogInformation("Wrote {Count} history rows at attempt {Attempt}", batch.Count, attempt);
                }

                return;
            }
            catch (Exception e)
            {
                if (time.GetUtcNow() >= giveUpAt || stopping)
                {
                    logger.LogError(e, "Could not write {Count} history rows", batch.Count);
                    return;
                }

                if (attempt == 1)
                {
                    logger.LogWarning("Could not write {Count} history rows, retrying: {Reason}", batch.Count, e.Message);
                }

                await Task.Delay(RetryDelay, time);
            }
        }
    }

    private async Task PruneLoopAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(PruneEvery, time);
        do
        {
            try
            {
                var cutoff = time.GetUtcNow() - TimeSpan.FromHours(options.Value.RetentionHours);
                var deleted = await store.PruneAsync(cutoff, stoppingToken);
                if (deleted > 0)
                {
                    logger.LogInformation("Pruned {Rows} history rows older than {Cutoff:O}", deleted, cutoff);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Could not prune history");
            }
        }
        while (await timer.NextTickOrStopAsync(stoppingToken));
    }
}
