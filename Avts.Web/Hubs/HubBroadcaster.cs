using Microsoft.AspNetCore.SignalR;

namespace Avts.Web.Hubs;

/// <summary>
/// Sends queued messages to hub clients: to the "all" group and to the stream's group minus the "all" members (so
/// nobody gets a message twice). SignalR buffers per connection; a slow client only fills the bounded queue, whose
/// oldest messages are then dropped and counted, never the engine.
/// </summary>
public sealed class HubBroadcaster(
    BroadcastChannel queue,
    IHubContext<SyncHub, ISyncClient> hub,
    SyncGroups groups,
    ILogger<HubBroadcaster> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var message in queue.Queue.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await SendAsync(message);
                }
                catch (Exception e)
                {
                    logger.LogWarning(e, "Could not send a {Message} for {Stream}", message.GetType().Name, message.Stream);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: what is still queued is for clients that are going away anyway.
        }
    }

    private Task SendAsync(ISyncMessage message)
    {
        var all = hub.Clients.Group(SyncGroups.All);
        var stream = hub.Clients.GroupExcept(SyncGroups.Stream(message.Stream), groups.AllConnections);
        return message switch
        {
            WindowResultMessage window => Task.WhenAll(all.WindowResult(window), stream.WindowResult(window)),
            StatusMessage status => Task.WhenAll(all.StatusChanged(status), stream.StatusChanged(status)),
            AlertMessage alert => Task.WhenAll(all.Alert(alert), stream.Alert(alert)),
            _ => Task.CompletedTask,
        };
    }
}
