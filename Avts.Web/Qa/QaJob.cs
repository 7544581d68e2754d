using System.Text.Json.Serialization;

namespace Avts.Web.Qa;

/// <summary>
/// One offline check of a file (<c>GET /api/qa/{id}</c>): its state and, once done, the headline figures; the full
/// report is at <c>/api/qa/{id}/report.json</c>. Positive delays mean the sound is late.
/// </summary>
/// <param name="Id">Unique id (32 hex digits).</param>
/// <param name="Source">"path" (a server file) or "upload".</param>
/// <param name="Name">The file's name, for display.</param>
/// <param name="InputPath">The file checked (server side; not sent to clients).</param>
/// <param name="State">queued, running, done or failed (<see cref="QaStates"/>).</param>
/// <param name="Percent">Progress 0..100 while running (100 when done), null when unknown.</param>
/// <param name="Error">Why it failed (one line), or null.</param>
/// <param name="CreatedAt">When it was submitted.</param>
/// <param name="StartedAt">When it started running, or null.</param>
/// <param name="FinishedAt">When it finished, or null.</param>
/// <param name="AudioDelayMs">The measured delay, or null (not done, or nothing to sync on).</param>
/// <param name="Confidence">Overall confidence 0..1, or null.</param>
/// <param name="Verdict">The report's verdict (pass, fail, undetermined), or null.</param>
/// <param name="FixedPath">The corrected copy written by <c>POST /api/qa/{id}/fix</c> (server side; not sent), or null.</param>
public sealed record QaJob(
    string Id,
    string Source,
    string Name,
    [property: JsonIgnore] string InputPath,
    string State,
    double? Percent,
    string? Error,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    double? AudioDelayMs,
    double? Confidence,
    string? Verdict,
    [property: JsonIgnore] string? FixedPath)
{
    /// <summary>Whether a corrected copy can be downloaded from <c>/api/qa/{id}/fixed</c>.</summary>
    public bool Fixed => FixedPath is not null;

    /// <summary>A new queued job.</summary>
    public static QaJob Create(string source, string name, string inputPath, DateTimeOffset now) =>
        new(Guid.NewGuid().ToString("N"), source, name, inputPath, QaStates.Queued, 0, null, now, null, null, null, null, null, null);
}
