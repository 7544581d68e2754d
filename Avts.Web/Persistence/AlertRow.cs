namespace Avts.Web.Persistence;

/// <summary>A stored alert (<c>GET /api/alerts</c>): open while <paramref name="ClearedAt"/> is null.</summary>
/// <param name="Stream">The stream's name.</param>
/// <param name="RaisedAt">When it was raised.</param>
/// <param name="ClearedAt">When it cleared, or null while raised.</param>
/// <param name="PeakDelayMs">The delay of largest magnitude while raised, or null.</param>
/// <param name="ClearReason">Why it was cleared (recovered, paused, removed, host_stopped, host_restarted), or null.</param>
public sealed record AlertRow(string Stream, DateTimeOffset RaisedAt, DateTimeOffset? ClearedAt, double? PeakDelayMs, string? ClearReason);
