using Avts.Live.Benchmarks;
using Avts.Live.Monitor;

namespace Avts.Tests.Live.Benchmarks;

public sealed class LiveResourceTrendTests
{
    private const long Mib = 1024 * 1024;

    [Fact]
    public void From_ComparesTheFirstAndLastTenth_ByTheirMedians()
    {
        // 100 samples: avts grows from 200 to 220 MiB over the run, ffmpeg stays at 400 MiB; one GC-time spike in each
        // tenth must not move either end.
        var samples = Enumerable.Range(0, 100).Select(i => Sample(200 + (i / 90 * 20), 400, threads: 20, handles: 90)).ToList();
        samples[3] = Sample(900, 400, threads: 20, handles: 90);
        samples[97] = Sample(50, 400, threads: 21, handles: 91);

        var trend = LiveResourceTrend.From(samples, streams: 4)!;

        Assert.Equal(200, trend.AvtsRssStartMb);
        Assert.Equal(220, trend.AvtsRssEndMb);
        Assert.Equal(400, trend.FfmpegRssStartMb);
        Assert.Equal(400, trend.FfmpegRssEndMb);
        Assert.Equal(Math.Round(100.0 * 20 / 600, 1), trend.RssGrowthPercent);
        Assert.Equal(20, trend.ThreadsEnd);
        Assert.Equal(90, trend.HandlesEnd);
    }

    [Fact]
    public void From_MemoryPerStream_UsesPss_WhenKnown_ElseRss()
    {
        var withPss = Enumerable.Range(0, 10).Select(_ => Sample(200, 600, 20, 90) with { TreePssBytes = 320 * Mib }).ToList();
        var withoutPss = Enumerable.Range(0, 10).Select(_ => Sample(200, 600, 20, 90)).ToList();

        Assert.Equal(80, LiveResourceTrend.From(withPss, streams: 4)!.MemoryPerStreamMb);
        Assert.Equal(200, LiveResourceTrend.From(withoutPss, streams: 4)!.MemoryPerStreamMb);
        Assert.Null(LiveResourceTrend.From([], streams: 4));
    }

    private static ProcessTreeUsage Sample(long avtsMib, long ffmpegMib, int threads, int handles) =>
        new(0, avtsMib * Mib, ffmpegMib * Mib, 4) { OwnThreads = threads, OwnHandles = handles };
}
