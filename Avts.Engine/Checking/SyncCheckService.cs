using System.Diagnostics;
using Avts.Engine.Media;
using Avts.Engine.Reports;
using Avts.Engine.Scoring;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Avts.Engine.Checking;

/// <summary>
/// The check use case: open an input, analyse it span by span while it decodes, merge, judge against a tolerance
/// profile. The one implementation behind <c>avts check</c>, <c>avts fix --auto</c>, the web host's QA jobs and
/// <c>avts bench shift</c>.
/// </summary>
/// <param name="opener">Opens inputs (real: <see cref="FfmpegMediaOpener"/>).</param>
/// <param name="estimators">The methods by name.</param>
/// <param name="logger">Progress messages (decoding, analysing, done).</param>
public sealed partial class SyncCheckService(IMediaOpener opener, EstimatorRegistry estimators, ILogger<SyncCheckService>? logger = null)
{
    /// <summary>
    /// New picture per analysed span, seconds. The grey 320 px frames of one span (about 1.4 MB per second at 25 fps)
    /// are what a check holds in memory, so this bounds memory whatever the input's length.
    /// </summary>
    public const double DefaultSpanSeconds = 60;

    private readonly ILogger logger = logger ?? NullLogger<SyncCheckService>.Instance;

    /// <summary>New picture per span, seconds (tests use short spans to exercise merging).</summary>
    public double SpanSeconds { get; init; } = DefaultSpanSeconds;

    /// <summary>The estimators this service measures with.</summary>
    public EstimatorRegistry Estimators => estimators;

    /// <summary>The production wiring: ffmpeg decoding and the shipped estimators.</summary>
    public static SyncCheckService CreateDefault(ILogger<SyncCheckService>? logger = null) =>
        new(new FfmpegMediaOpener(), EstimatorRegistry.CreateDefault(), logger);

    /// <summary>Measures <paramref name="input"/> with <paramref name="settings"/>; <paramref name="progress"/> gets the fraction done.</summary>
    /// <exception cref="MediaInputException">The input cannot be read, or lacks a video or an audio stream.</exception>
    /// <exception cref="FileNotFoundException">The method needs weights that are not there.</exception>
    public async Task<CheckOutcome> CheckAsync(string input, CheckSettings settings, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var clock = Stopwatch.StartNew();

        // Created first: a network method whose weights are missing fails before a long decode.
        using var estimator = estimators.Create(settings.Method, settings.WeightsPath, settings.LandmarksPath);
        var searched = settings.Analysis with { RangeSeconds = RangeGuard.SearchedSeconds(settings.Analysis.RangeSeconds) };
        LogOpening(input);
        var spans = await OpenAsync(estimator, input, settings, searched, cancellationToken).ConfigureAwait(false);
        await using var _ = spans.ConfigureAwait(false);
        var info = spans.Info;
        if (info.Video is null)
        {
            throw new MediaInputException($"'{input}' has no video stream; a sync check needs picture and sound.");
        }

        if (info.Audio is null)
        {
            throw new MediaInputException($"'{input}' has no audio stream; a sync check needs picture and sound.");
        }

        // Resolved before the (slow) analysis so a profile that cannot apply fails at once.
        var profile = settings.ResolveProfile(info.Video.FrameRate);
        var origin = settings.Decode.StartSeconds ?? info.StartSeconds;
        var length = settings.Decode.DurationSeconds ?? info.DurationSeconds ?? 0;
        var parts = new List<SyncAnalysis>();
        double primingCorrection = 0;
        await foreach (var span in spans.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (span.Video is not { } video || span.Audio is not { } audio)
            {
                throw new MediaInputException($"'{input}' decoded without picture or sound; a sync check needs both.");
            }

            primingCorrection = audio.PrimingCorrectionSeconds;
            LogAnalysing(video.StartSeconds, video.EndSeconds, video.FrameCount, audio.Samples.Length, estimator.Name);
            parts.Add(await Task.Run(() => estimator.Analyze(span, searched, cancellationToken), cancellationToken).ConfigureAwait(false));
            if (length > 0)
            {
                progress?.Report(Math.Clamp((video.EndSeconds - origin) / length, 0, 1));
            }
        }

        var analysis = RangeGuard.Limit(AnalysisMerger.Merge(parts), settings.Analysis.RangeSeconds);
        var coverage = spans.Coverage;
        if (coverage is { IsComplete: false })
        {
            LogIncomplete(input, coverage.Problem!);
        }

        var report = SyncReport.Create(input, info, analysis, profile, settings.Analysis, settings.Decode, clock.Elapsed, primingCorrection, coverage);
        LogDone(clock.Elapsed.TotalSeconds, parts.Count);
        progress?.Report(1);
        return new CheckOutcome(report, analysis);
    }

    /// <summary>
    /// Opens <paramref name="input"/> as a check with <paramref name="settings"/> would read it: the decode its method
    /// asks for (the speed benchmark times this beside the whole check).
    /// </summary>
    /// <exception cref="MediaInputException">The input cannot be read.</exception>
    /// <exception cref="FileNotFoundException">The method needs weights that are not there.</exception>
    public async Task<IMediaSpans> OpenAsync(string input, CheckSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        using var estimator = estimators.Create(settings.Method, settings.WeightsPath, settings.LandmarksPath);
        var searched = settings.Analysis with { RangeSeconds = RangeGuard.SearchedSeconds(settings.Analysis.RangeSeconds) };
        return await OpenAsync(estimator, input, settings, searched, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Opens the input as the method wants it decoded (a lip-sync method asks for faces big enough for landmarks), with
    /// spans short enough that one span of those frames stays near <see cref="SpanBytes"/>.
    /// </summary>
    private async Task<IMediaSpans> OpenAsync(ISyncEstimator estimator, string input, CheckSettings settings, AnalysisOptions searched, CancellationToken cancellationToken)
    {
        var layout = new SpanLayout(SpanSeconds, settings.Analysis.WindowSeconds, searched.RangeSeconds);
        var spans = await opener.OpenAsync(input, settings.Decode, layout, cancellationToken).ConfigureAwait(false);
        if (spans.Info.Video is not { } video)
        {
            return spans;
        }

        var decode = await estimator.PrepareDecodeAsync(input, spans.Info, settings.Decode, cancellationToken).ConfigureAwait(false);
        if (decode == settings.Decode)
        {
            return spans;
        }

        await spans.DisposeAsync().ConfigureAwait(false);
        var aspect = (double)video.DisplayHeight / Math.Max(1, video.DisplayWidth);
        var frameRate = video.FrameRate is > 0 and < 1000 ? video.FrameRate : 30;
        var shortestSpan = 3 * settings.Analysis.WindowSeconds;
        // The reader holds a span plus its overlap: at the shortest span, no wider than MaxHeldBytes of frames allow
        // (a "face" found small in a 2560x1440 SMPTE pattern asked for 2560 px: 2 GB of frames in 18 s).
        var heldSeconds = (shortestSpan + settings.Analysis.WindowSeconds + 1) * 1.05;
        var widest = 2 * (int)(Math.Sqrt(MaxHeldBytes / (heldSeconds * frameRate * aspect)) / 2);
        decode = decode with { VideoWidth = Math.Max(settings.Decode.VideoWidth, Math.Min(decode.VideoWidth, widest)) };
        var frameBytes = (double)decode.VideoWidth * decode.VideoWidth * aspect;
        var spanSeconds = Math.Clamp(SpanBytes / (frameBytes * frameRate), shortestSpan, SpanSeconds);
        LogDecodeWidth(decode.VideoWidth, spanSeconds);
        return await opener.OpenAsync(input, decode, layout with { SpanSeconds = spanSeconds }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>About how many bytes of frames one span may hold when a method decodes wider than 320 px.</summary>
    public const double SpanBytes = 200e6;

    /// <summary>
    /// Most bytes of frames the reader may hold at the shortest span (3 windows plus the overlap): caps how wide a
    /// method may ask to decode, keeping a check's memory bounded whatever the input's size.
    /// </summary>
    public const double MaxHeldBytes = 600e6;

    [LoggerMessage(Level = LogLevel.Information, Message = "decoding at {Width} px wide for faces, {SpanSeconds:0} s spans")]
    private partial void LogDecodeWidth(int width, double spanSeconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "decoding {Input}")]
    private partial void LogOpening(string input);

    [LoggerMessage(Level = LogLevel.Information, Message = "analysing {From:0.0}-{To:0.0} s: {Frames} frames and {Samples} samples with {Method}")]
    private partial void LogAnalysing(double from, double to, int frames, int samples, string method);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Input}: {Problem}; no verdict is taken from part of the input")]
    private partial void LogIncomplete(string input, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "done in {Seconds:0.0} s ({Spans} span(s))")]
    private partial void LogDone(double seconds, int spans);
}
