using Avts.Engine.Dsp;
using Avts.Engine.Media;
using Avts.Engine.Vision;

namespace Avts.Engine.Scoring;

/// <summary>
/// Training-free estimator: audio onsets and energy against visual motion, cross-correlated over candidate delays.
/// <para>
/// Features live on one 200 Hz grid on the container timeline. Two cues are correlated per window: audio onset
/// strength (rise of the log-energy envelope) against picture onsets (rise of frame motion plus rise of brightness,
/// placed at the PTS of the frame that shows the change), and the syllable-scale audio energy envelope against mouth
/// motion (whole-frame motion when no face is found), both with seconds-long trends removed. Each cue is weighted by the confidence of its own peak;
/// window curves are averaged with their confidences and the overall peak is refined to sub-grid precision.
/// </para>
/// <para>
/// Known limit: on talking heads the mouth-motion cue is weak (a few seconds of speech rarely clear the chance level of
/// <see cref="Dsp.PeakConfidence"/>) and leads the sound by a content-dependent 60-400 ms (lips move before the voice
/// starts), so such clips usually come out not synchronizable rather than with a wrong confident delay.
/// </para>
/// </summary>
public sealed class OnsetEstimator : ISyncEstimator
{
    /// <summary>Grid spacing: 5 ms, fine enough that parabolic refinement lands well inside ±1 ms on clean events.</summary>
    internal const double GridStepSeconds = 0.005;

    /// <summary>Smoothing of the fine log-energy envelope; also the width of an audio onset on the grid.</summary>
    private const double AudioSigmaSeconds = 0.008;

    /// <summary>Smoothing of the speech cue on both sides: about one frame at 25 fps, well below a syllable.</summary>
    private const double SpeechSigmaSeconds = 0.04;

    /// <summary>Shortest clip (overlap of both tracks) worth analysing, in seconds.</summary>
    internal const double MinimumSpanSeconds = 1.5;

    /// <summary>Lags need this fraction of the window overlapping with audio to be scored.</summary>
    private const double MinimumOverlap = 0.5;

    private readonly FaceLocatorPool faceLocators;

    /// <summary>Creates the estimator with the Haar cascade shipped next to the engine.</summary>
    public OnsetEstimator()
        : this(FaceLocator.DefaultCascadePath)
    {
    }

    /// <summary>
    /// Creates the estimator with the frontal-face Haar cascade at <paramref name="cascadePath"/>; null or a missing
    /// file disables the mouth region (whole-frame motion is used instead).
    /// </summary>
    public OnsetEstimator(string? cascadePath) => faceLocators = new FaceLocatorPool(cascadePath);

    /// <inheritdoc />
    public string Name => "onset";

    /// <summary>Frees the loaded face cascades.</summary>
    public void Dispose() => faceLocators.Dispose();

    /// <inheritdoc />
    public SyncAnalysis Analyze(DecodedMedia media, AnalysisOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(media);
        ArgumentNullException.ThrowIfNull(options);
        var video = media.Video ?? throw new ArgumentException("The onset estimator needs a video track.", nameof(media));
        var audio = media.Audio ?? throw new ArgumentException("The onset estimator needs an audio track.", nameof(media));

        var spanStart = Math.Max(video.StartSeconds, audio.StartSeconds);
        var spanEnd = Math.Min(video.EndSeconds, audio.EndSeconds);
        if (video.FrameCount < 3 || spanEnd - spanStart < MinimumSpanSeconds)
        {
            return Unsynchronizable([], null);
        }

        var range = options.RangeSeconds;
        var grid = TimeGrid.Covering(
            Math.Min(video.StartSeconds, audio.StartSeconds) - range - 0.1,
            Math.Max(video.EndSeconds, audio.EndSeconds) + range + 0.1,
            GridStepSeconds);
        var cues = BuildCues(video, audio, grid, cancellationToken);
        var maxLag = (int)Math.Round(range / GridStepSeconds);

        // Windows are independent (the cues are read-only): on a whole file they run on every core, in order.
        var bounds = WindowBounds(spanStart, spanEnd, options).ToList();
        var analysed = new (WindowEstimate Estimate, double[]? Curve)[bounds.Count];
        Parallel.For(
            0,
            bounds.Count,
            new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount },
            i => analysed[i] = AnalyzeWindow(cues, audio, grid, bounds[i].Start, bounds[i].End, maxLag));
        var windows = analysed.Select(a => a.Estimate).ToList();
        var windowCurves = analysed.Where(a => a.Curve is not null).Select(a => (a.Curve!, a.Estimate.Confidence)).ToList();

        var overall = CurveAggregation.Combine(windowCurves, 2 * maxLag + 1);
        var offsetCurve = CurveAggregation.ToOffsetCurve(overall, maxLag, GridStepSeconds);
        var silent = SyncGate.IsSilent(audio, spanStart, spanEnd);
        var frozen = SyncGate.IsFrozen(LargestChange(cues.Motion, spanStart, spanEnd));
        var peak = PeakInterpolation.ArgMax(overall);
        if (silent || frozen || peak < 0)
        {
            return Unsynchronizable(windows, offsetCurve);
        }

        var confidence = OverallConfidence(overall, peak, windows);

        // A maximum on the edge of the searched range is a slope, not a peak: the true delay may lie outside.
        var onEdge = peak == 0 || peak == overall.Length - 1;
        if (onEdge)
        {
            return new SyncAnalysis(Name, null, confidence, false, windows, offsetCurve);
        }

        var delayMs = (PeakInterpolation.Refine(overall) - maxLag) * GridStepSeconds * 1000;
        var committed = confidence >= SyncGate.MinimumConfidence;
        return new SyncAnalysis(Name, committed ? delayMs : null, confidence, committed, windows, offsetCurve)
        {
            PeakDelayMs = delayMs,
        };
    }

    /// <summary>
    /// Confidence of the overall curve, measured over the seconds that actually carried weight (the windows with a
    /// confidence above zero; none means zero), and capped by the windows' combined evidence
    /// 1 - prod(1 - c_w): averaging curves must not turn windows that each saw nothing into a confident answer, while
    /// many weakly confident windows that agree may still add up.
    /// </summary>
    private static double OverallConfidence(double[] overall, int peak, IReadOnlyList<WindowEstimate> windows)
    {
        var contributing = windows.Where(w => w.Confidence > 0).ToList();
        if (contributing.Count == 0)
        {
            return 0;
        }

        // Union of the contributing windows' spans (they are in time order and may overlap).
        double covered = 0, reach = double.NegativeInfinity;
        foreach (var w in contributing)
        {
            covered += Math.Max(0, w.EndSeconds - Math.Max(w.StartSeconds, reach));
            reach = Math.Max(reach, w.EndSeconds);
        }

        var curveConfidence = PeakConfidence.Of(overall, peak, GridStepSeconds, (int)(covered / GridStepSeconds));
        var combined = 1 - contributing.Aggregate(1.0, (product, w) => product * (1 - w.Confidence));
        return Math.Min(curveConfidence, combined);
    }

    private SyncAnalysis Unsynchronizable(IReadOnlyList<WindowEstimate> windows, OffsetCurve? curve) =>
        new(Name, null, 0, false, windows, curve);

    /// <summary>Windows of the configured length every hop over the span; one shorter window when the span is short.</summary>
    internal static IEnumerable<(double Start, double End)> WindowBounds(double spanStart, double spanEnd, AnalysisOptions options)
    {
        var length = options.WindowSeconds;
        var hop = Math.Max(options.HopSeconds, 0.1);
        if (spanEnd - spanStart <= length)
        {
            yield return (spanStart, spanEnd);
            yield break;
        }

        var start = spanStart;
        for (; start + length <= spanEnd + 1e-9; start += hop)
        {
            yield return (start, start + length);
        }

        // Cover the tail that the regular hops left out, when it is a sizeable part of a window.
        if (spanEnd - (start - hop + length) > hop / 2)
        {
            yield return (spanEnd - length, spanEnd);
        }
    }

    private OnsetCues BuildCues(VideoTrack video, AudioTrack audio, TimeGrid grid, CancellationToken cancellationToken)
    {
        FrameMotion motion;
        var faces = faceLocators.Rent();
        try
        {
            motion = MotionExtractor.Extract(video, faces, cancellationToken);
        }
        finally
        {
            faceLocators.Return(faces);
        }

        return OnsetCues.Build(motion, audio, grid, AudioSigmaSeconds, SpeechSigmaSeconds);
    }

    private static (WindowEstimate Estimate, double[]? Curve) AnalyzeWindow(
        OnsetCues cues, AudioTrack audio, TimeGrid grid, double start, double end, int maxLag)
    {
        var from = (int)Math.Ceiling(grid.PositionOf(start));
        var to = (int)Math.Floor(grid.PositionOf(end)) + 1;
        var nothing = (new WindowEstimate(start, end, null, 0), (double[]?)null);
        if (SyncGate.IsSilent(audio, start, end) || SyncGate.IsFrozen(LargestChange(cues.Motion, start, end)))
        {
            return nothing;
        }

        var curve = CurveAggregation.CombineCues(
            [
                CrossCorrelation.Normalized(cues.VisualOnset, cues.AudioOnset, from, to, maxLag, MinimumOverlap),
                CrossCorrelation.Normalized(cues.MouthMotion, cues.SpeechEnvelope, from, to, maxLag, MinimumOverlap),
            ],
            GridStepSeconds,
            to - from);
        if (curve is null)
        {
            return nothing;
        }

        var peak = PeakInterpolation.ArgMax(curve);
        var confidence = PeakConfidence.Of(curve, peak, GridStepSeconds, to - from);
        var delayMs = (PeakInterpolation.Refine(curve) - maxLag) * GridStepSeconds * 1000;
        return (new WindowEstimate(start, end, delayMs, confidence), curve);
    }

    private static double LargestChange(FrameMotion motion, double start, double end) =>
        FrameChange.Largest(motion.CellChange, motion.TimestampsSeconds, start, end);
}
