namespace Avts.Engine.Scoring;

/// <summary>What an estimator concluded about one input.</summary>
/// <param name="Method">The estimator's name (e.g. "onset").</param>
/// <param name="AudioDelayMs">Overall audio delay in milliseconds; positive = the sound is late (after the picture);
/// null when nothing could be synchronised.</param>
/// <param name="Confidence">Overall confidence, 0..1.</param>
/// <param name="Synchronizable">Whether the input has anything to sync on (events in both picture and sound that
/// belong together). False means "undetermined", not "out of sync".</param>
/// <param name="Windows">Per-window estimates in time order.</param>
/// <param name="Curve">The overall score curve over candidate delays (for plots and diagnostics), when available.</param>
public sealed record SyncAnalysis(
    string Method,
    double? AudioDelayMs,
    double Confidence,
    bool Synchronizable,
    IReadOnlyList<WindowEstimate> Windows,
    OffsetCurve? Curve)
{
    /// <summary>
    /// The best-scoring delay of the overall curve in milliseconds (sub-step refined), even when the estimator does
    /// not commit to it (<see cref="AudioDelayMs"/> null, low confidence): a best guess for diagnostics and benchmarks.
    /// Null when there is no curve or no interior peak.
    /// </summary>
    public double? PeakDelayMs { get; init; }

    /// <summary>
    /// The committed delay that lay beyond the range the user asked for (see <see cref="RangeGuard"/>), ms; null when
    /// none did. The answer is then undetermined: the true delay is probably there, or further out.
    /// </summary>
    public double? BeyondRangeDelayMs { get; init; }

    /// <summary>The face the answer was taken from (lip-sync methods), or null.</summary>
    public FaceRegion? Face { get; init; }

    /// <summary>
    /// How far the answer may lie from the true delay, ms, as measured for the method on footage it never saw (a lips
    /// model's <see cref="Model.ModelCard.AbsoluteUncertaintyMs"/>); 0 when the method declares none.
    /// </summary>
    public double UncertaintyMs { get; init; }
}
