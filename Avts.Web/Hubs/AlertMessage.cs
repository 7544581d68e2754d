using MessagePack;

namespace Avts.Web.Hubs;

/// <summary>An out-of-tolerance alert of one stream was raised or cleared.</summary>
/// <param name="Stream">The stream's name.</param>
/// <param name="Raised">True when raised, false when cleared.</param>
/// <param name="AudioDelayMs">The smoothed delay at the transition, or null.</param>
/// <param name="PeakDelayMs">The largest absolute delay seen while raised (on clear), or the delay at raise.</param>
/// <param name="AtUnixMs">When, Unix milliseconds.</param>
/// <param name="ClearReason">On clear: recovered, paused, removed or host_stopped; null when raised.</param>
[MessagePackObject(keyAsPropertyName: true)]
public sealed record AlertMessage(string Stream, bool Raised, double? AudioDelayMs, double? PeakDelayMs, long AtUnixMs, string? ClearReason = null) : ISyncMessage;
