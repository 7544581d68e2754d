using Avts.Live.Pipeline;
using MessagePack;

namespace Avts.Web.Hubs;

/// <summary>
/// One scored window of one stream (the hub form of <see cref="LiveWindowResult"/>); positive delays mean the sound
/// is late. Property names serve as keys in both protocols (camelCase in JSON, PascalCase in MessagePack).
/// </summary>
/// <param name="Stream">The stream's name.</param>
/// <param name="StartSeconds">Window start on the source timeline, seconds.</param>
/// <param name="EndSeconds">Window end, seconds.</param>
/// <param name="AudioDelayMs">Smoothed delay, null until known.</param>
/// <param name="RawDelayMs">This window's own estimate, or null.</param>
/// <param name="Confidence">This window's confidence, 0..1.</param>
/// <param name="State">Stream health, snake_case as in the JSON lines (live, no_audio, ...).</param>
/// <param name="DriftMsPerMinute">Drift slope, or null.</param>
/// <param name="Alert">Whether an alert is raised.</param>
/// <param name="LatencyMs">Arrival-to-result latency, ms.</param>
/// <param name="DroppedWindows">Windows of this stream dropped by the engine so far.</param>
/// <param name="AtUnixMs">When the result was published, Unix milliseconds.</param>
[MessagePackObject(keyAsPropertyName: true)]
public sealed record WindowResultMessage(
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
    long DroppedWindows,
    long AtUnixMs) : ISyncMessage
{
    /// <summary>The message for <paramref name="result"/>, stamped <paramref name="at"/>.</summary>
    public static WindowResultMessage From(LiveWindowResult result, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new(
            result.Stream,
            result.StartSeconds,
            result.EndSeconds,
            result.AudioDelayMs,
            result.RawDelayMs,
            result.Confidence,
            result.State.WireName(),
            result.DriftMsPerMinute,
            result.Alert,
            result.LatencyMs,
            result.DroppedWindows,
            at.ToUnixTimeMilliseconds());
    }
}
