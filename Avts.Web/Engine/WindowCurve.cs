namespace Avts.Web.Engine;

/// <summary>
/// The latest score curve of a stream (<c>GET /api/streams/{name}/curve</c>): how well each candidate audio delay
/// matched in the most recent window that produced one.
/// </summary>
/// <param name="Stream">The stream.</param>
/// <param name="StartSeconds">The window's start on the stream's timeline.</param>
/// <param name="EndSeconds">The window's end.</param>
/// <param name="Kind">"correlation" (higher = better) or "distance" (lower = better).</param>
/// <param name="DelaysMs">Candidate delays, increasing (+ = sound late).</param>
/// <param name="Scores">The score of each candidate.</param>
/// <param name="RawDelayMs">The window's own estimate, or null when it committed to none.</param>
public sealed record WindowCurve(
    string Stream,
    double StartSeconds,
    double EndSeconds,
    string Kind,
    IReadOnlyList<double> DelaysMs,
    IReadOnlyList<double> Scores,
    double? RawDelayMs);
