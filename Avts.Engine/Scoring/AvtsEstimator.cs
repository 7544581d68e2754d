using Avts.Engine.Dsp;
using Avts.Engine.Media;
using Avts.Engine.Model;
using Avts.Engine.Vision.Landmarks;
using Avts.Engine.Vision.Lips;
using Avts.Engine.Vision.Tracking;
using TorchSharp;

namespace Avts.Engine.Scoring;

/// <summary>
/// Network estimator: the AVTS two-stream model scores every candidate delay of 1 s clips at 10 ms steps, and the
/// delay whose audio lies closest to the picture in embedding space wins.
/// <para>
/// Clips of the model's length (1 s) start every <see cref="ClipHop"/> seconds over the span covered by both tracks.
/// Each clip is embedded once and paired with one audio feature map over the clip ± the search range
/// (<see cref="AvtsModel.ShiftDistances"/>), giving a distance curve over −range..+range; the audio window at shift
/// +s is taken s later than the clip, so a minimum at +s means the sound is late by s (audio_delay_ms = +s). Shifts the
/// audio track does not cover (near its ends) are left out of that clip's curve. An analysis window's curve is the
/// mean of its clips' curves; the overall curve is the windows' curves weighted by their confidence (as the onset
/// estimator combines windows), and its minimum is refined by a parabola to below the 10 ms step.
/// </para>
/// <para>
/// Confidence: see <see cref="DistanceCurve"/> (margin of the minimum below the median distance, shrunk by a rival
/// minimum, then the model card's calibration table or a default squash). The overall confidence is capped by the
/// windows' combined evidence 1 − Π(1 − c_w), as in the onset estimator. Silent or frozen windows, and minima on the
/// edge of the range, give no estimate.
/// </para>
/// </summary>
public sealed class AvtsEstimator : ISyncEstimator
{
    /// <summary>Hop between pixel-model clip starts, in seconds: clips overlap by half so every event is seen whole.</summary>
    public const double ClipHopSeconds = 0.5;

    /// <summary>
    /// Hop between lips-model clip starts, in seconds. A lip clip costs little (the lip encoder is small and the audio
    /// map is computed once per analysis), and its curve is noisier than a pixel clip's: on the dev speakers, pooling
    /// clips every 0.2 s put 37 % of shifted cases within ±80 ms against 32 % every 0.5 s (first lips model, commit
    /// threshold 0.2).
    /// </summary>
    public const double LipsClipHopSeconds = 0.2;

    /// <summary>Hop between clip starts for a model with <paramref name="options"/>, in seconds.</summary>
    public static double ClipHop(AvtsModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.IsLips ? LipsClipHopSeconds : ClipHopSeconds;
    }

    /// <summary>
    /// Span over which one face-crop region is found (face-crop models): long enough for a stable median of detections,
    /// short enough to follow a head that moves; training finds one region per clip of a few seconds alike.
    /// </summary>
    public const double CropBlockSeconds = 4.0;

    // Stands in for the probe result when ScoreWindows is called on bare tracks (calibration): no display size known.
    private static readonly MediaInfo UnknownSource = new("", "", null, null, null);

    private readonly AvtsModel? model;
    private readonly torch.Device device = torch.CPU;
    private readonly LogMelSpectrogram? mel;
    private readonly ClipScorer scorer;
    private readonly ClipWindowScorer windowScorer;
    private readonly LipFaces? faces;
    private readonly WindowCalibration calibration;
    private readonly double commitConfidence = SyncGate.MinimumConfidence;
    private readonly double uncertaintyMs;

    /// <summary>
    /// Loads the checkpoint at <paramref name="weightsPath"/> once. The architecture and preprocessing come from its
    /// model card, or must equal <paramref name="expected"/> when given (else a one-line <see cref="ModelCardException"/>).
    /// <paramref name="device"/> is "cpu", "cuda" or "auto". A lips model also loads the 68-point landmark model at
    /// <paramref name="landmarksPath"/> (default: Debian's, <see cref="ShapePredictor.DefaultModelPath"/>).
    /// </summary>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="weightsPath"/> (or, for lips, at the landmark path).</exception>
    /// <exception cref="ModelCardException">The card is missing, unreadable or disagrees with <paramref name="expected"/>.</exception>
    /// <exception cref="LandmarkModelException">A lips model's landmark file is not a usable dlib shape predictor.</exception>
    public AvtsEstimator(string weightsPath, AvtsModelOptions? expected = null, string device = "cpu", string? landmarksPath = null)
    {
        ArgumentNullException.ThrowIfNull(weightsPath);
        if (!File.Exists(weightsPath))
        {
            throw new FileNotFoundException($"no AVTS weights at {weightsPath}.", weightsPath);
        }

        var card = Checkpoint.ReadCard(weightsPath);
        Options = expected ?? card.Options;
        this.device = AvtsModel.ResolveDevice(device);
        model = Checkpoint.Load(weightsPath, Options, this.device);
        model.eval();
        calibration = WindowCalibration.From(card);
        commitConfidence = card.CommitConfidence ?? SyncGate.MinimumConfidence;
        uncertaintyMs = card.AbsoluteUncertaintyMs ?? 0;
        mel = new LogMelSpectrogram(Options.SampleRate, Options.FftSize, Options.HopLength, Options.WindowLength, Options.MelBins, Options.MelMinHz, Options.MelMaxHz, Options.LogOffset);
        scorer = ScoreWithModel;
        windowScorer = new ClipWindowScorer(Options);
        faces = Options.IsLips ? new LipFaces(LandmarkModels.Load(landmarksPath ?? ShapePredictor.DefaultModelPath), Options) : null;
    }

    /// <summary>An estimator over a scripted <paramref name="scorer"/> (tests: conventions without a trained model).</summary>
    internal AvtsEstimator(AvtsModelOptions options, ClipScorer scorer, WindowCalibration? calibration = null, ShapePredictor? landmarks = null, double? commitConfidence = null)
    {
        Options = options;
        this.commitConfidence = commitConfidence ?? SyncGate.MinimumConfidence;
        this.scorer = scorer;
        windowScorer = new ClipWindowScorer(options);
        faces = options.IsLips && landmarks is not null ? new LipFaces(landmarks, options) : null;
        this.calibration = calibration ?? WindowCalibration.None;
    }

    /// <inheritdoc />
    public string Name => Options.IsLips ? "lips" : "avts";

    /// <summary>The model's architecture and preprocessing (from the card).</summary>
    public AvtsModelOptions Options { get; }

    /// <summary>
    /// Lips models: deblocked, and wide enough that the faces found in the first seconds are about
    /// <see cref="FaceScale.TargetFaceWidth"/> px (never narrower than asked); pixel models: as asked.
    /// </summary>
    public async Task<DecodeOptions> PrepareDecodeAsync(string input, MediaInfo info, DecodeOptions requested, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requested);
        if (!Options.IsLips)
        {
            return requested;
        }

        var deblocked = requested with { Deblock = true };
        return await ProbeFaceWidthAsync(input, requested, cancellationToken).ConfigureAwait(false) is { } width && width > requested.VideoWidth
            ? deblocked with { VideoWidth = width }
            : deblocked;
    }

    // The face probe is a hint: an input it cannot read is decoded as asked, and the decode that follows reports why
    // (through whichever opener the caller uses, in-memory ones included).
    private static async Task<int?> ProbeFaceWidthAsync(string input, DecodeOptions requested, CancellationToken cancellationToken)
    {
        try
        {
            return await FaceScale.FindDecodeWidthAsync(input, cancellationToken, startSeconds: requested.StartSeconds).ConfigureAwait(false);
        }
        catch (MediaInputException)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public SyncAnalysis Analyze(DecodedMedia media, AnalysisOptions options, CancellationToken cancellationToken) =>
        Analyze(media, options, null, cancellationToken);

    /// <summary>A lips model's candidate faces in <paramref name="video"/>, followed once for several lips models (see <see cref="LipsPairEstimator"/>).</summary>
    internal IReadOnlyList<LipTrack> FollowLips(VideoTrack video, CancellationToken cancellationToken) =>
        Faces.Follow(video, cancellationToken);

    /// <summary>
    /// As <see cref="Analyze(DecodedMedia, AnalysisOptions, CancellationToken)"/>; a lips model scores
    /// <paramref name="lipTracks"/> (from <see cref="FollowLips"/>) instead of following the faces itself when given,
    /// and only the part of the input inside <paramref name="span"/> (seconds) is analysed when given.
    /// </summary>
    internal SyncAnalysis Analyze(
        DecodedMedia media, AnalysisOptions options, IReadOnlyList<LipTrack>? lipTracks, CancellationToken cancellationToken, (double Start, double End)? span = null)
    {
        ArgumentNullException.ThrowIfNull(media);
        ArgumentNullException.ThrowIfNull(options);
        var video = media.Video ?? throw new ArgumentException("The avts estimator needs a video track.", nameof(media));
        var audio = media.Audio ?? throw new ArgumentException("The avts estimator needs an audio track.", nameof(media));
        if (audio.SampleRate != Options.SampleRate)
        {
            throw new ArgumentException($"The AVTS model takes {Options.SampleRate} Hz audio but the input was decoded at {audio.SampleRate} Hz; decode at the model's rate.", nameof(media));
        }

        var stepSeconds = (double)Options.HopLength / Options.SampleRate;
        var maxShift = (int)Math.Round(options.RangeSeconds / stepSeconds);
        var shiftCount = (2 * maxShift) + 1;
        var spanStart = Math.Max(Math.Max(video.StartSeconds, audio.StartSeconds), span?.Start ?? double.NegativeInfinity);
        var spanEnd = Math.Min(Math.Min(video.EndSeconds, audio.EndSeconds), span?.End ?? double.PositiveInfinity);
        if (video.FrameCount < 3 || spanEnd - spanStart < Options.WindowSeconds)
        {
            return Unsynchronizable([], null);
        }

        var windows = new List<WindowEstimate>();
        var windowCurves = new List<(double[] Curve, double Confidence)>();
        var bounds = OnsetEstimator.WindowBounds(spanStart, spanEnd, options).ToList();
        using var shifts = NewShiftScorer();
        var (scoredWindows, face) = Options.IsLips
            ? ScoreFace(media, shifts, bounds, options.RangeSeconds, lipTracks, cancellationToken)
            : (windowScorer.Score(video, audio, bounds, options.RangeSeconds, PixelClips(video, spanStart), shifts, cancellationToken).ToList(), null);
        foreach (var scored in scoredWindows)
        {
            var confidence = scored.DelayMs is null ? 0 : calibration.Confidence(scored.RawScore, scored.EndSeconds - scored.StartSeconds);
            windows.Add(new WindowEstimate(scored.StartSeconds, scored.EndSeconds, scored.DelayMs, confidence));
            if (scored.Curve is not null)
            {
                windowCurves.Add((scored.Curve, confidence));
            }
        }

        var overall = CurveAggregation.Combine(windowCurves, shiftCount);
        var offsetCurve = CurveAggregation.ToOffsetCurve(overall, maxShift, stepSeconds) with { Kind = "distance" };
        if (windowCurves.Count == 0 || DistanceCurve.ArgMin(overall) < 0)
        {
            return Unsynchronizable(windows, windowCurves.Count == 0 ? null : offsetCurve) with { Face = face };
        }

        var combined = 1 - windows.Aggregate(1.0, (product, w) => product * (1 - w.Confidence));
        var overallConfidence = Math.Min(calibration.Confidence(DistanceCurve.Score(overall, stepSeconds), spanEnd - spanStart), combined);
        if (DistanceCurve.MinimumOnEdge(overall))
        {
            return new SyncAnalysis(Name, null, overallConfidence, false, windows, offsetCurve) { Face = face };
        }

        var delayMs = DistanceCurve.DelayMs(overall, maxShift, stepSeconds * 1000);
        var committed = overallConfidence >= commitConfidence;
        return new SyncAnalysis(Name, committed ? delayMs : null, overallConfidence, committed, windows, offsetCurve)
        {
            PeakDelayMs = delayMs,
            Face = face,
            UncertaintyMs = uncertaintyMs,
        };
    }

    /// <summary>
    /// The per-window half of <see cref="Analyze(DecodedMedia, AnalysisOptions, CancellationToken)"/>, for each of <paramref name="bounds"/> in order: the window's mean
    /// distance curve over ±<paramref name="rangeSeconds"/>, its raw score (<see cref="DistanceCurve.Score"/>) and
    /// delay (see <see cref="ClipWindowScorer"/>). Pixel models cut their clips from the frames (a face-crop model at
    /// the mouth square found per <see cref="CropBlockSeconds"/>); lips models from the lip track of the face whose lips
    /// explain the sound best. Calibration scores held-out windows through this same call.
    /// </summary>
    public IEnumerable<ScoredWindow> ScoreWindows(VideoTrack video, AudioTrack audio, IEnumerable<(double Start, double End)> bounds, double rangeSeconds, CancellationToken cancellationToken)
    {
        if (!Options.IsLips)
        {
            return ScoreWindows(video, audio, bounds, rangeSeconds, PixelClips(video, Math.Max(video.StartSeconds, audio.StartSeconds)), cancellationToken);
        }

        using var shifts = NewShiftScorer();
        return ScoreFace(new DecodedMedia(UnknownSource, video, audio), shifts, [.. bounds], rangeSeconds, null, cancellationToken).Windows;
    }

    /// <summary>
    /// <see cref="ScoreWindows(VideoTrack, AudioTrack, IEnumerable{ValueTuple{double, double}}, double, CancellationToken)"/>
    /// with the clips given by <paramref name="clipAt"/> (a clip's start, on a frame's timestamp, to its model input):
    /// the speed benchmark times the network's share of a check with inputs cut beforehand.
    /// </summary>
    internal IReadOnlyList<ScoredWindow> ScoreWindows(
        VideoTrack video, AudioTrack audio, IEnumerable<(double Start, double End)> bounds, double rangeSeconds, Func<double, float[]?> clipAt, CancellationToken cancellationToken)
    {
        using var shifts = NewShiftScorer();
        return [.. windowScorer.Score(video, audio, bounds, rangeSeconds, clipAt, shifts, cancellationToken)];
    }

    // One per analysis: the network's scorer keeps that input's audio feature map; a scripted scorer gets spans.
    private IShiftScorer NewShiftScorer() =>
        model is not null && mel is not null ? new MapShiftScorer(model, mel, device) : new SpanShiftScorer(Options, scorer);

    // Pixel clips, at the mouth square of the block of CropBlockSeconds they start in (face-crop models), found once per block.
    private Func<double, float[]?> PixelClips(VideoTrack video, double spanStart)
    {
        var crops = new Dictionary<int, CropRegion?>();
        return clipStart =>
        {
            var block = (int)Math.Floor((clipStart - spanStart) / CropBlockSeconds);
            if (!crops.TryGetValue(block, out var region))
            {
                var from = spanStart + (block * CropBlockSeconds);
                region = AvtsInputs.CropFor(video, from, from + CropBlockSeconds, Options);
                crops[block] = region;
            }

            return AvtsInputs.VideoClip(video, clipStart, Options, region);
        };
    }

    private LipFaces Faces => faces ?? throw new InvalidOperationException("A lips model needs the landmark model.");

    private (IReadOnlyList<ScoredWindow> Windows, FaceRegion? Face) ScoreFace(
        DecodedMedia media, IShiftScorer shifts, IReadOnlyList<(double Start, double End)> bounds, double rangeSeconds, IReadOnlyList<LipTrack>? lipTracks,
        CancellationToken cancellationToken) =>
        Faces.Score(windowScorer, shifts, media, bounds, rangeSeconds, lipTracks, cancellationToken);

    /// <summary>
    /// Scores one clip against every shift of its audio span, exactly as <see cref="Analyze(DecodedMedia, AnalysisOptions, CancellationToken)"/> does per clip: the speed
    /// benchmark times this call alone.
    /// </summary>
    internal double[] ScoreClip(float[] clip, float[] span, int shiftCount) => scorer(clip, span, shiftCount);

    /// <summary>Releases the network.</summary>
    public void Dispose() => model?.Dispose();

    private double[] ScoreWithModel(float[] clip, float[] span, int shiftCount)
    {
        // One scope per clip: every tensor of this pass (inputs, feature map, pooled shifts) is freed on return.
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var audioTensor = AvtsModel.LogMelTensor(mel!.Compute(span), device);
        var videoTensor = torch.tensor(clip, Options.VideoClipShape(1)).to(device);
        using var distances = model!.ShiftDistances(videoTensor, audioTensor, 0, shiftCount);
        return distances.to(torch.CPU).to_type(torch.ScalarType.Float64).data<double>().ToArray();
    }

    private SyncAnalysis Unsynchronizable(IReadOnlyList<WindowEstimate> windows, OffsetCurve? curve) =>
        new(Name, null, 0, false, windows, curve);
}
