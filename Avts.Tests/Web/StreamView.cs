namespace Avts.Tests.Web;

/// <summary>The fields of a GET /api/streams entry the tests read.</summary>
internal sealed record StreamView(string Name, string State, bool Paused, double? LastDelayMs, bool Alert, long Windows);
