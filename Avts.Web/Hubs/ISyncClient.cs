namespace Avts.Web.Hubs;

/// <summary>What the server calls on <see cref="SyncHub"/> clients (the browser dashboard, the .NET client, tests).</summary>
public interface ISyncClient
{
    /// <summary>One scored window of a subscribed stream.</summary>
    Task WindowResult(WindowResultMessage message);

    /// <summary>A subscribed stream's connection state changed.</summary>
    Task StatusChanged(StatusMessage message);

    /// <summary>A subscribed stream's alert was raised or cleared.</summary>
    Task Alert(AlertMessage message);
}
