namespace Avts.Live.Benchmarks;

/// <summary>One stream count's run in <c>avts bench live</c>.</summary>
/// <param name="Streams">Concurrent streams.</param>
/// <param name="PerStream">Figures per stream.</param>
/// <param name="CpuPercent">CPU used by avts and its ffmpeg children, percent of the whole machine (all cores).</param>
/// <param name="AvtsRssMb">Peak resident memory of the avts process, MiB.</param>
/// <param name="FfmpegRssMb">Peak resident memory of the ffmpeg children together, MiB.</param>
/// <param name="HeldRealTime">Whether every stream kept real time (rate, p95 latency, no drops, none unaccounted).</param>
/// <param name="Reason">Why not, when not held.</param>
/// <param name="Resources">How memory, threads and handles moved during the measured time (null without samples).</param>
public sealed record LiveBenchmarkRun(
    int Streams,
    IReadOnlyList<LiveStreamFigures> PerStream,
    double CpuPercent,
    double AvtsRssMb,
    double FfmpegRssMb,
    bool HeldRealTime,
    string? Reason,
    LiveResourceTrend? Resources);
