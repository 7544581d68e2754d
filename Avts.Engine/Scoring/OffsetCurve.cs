namespace Avts.Engine.Scoring;

/// <summary>
/// The score of every candidate audio delay: a correlation (higher is better) or a distance (lower is better).
/// </summary>
/// <param name="DelaysMs">Candidate audio delays in milliseconds, increasing (positive = sound late).</param>
/// <param name="Scores">Score of each candidate.</param>
/// <param name="Kind">"correlation" (higher = better) or "distance" (lower = better).</param>
public sealed record OffsetCurve(double[] DelaysMs, double[] Scores, string Kind);
