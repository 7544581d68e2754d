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
    IOptions<AvtsWebOptions> options,
    TimeProvider time,
    ILogger<HistoryWriter> logger) : BackgroundService
{
    private static readonly TimeSpan PruneEvery = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Before the engine starts (this service starts first): alerts a crashed host left open are closed as
    /// <c>host_restarted</c>, so a restarted stream never has two open alerts.
    /// </summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
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

            try
            {
                await store.WriteAsync(batch, CancellationToken.None);
            }
            catch (Exception e)
            {
                // A bad batch (disk full, locked file) is lost and logged; the engine goes on.
                logger.LogError(e, "Could not write {Count} history rows", batch.Count);
            }

            batch.Clear();
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
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
