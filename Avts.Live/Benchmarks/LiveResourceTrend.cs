namespace Avts.Live.Benchmarks;

/// <summary>
/// How memory, threads and handles moved over one <c>bench live</c> run (the soak figures): the median of the first
/// tenth of the measured samples (after the warm-up) against the median of the last tenth, so one sample taken during
/// a GC or a reconnect moves neither end.
/// </summary>
/// <param name="AvtsRssStartMb">avts resident memory at the start, MiB.</param>
/// <param name="AvtsRssEndMb">avts resident memory at the end, MiB.</param>
/// <param name="FfmpegRssStartMb">The ffmpeg children together at the start, MiB.</param>
/// <param name="FfmpegRssEndMb">The ffmpeg children together at the end, MiB.</param>
/// <param name="RssGrowthPercent">Growth of avts + ffmpeg resident memory from start to end, percent.</param>
/// <param name="MemoryPerStreamMb">avts + ffmpeg memory at the end divided by the stream count, MiB: proportional set size
/// (shared library pages counted once across the processes), or resident memory where PSS cannot be read.</param>
/// <param name="ThreadsStart">avts threads at the start.</param>
/// <param name="ThreadsEnd">avts threads at the end.</param>
/// <param name="HandlesStart">avts open file descriptors at the start.</param>
/// <param name="HandlesEnd">avts open file descriptors at the end.</param>
public sealed record LiveResourceTrend(
    double AvtsRssStartMb,
    double AvtsRssEndMb,
    double FfmpegRssStartMb,
    double FfmpegRssEndMb,
    double RssGrowthPercent,
    double MemoryPerStreamMb,
    int ThreadsStart,
    int ThreadsEnd,
    int HandlesStart,
    int HandlesEnd)
{
    /// <summary>The trend of <paramref name="samples"/> (in time order) for <paramref name="streams"/> streams; null without samples.</summary>
    public static LiveResourceTrend? From(IReadOnlyList<Monitor.ProcessTreeUsage> samples, int streams)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0)
        {
            return null;
        }

        var tenth = Math.Max(1, samples.Count / 10);
        var head = samples.Take(tenth).ToList();
        var tail = samples.Skip(samples.Count - tenth).ToList();
        double avtsStart = Median(head, s => s.OwnRssBytes), avtsEnd = Median(tail, s => s.OwnRssBytes);
        double ffmpegStart = Median(head, s => s.ChildrenRssBytes), ffmpegEnd = Median(tail, s => s.ChildrenRssBytes);
        var start = avtsStart + ffmpegStart;
        var end = avtsEnd + ffmpegEnd;
        return new LiveResourceTrend(
            Mib(avtsStart),
            Mib(avtsEnd),
            Mib(ffmpegStart),
            Mib(ffmpegEnd),
            start > 0 ? Math.Round(100 * (end - start) / start, 1) : 0,
            Mib((Median(tail, s => s.TreePssBytes) is > 0 and var pss ? pss : end) / Math.Max(1, streams)),
            (int)Median(head, s => s.OwnThreads),
            (int)Median(tail, s => s.OwnThreads),
            (int)Median(head, s => s.OwnHandles),
            (int)Median(tail, s => s.OwnHandles));
    }

    private static double Median(List<Monitor.ProcessTreeUsage> samples, Func<Monitor.ProcessTreeUsage, double> value)
    {
        var sorted = samples.Select(value).Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static double Mib(double bytes) => Math.Round(bytes / (1024.0 * 1024.0), 1);
}
