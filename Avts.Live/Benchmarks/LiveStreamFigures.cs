namespace Avts.Live.Benchmarks;

/// <summary>One stream's figures in one run of <c>avts bench live</c>.</summary>
/// <param name="Name">Stream name.</param>
/// <param name="Windows">Window results reported in the measured span.</param>
/// <param name="WindowRateShare">Reported windows per second over the expected 1/hop (1 = real time).</param>
/// <param name="P50LatencyMs">Median latency from the arrival of a window's last data to its result.</param>
/// <param name="P95LatencyMs">95th percentile of that latency.</param>
/// <param name="DroppedWindows">Windows dropped by backpressure in the measured span (counted by the pipeline).</param>
/// <param name="UnaccountedWindows">Windows cut from the timeline (by their start times) that were neither reported nor counted as dropped.</param>
/// <param name="MedianDelayMs">Median reported delay (a sanity check that the streams were really scored).</param>
public sealed record LiveStreamFigures(
    string Name,
    long Windows,
    double WindowRateShare,
    double P50LatencyMs,
    double P95LatencyMs,
    long DroppedWindows,
    long UnaccountedWindows,
    double? MedianDelayMs);
