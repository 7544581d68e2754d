namespace Avts.Live.Pipeline;

/// <summary>
/// What the monitor reports for one window of one stream (one line of <c>avts monitor</c>, one SignalR message).
/// Positive delays mean the sound is late (after the picture).
/// </summary>
/// <param name="Stream">The stream's name.</param>
/// <param name="StartSeconds">Window start on the source timeline, seconds.</param>
/// <param name="EndSeconds">Window end, seconds.</param>
/// <param name="AudioDelayMs">The smoothed delay (median of recent committed windows), null until one is known.</param>
/// <param name="RawDelayMs">This window's own estimate, null when it committed to none.</param>
/// <param name="Confidence">This window's confidence, 0..1.</param>
/// <param name="State">Stream health after this window.</param>
/// <param name="DriftMsPerMinute">Slope of the committed delays over recent minutes, null until enough committed windows span at least
/// half a minute.</param>
/// <param name="Alert">Whether an out-of-tolerance alert is raised (with hysteresis).</param>
/// <param name="LatencyMs">From the arrival of the data that closed the window to this result, ms.</param>
/// <param name="DroppedWindows">Windows of this stream dropped so far by backpressure (counted, never silent).</param>
public sealed record LiveWindowResult(
    string Stream,
    double StartSeconds,
    double EndSeconds,
    double? AudioDelayMs,
    double? RawDelayMs,
    double Confidence,
    StreamState State,
    double? DriftMsPerMinute,
    bool Alert,
    double LatencyMs,
    long DroppedWindows)
{
    /// <summary>The schema tag written with every JSON line.</summary>
    public const string Schema = "avts.live.window/1";

    /// <summary>
    /// This window's score over candidate delays, when the estimator made one (kept out of the JSON lines, which stay
    /// one short line per window; the web API serves the latest per stream).
    /// </summary>
    public Avts.Engine.Scoring.OffsetCurve? Curve { get; init; }
}
