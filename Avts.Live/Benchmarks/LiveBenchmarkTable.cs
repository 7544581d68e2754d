using System.Globalization;
using System.Text;

namespace Avts.Live.Benchmarks;

/// <summary>The plain-text table of a <see cref="LiveBenchmarkResult"/>.</summary>
public static class LiveBenchmarkTable
{
    /// <summary>One block per run (a line per stream), then the maximum held.</summary>
    public static string Format(LiveBenchmarkResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"bench live: {result.Media}, method {result.Method}, window {result.WindowSeconds:0.##} s, hop {result.HopSeconds:0.##} s");
        text.AppendLine(c, $"machine: {result.Machine}");
        foreach (var run in result.Runs)
        {
            text.AppendLine();
            text.AppendLine(c, $"{run.Streams} streams: {(run.HeldRealTime ? "held in real time" : "NOT held: " + run.Reason)}; cpu {run.CpuPercent:0.0}% of the machine, avts rss {run.AvtsRssMb:0} MiB, ffmpeg rss {run.FfmpegRssMb:0} MiB");
            if (run.Resources is { } r)
            {
                text.AppendLine(c, $"  memory: avts {r.AvtsRssStartMb:0} -> {r.AvtsRssEndMb:0} MiB, ffmpeg {r.FfmpegRssStartMb:0} -> {r.FfmpegRssEndMb:0} MiB ({r.RssGrowthPercent:+0.0;-0.0;0.0}%), {r.MemoryPerStreamMb:0.0} MiB per stream (PSS); threads {r.ThreadsStart} -> {r.ThreadsEnd}, handles {r.HandlesStart} -> {r.HandlesEnd}");
            }

            text.AppendLine("  stream   windows  rate  p50 ms  p95 ms  dropped  unaccounted  median delay ms");
            foreach (var s in run.PerStream)
            {
                var delay = s.MedianDelayMs is { } d ? d.ToString("+0.0;-0.0;0.0", c) : "-";
                text.AppendLine(c, $"  {s.Name,-7} {s.Windows,8} {s.WindowRateShare,5:0.00} {s.P50LatencyMs,7:0} {s.P95LatencyMs,7:0} {s.DroppedWindows,8} {s.UnaccountedWindows,12} {delay,16}");
            }
        }

        text.AppendLine();
        text.AppendLine(c, $"largest stream count held in real time: {result.MaxStreamsHeld}");
        return text.ToString();
    }
}
