using MessagePack;

namespace Avts.Web.Hubs;

/// <summary>A stream's connection state changed (connecting, live, reconnecting, failed, ended, paused, removed).</summary>
/// <param name="Stream">The stream's name.</param>
/// <param name="State">The new state, snake_case.</param>
/// <param name="Detail">One line saying why, or null.</param>
/// <param name="AtUnixMs">When, Unix milliseconds.</param>
[MessagePackObject(keyAsPropertyName: true)]
public sealed record StatusMessage(string Stream, string State, string? Detail, long AtUnixMs) : ISyncMessage;
