using Avts.Live.Pipeline;
using Avts.Web.Engine;
using Avts.Web.Hubs;
using Avts.Web.Persistence;

namespace Avts.Web.Cluster;

/// <summary>
/// Cluster mode: a control operation changes the shared store first, then tells the stream's grain, which starts or
/// stops the stream on whichever node it is active. Any node accepts any operation.
/// </summary>
public sealed class ClusterStreamControl(
    StreamStore store, IGrainFactory grains, BroadcastChannel broadcast, TimeProvider time, ILogger<ClusterStreamControl> logger) : IStreamControl
{
    /// <inheritdoc />
    public async Task<StreamChange> AddAsync(StreamDefinition stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!await store.InsertIfMissingAsync(stream, cancellationToken))
        {
            return StreamChange.Conflict;
        }

        var node = await SyncAsync(stream.Name);
        logger.LogInformation("Stream {Stream} added: {Location}, scored on {Node}", stream.Name, stream.Location, node ?? "(no node yet)");
        return StreamChange.Done;
    }

    /// <inheritdoc />
    public async Task<StreamChange> RemoveAsync(string name, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(name, cancellationToken) is null)
        {
            return StreamChange.NotFound;
        }

        await store.DeleteAsync(name, cancellationToken);
        await SyncAsync(name);
        Announce(name, StreamState.Removed);
        return StreamChange.Done;
    }

    /// <inheritdoc />
    public Task<StreamChange> PauseAsync(string name, CancellationToken cancellationToken) =>
        SetPausedAsync(name, paused: true, cancellationToken);

    /// <inheritdoc />
    public Task<StreamChange> ResumeAsync(string name, CancellationToken cancellationToken) =>
        SetPausedAsync(name, paused: false, cancellationToken);

    private async Task<StreamChange> SetPausedAsync(string name, bool paused, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(name, cancellationToken) is not { } stream)
        {
            return StreamChange.NotFound;
        }

        if (stream.Paused != paused)
        {
            await store.SaveAsync(stream with { Paused = paused }, cancellationToken);
            await SyncAsync(name);
            if (paused)
            {
                Announce(name, StreamState.Paused);
            }
        }

        return StreamChange.Done;
    }

    /// <summary>The grain applies the stored state on its node (the store is already right if this call fails).</summary>
    private async Task<string?> SyncAsync(string name)
    {
        try
        {
            return await grains.GetGrain<IStreamMonitorGrain>(name).SyncAsync();
        }
        catch (Exception e)
        {
            // The keepers apply the stored state within a period anyway.
            logger.LogWarning(e, "Stream {Stream}: its grain did not apply the change now; the keepers will", name);
            return null;
        }
    }

    private void Announce(string stream, StreamState state) =>
        broadcast.Queue.Write(new StatusMessage(stream, state.WireName(), null, time.GetUtcNow().ToUnixTimeMilliseconds()));
}
