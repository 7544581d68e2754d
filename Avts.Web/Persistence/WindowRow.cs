namespace Avts.Web.Persistence;

/// <summary>A stored window (<c>GET /api/streams/{name}/windows</c>).</summary>
/// <param name="Stream">The stream's name.</param>
/// <param name="StartSeconds">Window start on the source timeline, seconds.</param>
/// <param name="EndSeconds">Window end, seconds.</param>
/// <param name="AudioDelayMs">Smoothed delay, or null.</param>
/// <param name="RawDelayMs">The window's own estimate, or null.</param>
/// <param name="Confidence">Confidence 0..1.</param>
/// <param name="State">State, snake_case.</param>
/// <param name="DriftMsPerMinute">Drift, or null.</param>
/// <param name="Alert">Whether an alert was raised.</param>
/// <param name="LatencyMs">Result latency, ms.</param>
/// <param name="RecordedAt">When the window was scored.</param>
public sealed record WindowRow(
    string Stream,
    double StartSeconds,
    double EndSeconds,
    double? AudioDelayMs,
    double? RawDelayMs,
    double Confidence,
    string State,
    double? DriftMsPerMinute,
    bool Alert,
    double LatencyMs,
    DateTimeOffset RecordedAt);
