namespace Avts.Tests.Web;

/// <summary>The fields of a stored window (GET /api/streams/{name}/windows) the tests read.</summary>
internal sealed record WindowView(string Stream, double StartSeconds, double? AudioDelayMs, string State, bool Alert);
