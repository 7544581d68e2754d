using System.Collections.Concurrent;

namespace Avts.Web.Hubs;

/// <summary>
/// SignalR group names, plus the connections subscribed to every stream: the broadcaster sends a stream's message to
/// "all" and to "stream:NAME" except those connections, so a client in both groups gets it once.
/// </summary>
public sealed class SyncGroups
{
    /// <summary>The group of connections that receive every stream.</summary>
    public const string All = "all";

    private readonly ConcurrentDictionary<string, byte> allConnections = new(StringComparer.Ordinal);

    /// <summary>The group of one stream's subscribers.</summary>
    public static string Stream(string name) => "stream:" + name;

    /// <summary>Connections in <see cref="All"/> (a snapshot).</summary>
    public IReadOnlyList<string> AllConnections => [.. allConnections.Keys];

    /// <summary>Records that <paramref name="connectionId"/> joined <see cref="All"/>.</summary>
    public void JoinedAll(string connectionId) => allConnections[connectionId] = 0;

    /// <summary>Records that <paramref name="connectionId"/> left <see cref="All"/> (or disconnected).</summary>
    public void LeftAll(string connectionId) => allConnections.TryRemove(connectionId, out _);
}
