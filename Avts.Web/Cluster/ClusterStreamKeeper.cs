using Avts.Web.Hosting;
using Avts.Web.Options;
using Avts.Web.Persistence;
using Microsoft.Extensions.Options;

namespace Avts.Web.Cluster;

/// <summary>
/// Every <see cref="ClusterOptions.KeeperSeconds"/>, asks the grain of every stored, unpaused stream to be running.
/// A call to a grain whose silo was declared dead activates it on a survivor, so a lost node's streams move within
/// the failure-detection time plus one period; the per-stream reminder is only the slow backstop. Each call is one
/// small message; a grain already running answers from memory (no database read).
/// </summary>
public sealed partial class ClusterStreamKeeper(
    IGrainFactory grains,
    StreamStore store,
    IOptions<ClusterOptions> options,
    TimeProvider time,
    ILogger<ClusterStreamKeeper> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var period = TimeSpan.FromSeconds(options.Value.KeeperSeconds);
        var callTimeout = TimeSpan.FromSeconds(Math.Max(options.Value.OwnerTimeoutSeconds, options.Value.KeeperSeconds));
        using var timer = new PeriodicTimer(period, time);
        do
        {
            try
            {
                var streams = await store.ListAsync(stoppingToken);
                var calls = streams.Where(s => !s.Paused).Select(s => KeepAsync(s.Name, callTimeout, stoppingToken));
                await Task.WhenAll(calls);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // PostgreSQL down or the silo not started yet: /healthz says which; try again next period.
                LogPassFailed(e.Message);
            }
        }
        while (await timer.NextTickOrStopAsync(stoppingToken));
    }

    private async Task KeepAsync(string stream, TimeSpan timeout, CancellationToken stoppingToken)
    {
        try
        {
            await grains.GetGrain<IStreamMonitorGrain>(stream).KeepAsync().WaitAsync(timeout, stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // Typically its silo is dead but not yet declared so: the next pass (after the declaration) moves it.
            LogKeepFailed(stream, e.GetType().Name, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stream keeper pass failed: {Reason}")]
    private partial void LogPassFailed(string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Stream {Stream} not confirmed running this pass: {Error}: {Reason}")]
    private partial void LogKeepFailed(string stream, string error, string reason);
}
