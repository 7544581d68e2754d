using Avts.Web.Options;
using Microsoft.AspNetCore.SignalR;

namespace Avts.Web.Hubs;

/// <summary>
/// The live hub at <c>/hubs/sync</c> (JSON and MessagePack). A client receives nothing until it subscribes to one
/// stream (<see cref="SubscribeStream"/>) or to all (<see cref="SubscribeAll"/>); the server pushes through
/// <see cref="ISyncClient"/> from <see cref="HubBroadcaster"/>, never from here.
/// </summary>
public sealed class SyncHub(SyncGroups groups) : Hub<ISyncClient>
{
    /// <summary>Receive the messages of the stream named <paramref name="name"/> (it need not exist yet).</summary>
    public Task SubscribeStream(string name)
    {
        if (!StreamNames.IsValid(name))
        {
            throw new HubException($"invalid stream name '{name}'");
        }

        return Groups.AddToGroupAsync(Context.ConnectionId, SyncGroups.Stream(name));
    }

    /// <summary>Stop receiving the stream named <paramref name="name"/>.</summary>
    public Task UnsubscribeStream(string name) =>
        Groups.RemoveFromGroupAsync(Context.ConnectionId, SyncGroups.Stream(name ?? string.Empty));

    /// <summary>Receive the messages of every stream.</summary>
    public Task SubscribeAll()
    {
        groups.JoinedAll(Context.ConnectionId);
        return Groups.AddToGroupAsync(Context.ConnectionId, SyncGroups.All);
    }

    /// <summary>Stop receiving every stream (single-stream subscriptions stay).</summary>
    public Task UnsubscribeAll()
    {
        groups.LeftAll(Context.ConnectionId);
        return Groups.RemoveFromGroupAsync(Context.ConnectionId, SyncGroups.All);
    }

    /// <inheritdoc />
    public override Task OnDisconnectedAsync(Exception? exception)
    {
        groups.LeftAll(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }
}
