using System.Diagnostics;
using Avts.Engine.Media;
using Avts.Engine.Reports;
using Avts.Engine.Scoring;

namespace Avts.Live.Cli;

/// <summary>
/// Decode, estimate, judge: the measurement shared by check and fix. The decoder and the estimators come from
/// <see cref="CliServices"/>, so tests run it on in-memory media.
/// </summary>
internal sealed class CheckRunner(CliServices services, bool verbose, double chunkSeconds = CheckRunner.DefaultChunkSeconds)
{
    /// <summary>
    /// Longest span decoded at once, in seconds. Frames are held in memory (320 px grey: about 1.4 MB per second at
    /// 25 fps), so a long programme is decoded and analysed a span at a time, each span overlapping the next by one
    /// analysis window, and the spans' analyses are merged.
    /// </summary>
    public const double DefaultChunkSeconds = 180;

    /// <summary>
    /// Receives the fraction done (0..1) after each decoded and each analysed span; null: not reported. The web
    /// host's QA jobs show it as a percentage; the CLI has no use for it.
    /// </summary>
    public IProgress<double>? Progress { get; init; }

    /// <summary>Measures <paramref name="input"/> with <paramref name="settings"/>.</summary>
    /// <exception cref="MediaInputException">The input cannot be read, or lacks a video or an audio stream.</exception>
    public async Task<CheckOutcome> RunAsync(string input, CheckSettings settings, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();

        // Created first: a network method whose weights are missing fails before a long decode.
        var estimator = services.Estimators.Create(settings.Method, settings.WeightsPath);
        try
        {
            return await RunAsync(estimator, input, settings, clock, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            (estimator as IDisposable)?.Dispose();
        }
    }

    private async Task<CheckOutcome> RunAsync(
        ISyncEstimator estimator, string input, CheckSettings settings, Stopwatch clock, CancellationToken cancellationToken)
    {
        var overlap = settings.Analysis.WindowSeconds;
        var requested = settings.Decode.DurationSeconds;
        var firstSpan = Math.Min(requested ?? double.PositiveInfinity, chunkSeconds + overlap);
        Log($"decoding {input}");
        var media = await DecodeSpanAsync(input, settings.Decode with { DurationSeconds = double.IsFinite(firstSpan) ? firstSpan : null }, cancellationToken)
            .ConfigureAwait(false);

        // Resolve before the (slow) analysis so a profile that cannot apply fails at once.
        var profile = settings.ResolveProfile(media.Info.Video!.FrameRate);
        var origin = settings.Decode.StartSeconds ?? media.Info.StartSeconds;
        var end = requested is { } r ? origin + r : origin + (media.Info.DurationSeconds ?? 0);
        var spans = SpanCount(origin, end, overlap);
        Progress?.Report(0.5 / spans);
        var parts = new List<SyncAnalysis> { await AnalyzeAsync(estimator, media, settings, cancellationToken).ConfigureAwait(false) };
        Progress?.Report(1.0 / spans);

        for (var start = origin + chunkSeconds; start + overlap < end; start += chunkSeconds)
        {
            var span = Math.Min(chunkSeconds + overlap, end - start);
            Log($"decoding {start:0.0}-{start + span:0.0} s");
            var part = await DecodeSpanAsync(input, settings.Decode with { StartSeconds = start, DurationSeconds = span }, cancellationToken)
                .ConfigureAwait(false);
            Progress?.Report((parts.Count + 0.5) / spans);
            parts.Add(await AnalyzeAsync(estimator, part, settings, cancellationToken).ConfigureAwait(false));
            Progress?.Report((double)parts.Count / spans);
        }

        var analysis = AnalysisMerger.Merge(parts);
        var report = SyncReport.Create(input, media.Info, analysis, profile, settings.Analysis, settings.Decode, clock.Elapsed,
            media.Audio!.PrimingCorrectionSeconds);
        Log($"done in {clock.Elapsed.TotalSeconds:0.0} s ({parts.Count} span(s))");
        return new CheckOutcome(report, analysis.Curve);
    }

    // The same stepping as the span loop, counted ahead so progress can be a fraction.
    private int SpanCount(double origin, double end, double overlap)
    {
        var count = 1;
        for (var start = origin + chunkSeconds; start + overlap < end; start += chunkSeconds)
        {
            count++;
        }

        return count;
    }

    private async Task<DecodedMedia> DecodeSpanAsync(string input, DecodeOptions options, CancellationToken cancellationToken)
    {
        var media = await services.Decode(input, options, cancellationToken).ConfigureAwait(false);

        // The decoder may hand back a track-less side for single-stream inputs; a sync check needs both.
        if (media.Info.Video is null || media.Video is null)
        {
            throw new MediaInputException($"'{input}' has no video stream; a sync check needs picture and sound.");
        }

        if (media.Info.Audio is null || media.Audio is null)
        {
            throw new MediaInputException($"'{input}' has no audio stream; a sync check needs picture and sound.");
        }

        return media;
    }

    private async Task<SyncAnalysis> AnalyzeAsync(
        ISyncEstimator estimator, DecodedMedia media, CheckSettings settings, CancellationToken cancellationToken)
    {
        Log($"analysing {media.Video!.FrameCount} frames and {media.Audio!.Samples.Length} samples with {estimator.Name}");

        // Analysis is CPU-bound and synchronous; off the caller's thread so Ctrl-C handling stays responsive.
        return await Task.Run(() => estimator.Analyze(media, settings.Analysis, cancellationToken), cancellationToken)
            .ConfigureAwait(false);
    }

    private void Log(FormattableString message)
    {
        if (verbose)
        {
            services.Error.WriteLine("avts: " + FormattableString.Invariant(message));
        }
    }
}
