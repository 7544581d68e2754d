using Avts.Web.Engine;
using Avts.Web.Persistence;
using Orleans.Placement;

namespace Avts.Web.Cluster;

/// <summary>
/// The grain behind <see cref="IStreamMonitorGrain"/>. Kept alive (no idle collection) while its stream runs; a
/// reminder per stream, stored in Redis, re-activates it on a surviving silo if its silo dies and no keeper has asked
/// for it yet. Activation-count placement spreads new activations toward the least loaded silos.
/// </summary>
[ActivationCountBasedPlacement]
[KeepAlive]
public sealed class StreamMonitorGrain(
    LiveEngineService engine,
    StreamStore store,
    StreamBoard board,
    NodeIdentity node,
    ILogger<StreamMonitorGrain> logger) : Grain, IStreamMonitorGrain, IRemindable
{
    private const string ReminderName = "keep-scoring";
    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);
    private bool running;

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await SyncCoreAsync(cancellationToken);
        await base.OnActivateAsync(cancellationToken);
    }

    /// <inheritdoc />
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (running)
        {
            // The node is stopping (or the stream went away): its pipeline stops here; the reminder stays for a
            // running stream, so the next silo to receive it (or a keeper's call) starts it again elsewhere.
            await engine.StopOwnedAsync(this.GetPrimaryKeyString(), cancellationToken);
            running = false;
        }

        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<string?> SyncAsync()
    {
        await SyncCoreAsync(CancellationToken.None);
        return running ? node.Name : null;
    }

    /// <inheritdoc />
    public async Task<string?> KeepAsync()
    {
        // Called by every node every few seconds: a running stream answers from memory, so keepers cost no database
        // reads; pauses and removals reach the grain through SyncAsync (control) and the reminder (each minute).
        if (!running)
        {
            await SyncCoreAsync(CancellationToken.None);
        }

        return running ? node.Name : null;
    }

    /// <inheritdoc />
    public Task<StreamOwnerReport> ReportAsync()
    {
        if (!running || board.Snapshot(this.GetPrimaryKeyString()) is not { } s)
        {
            return Task.FromResult(new StreamOwnerReport(null, null, 0, null, null, false, null, 0, 0, 0));
        }

        return Task.FromResult(new StreamOwnerReport(
            node.Name, s.State, s.StateSince.ToUnixTimeMilliseconds(), s.Detail, s.LastDelayMs, s.Alert,
            s.LastWindowAt?.ToUnixTimeMilliseconds(), s.Windows, s.DroppedWindows, s.WatchedSince.ToUnixTimeMilliseconds()));
    }

    /// <inheritdoc />
    public Task ReceiveReminder(string reminderName, TickStatus status) => SyncCoreAsync(CancellationToken.None);

    private async Task SyncCoreAsync(CancellationToken cancellationToken)
    {
        var name = this.GetPrimaryKeyString();
        var stream = await store.FindAsync(name, cancellationToken);
        if (stream is null || stream.Paused)
        {
            if (running)
            {
                await engine.StopOwnedAsync(name, cancellationToken);
                running = false;
            }

            // Nothing to keep running: no reminder (it would only wake the grain to stop again) and no activation.
            if (await this.GetReminder(ReminderName, cancellationToken) is { } reminder)
            {
                await this.UnregisterReminder(reminder, cancellationToken);
            }

            DeactivateOnIdle();
            return;
        }

        if (running)
        {
            return;
        }

        // A reminder already stored means the stream ran before and did not stop on purpose: its node was lost.
        var takeover = await this.GetReminder(ReminderName, cancellationToken) is not null;
        await engine.StartOwnedAsync(stream, takeover, cancellationToken);
        running = true;
        await this.RegisterOrUpdateReminder(ReminderName, ReminderPeriod, ReminderPeriod, cancellationToken);
        logger.LogDebug("Grain for {Stream} active on {Node}", name, node.Name);
    }
}
