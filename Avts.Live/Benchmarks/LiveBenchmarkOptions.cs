using Avts.Live.Pipeline;

namespace Avts.Live.Benchmarks;

/// <summary>What <c>avts bench live</c> runs.</summary>
public sealed record LiveBenchmarkOptions
{
    /// <summary>The clip every stream replays (looped, at real-time pace).</summary>
    public required string MediaPath { get; init; }

    /// <summary>Stream counts to try, ascending; the search stops after the first count not held in real time.</summary>
    public required IReadOnlyList<int> StreamCounts { get; init; }

    /// <summary>Seconds measured per count (after the warm-up).</summary>
    public double MeasureSeconds { get; init; } = 30;

    /// <summary>Seconds run before measuring (ffmpeg start, first windows, JIT).</summary>
    public double WarmupSeconds { get; init; } = 8;

    /// <summary>Largest p95 latency (arrival of a window's last data to its result) that still counts as real time.</summary>
    public double MaxP95LatencyMs { get; init; } = 500;

    /// <summary>Smallest share of the expected windows per stream that still counts as real time.</summary>
    public double MinWindowRateShare { get; init; } = 0.95;

    /// <summary>Windowing and scoring settings.</summary>
    public LiveOptions Live { get; init; } = new();
}
