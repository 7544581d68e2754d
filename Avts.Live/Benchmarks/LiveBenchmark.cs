using System.Globalization;
using System.Reactive.Concurrency;
using Avts.Live.Monitor;
using Avts.Live.Pipeline;
using Avts.Live.Sources;

namespace Avts.Live.Benchmarks;

/// <summary>
/// <c>avts bench live</c>: N streams replaying one clip at real-time pace through the whole live pipeline (ffmpeg
/// decode, windowing, scoring, tracking), for increasing N, measuring per stream the windows reported per second
/// against the expected 1/hop, latency from a window's last data to its result, drops, and the CPU and memory of
/// avts plus its ffmpeg children. Stops after the first N not held in real time.
/// </summary>
public sealed class LiveBenchmark(Func<IWindowScorer> createScorer)
{
    private static readonly TimeSpan ResourceSampleEvery = TimeSpan.FromSeconds(1);

    /// <summary>Runs the search; <paramref name="progress"/> gets one line per finished run.</summary>
    public async Task<LiveBenchmarkResult> RunAsync(LiveBenchmarkOptions options, Action<string> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(progress);
        var runs = new List<LiveBenchmarkRun>();
        var maxHeld = 0;
        var method = string.Empty;
        foreach (var streams in options.StreamCounts)
        {
            using var scorer = createScorer();
            method = scorer.Name;
            var run = await RunOnceAsync(streams, scorer, options, cancellationToken).ConfigureAwait(false);
            runs.Add(run);
            progress(string.Create(CultureInfo.InvariantCulture,
                $"{streams} streams: {(run.HeldRealTime ? "held" : "NOT held: " + run.Reason)}, cpu {run.CpuPercent:0}%"));
            if (!run.HeldRealTime)
            {
                break;
            }

            maxHeld = streams;
        }

        return new LiveBenchmarkResult(
            MachineDescription(), options.MediaPath, method, options.Live.WindowSeconds, options.Live.HopSeconds, runs, maxHeld);
    }

    private static async Task<LiveBenchmarkRun> RunOnceAsync(int streams, IWindowScorer scorer, LiveBenchmarkOptions options, CancellationToken cancellationToken)
    {
        var sources = Enumerable.Range(1, streams)
            .Select(i => (ILiveSource)new FfmpegLiveSource($"s{i:00}", new LiveInput(options.MediaPath) { RealTime = true, Loop = true }))
            .ToList();
        var results = new List<(DateTimeOffset At, LiveWindowResult Result)>();
        var measureFrom = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(options.WarmupSeconds);
        var measureUntil = measureFrom + TimeSpan.FromSeconds(options.MeasureSeconds); // not the shutdown after it
        var samples = new List<ProcessTreeUsage>();
        ProcessTreeUsage? first = null;
        ProcessTreeUsage? last = null;
        long peakOwnRss = 0, peakChildRss = 0;
        var firstAt = DateTimeOffset.MinValue;
        var lastAt = DateTimeOffset.MinValue;

        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                var now = DateTimeOffset.UtcNow;
                if (now >= measureFrom && now <= measureUntil)
                {
                    var usage = ProcessTreeUsage.Sample();
                    if (first is null)
                    {
                        first = usage;
                        firstAt = now;
                    }

                    last = usage;
                    lastAt = now;
                    samples.Add(usage);
                    peakOwnRss = Math.Max(peakOwnRss, usage.OwnRssBytes);
                    peakChildRss = Math.Max(peakChildRss, usage.ChildrenRssBytes);
                }

                try
                {
                    await Task.Delay(ResourceSampleEvery, sampling.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }, CancellationToken.None);

        var run = new MonitorRun(sources, scorer, options.Live, Scheduler.Default);
        await run.RunAsync(
            r =>
            {
                lock (results)
                {
                    // Without the curve (two arrays of a few hundred delays each): a one-hour soak keeps ~58,000
                    // results, and with their curves the benchmark's own list grew avts by ~7 MiB a minute.
                    results.Add((DateTimeOffset.UtcNow, r with { Curve = null }));
                }
            },
            _ => { },
            TimeSpan.FromSeconds(options.WarmupSeconds + options.MeasureSeconds),
            cancellationToken).ConfigureAwait(false);
        await sampling.CancelAsync().ConfigureAwait(false);
        await sampler.ConfigureAwait(false);

        var measured = results.Where(r => r.At >= measureFrom).Select(r => r.Result).ToList();
        var perStream = sources.Select(s => Summarize(s.Name, measured, options)).ToList();
        var seconds = (lastAt - firstAt).TotalSeconds;
        var cpuPercent = first is not null && last is not null && seconds > 0
            ? 100 * (last.CpuSeconds - first.CpuSeconds) / (seconds * Environment.ProcessorCount)
            : double.NaN;
        var reason = Judge(perStream, options);
        return new LiveBenchmarkRun(
            streams, perStream, Math.Round(cpuPercent, 1), Mib(peakOwnRss), Mib(peakChildRss), reason is null, reason,
            LiveResourceTrend.From(samples, streams));
    }

    private static LiveStreamFigures Summarize(string name, List<LiveWindowResult> measured, LiveBenchmarkOptions options)
    {
        var mine = measured.Where(r => r.Stream == name).OrderBy(r => r.StartSeconds).ToList();
        if (mine.Count == 0)
        {
            return new LiveStreamFigures(name, 0, 0, double.NaN, double.NaN, 0, 0, null);
        }

        var hop = options.Live.HopSeconds;
        var latencies = mine.Select(r => r.LatencyMs).Order().ToList();
        var dropped = mine[^1].DroppedWindows - mine[0].DroppedWindows;

        // Windows start on a hop grid; a loop restart or reconnect may re-seat the grid, so count the slots cut
        // between consecutive reports (a jump back starts a new run of slots).
        long cut = 1;
        for (var i = 1; i < mine.Count; i++)
        {
            var step = mine[i].StartSeconds - mine[i - 1].StartSeconds;
            cut += step > 0 ? Math.Max(1, (long)Math.Round(step / hop)) : 1;
        }

        var unaccounted = Math.Max(0, cut - mine.Count - dropped);
        var delays = mine.Where(r => r.AudioDelayMs is not null).Select(r => r.AudioDelayMs!.Value).Order().ToList();
        return new LiveStreamFigures(
            name,
            mine.Count,
            Math.Round(mine.Count * hop / options.MeasureSeconds, 3),
            Math.Round(Percentile(latencies, 0.5), 1),
            Math.Round(Percentile(latencies, 0.95), 1),
            dropped,
            unaccounted,
            delays.Count == 0 ? null : Math.Round(Percentile(delays, 0.5), 1));
    }

    private static string? Judge(List<LiveStreamFigures> streams, LiveBenchmarkOptions options)
    {
        var slow = streams.Where(s => s.WindowRateShare < options.MinWindowRateShare).Select(s => s.Name).ToList();
        if (slow.Count > 0)
        {
            return $"below {options.MinWindowRateShare:P0} of the window rate: {string.Join(", ", slow)}";
        }

        var late = streams.Where(s => !(s.P95LatencyMs <= options.MaxP95LatencyMs)).Select(s => s.Name).ToList();
        if (late.Count > 0)
        {
            return $"p95 latency over {options.MaxP95LatencyMs:0} ms: {string.Join(", ", late)}";
        }

        var lossy = streams.Where(s => s.DroppedWindows > 0 || s.UnaccountedWindows > 0).Select(s => s.Name).ToList();
        return lossy.Count > 0 ? $"windows dropped or lost: {string.Join(", ", lossy)}" : null;
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static double Mib(long bytes) => Math.Round(bytes / (1024.0 * 1024.0), 1);

    internal static string MachineDescription()
    {
        var model = "unknown CPU";
        if (File.Exists("/proc/cpuinfo"))
        {
            model = File.ReadLines("/proc/cpuinfo")
                .FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? model;
        }

        return $"{Environment.ProcessorCount} cores, {model}";
    }
}
