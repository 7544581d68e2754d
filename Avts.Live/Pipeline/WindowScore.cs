namespace Avts.Live.Pipeline;

/// <summary>What scoring concluded about one <see cref="LiveWindow"/>, before smoothing and alerting.</summary>
/// <param name="AudioDelayMs">The window's delay in ms (+ = sound late), null when it committed to none.</param>
/// <param name="Confidence">0..1.</param>
/// <param name="State">Live when a delay was found; otherwise why not (NoAudio, NoVideo, Silent, Frozen, Undetermined).</param>
public sealed record WindowScore(double? AudioDelayMs, double Confidence, StreamState State)
{
    /// <summary>The estimator's score over candidate delays for this window (for the dashboard's detail view), when it made one.</summary>
    public Avts.Engine.Scoring.OffsetCurve? Curve { get; init; }

    /// <summary>The method's measured uncertainty of a delay, ms (<see cref="Avts.Engine.Scoring.SyncAnalysis.UncertaintyMs"/>); 0 when none is declared.</summary>
    public double UncertaintyMs { get; init; }
}
