namespace Avts.Tests.Web;

/// <summary>The fields of a stored alert (GET /api/alerts) the tests read.</summary>
internal sealed record AlertView(string Stream, DateTimeOffset RaisedAt, DateTimeOffset? ClearedAt, double? PeakDelayMs, string? ClearReason = null);
