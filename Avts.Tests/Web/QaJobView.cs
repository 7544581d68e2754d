namespace Avts.Tests.Web;

/// <summary>The client-side shape of <c>GET /api/qa/{id}</c>.</summary>
internal sealed record QaJobView(
    string Id, string Source, string Name, string State, double? Percent, string? Error, double? AudioDelayMs, double? Confidence, string? Verdict, bool Fixed);
