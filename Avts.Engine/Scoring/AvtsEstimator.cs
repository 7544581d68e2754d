using Avts.Engine.Dsp;
using Avts.Engine.Media;
using Avts.Engine.Model;
using Avts.Engine.Vision;
using TorchSharp;

namespace Avts.Engine.Scoring;

/// <summary>
/// Network estimator: the AVTS two-stream model scores every candidate delay of 1 s clips at 10 ms steps, and the
/// delay whose audio lies closest to the picture in embedding space wins.
/// <para>
/// Clips of the model's length (1 s) start every <see cref="ClipHopSeconds"/> over the span covered by both tracks.
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
    /// <summary>Hop between model clip starts, in seconds: clips overlap by half so every event is seen whole.</summary>
    public const double ClipHopSeconds = 0.5;

    /// <summary>
    /// Span over which one face-crop region is found (face-crop models): long enough for a stable median of detections,
    /// short enough to follow a head that moves; training finds one region per clip of a few seconds alike.
    /// </summary>
    public const double CropBlockSeconds = 4.0;

    private readonly AvtsModel? model;
    private readonly torch.Device device = torch.CPU;
    private readonly LogMelSpectrogram? mel;
    private readonly ClipScorer scorer;
    private readonly WindowCalibration calibration;

    /// <summary>
    /// Loads the checkpoint at <paramref name="weightsPath"/> once. The architecture and preprocessing come from its
    /// model card, or must equal <paramref name="expected"/> when given (else a one-line <see cref="ModelCardException"/>).
    /// <paramref name="device"/> is "cpu", "cuda" or "auto".
    /// </summary>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="weightsPath"/>.</exception>
    /// <exception cref="ModelCardException">The card is missing, unreadable or disagrees with <paramref name="expected"/>.</exception>
    public AvtsEstimator(string weightsPath, AvtsModelOptions? expected = null, string device = "cpu")
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
        mel = new LogMelSpectrogram(Options.SampleRate, Options.FftSize, Options.HopLength, Options.WindowLength, Options.MelBins, Options.MelMinHz, Options.MelMaxHz, Options.LogOffset);
        scorer = ScoreWithModel;
    }

    /// <summary>An estimator over a scripted <paramref name="scorer"/> (tests: conventions without a trained model).</summary>
    internal AvtsEstimator(AvtsModelOptions options, ClipScorer scorer, WindowCalibration? calibration = null)
    {
        Options = options;
        this.scorer = scorer;
        this.calibration = calibration ?? WindowCalibration.None;
    }

    /// <inheritdoc />
    public string Name => "avts";

    /// <summary>The model's architecture and preprocessing (from the card).</summary>
    public AvtsModelOptions Options { get; }

    /// <inheritdoc />
    public SyncAnalysis Analyze(DecodedMedia media, AnalysisOptions options, CancellationToken cancellationToken)
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
        var spanStart = Math.Max(video.StartSeconds, audio.StartSeconds);
        var spanEnd = Math.Min(video.EndSeconds, audio.EndSeconds);
        if (video.FrameCount < 3 || spanEnd - spanStart < Options.WindowSeconds)
        {
            return Unsynchronizable([], null);
        }

        var windows = new List<WindowEstimate>();
        var windowCurves = new List<(double[] Curve, double Confidence)>();
        foreach (var scored in ScoreWindows(video, audio, OnsetEstimator.WindowBounds(spanStart, spanEnd, options), options.RangeSeconds, cancellationToken))
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
            return Unsynchronizable(windows, windowCurves.Count == 0 ? null : offsetCurve);
        }

        var combined = 1 - windows.Aggregate(1.0, (product, w) => product * (1 - w.Confidence));
        var overallConfidence = Math.Min(calibration.Confidence(DistanceCurve.Score(overall, stepSeconds), spanEnd - spanStart), combined);
        if (DistanceCurve.MinimumOnEdge(overall))
        {
            return new SyncAnalysis(Name, null, overallConfidence, false, windows, offsetCurve);
        }

        var delayMs = DistanceCurve.DelayMs(overall, maxShift, stepSeconds * 1000);
        var committed = overallConfidence >= SyncGate.MinimumConfidence;
        return new SyncAnalysis(Name, committed ? delayMs : null, overallConfidence, committed, windows, offsetCurve)
        {
            PeakDelayMs = delayMs,
        };
    }

    /// <summary>
    /// The per-window half of <see cref="Analyze"/>, for each of <paramref name="bounds"/> in order: the window's mean
    /// distance curve over ±<paramref name="rangeSeconds"/>, its raw score (<see cref="DistanceCurve.Score"/>) and
    /// delay. Silent or frozen windows, windows no clip fits and minima on the edge of the range give no delay (raw
    /// score 0). Clips sit on one 0.5 s grid from the span both tracks cover, so overlapping windows share (and
    /// compute once) their clips. Calibration scores held-out windows through this same call.
    /// </summary>
    public IEnumerable<ScoredWindow> ScoreWindows(VideoTrack video, AudioTrack audio, IEnumerable<(double Start, double End)> bounds, double rangeSeconds, CancellationToken cancellationToken)
    {
        var stepSeconds = (double)Options.HopLength / Options.SampleRate;
        var maxShift = (int)Math.Round(rangeSeconds / stepSeconds);
        var shiftCount = (2 * maxShift) + 1;
        var spanStart = Math.Max(video.StartSeconds, audio.StartSeconds);
        var clipCurves = new Dictionary<int, double[]?>();
        var crops = new Dictionary<int, CropRegion?>();
        CropRegion? CropAt(double clipStart)
        {
            var block = (int)Math.Floor((clipStart - spanStart) / CropBlockSeconds);
            if (!crops.TryGetValue(block, out var region))
            {
                var from = spanStart + (block * CropBlockSeconds);
                region = AvtsInputs.CropFor(video, from, from + CropBlockSeconds, Options);
                crops[block] = region;
            }

            return region;
        }

        double[]? change = null;
        foreach (var (start, end) in bounds)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (video.FrameCount < 3 || SyncGate.IsSilent(audio, start, end)
                || SyncGate.IsFrozen(FrameChange.Largest(change ??= FrameChange.PerFrame(video, cancellationToken), video.TimestampsSeconds, start, end)))
            {
                yield return new ScoredWindow(start, end, null, 0, null);
                continue;
            }

            var curves = new List<double[]>();
            for (var i = (int)Math.Ceiling(((start - spanStart) / ClipHopSeconds) - 1e-6); spanStart + (i * ClipHopSeconds) + Options.WindowSeconds <= end + 1e-6; i++)
            {
                if (!clipCurves.TryGetValue(i, out var curve))
                {
                    var clipStart = spanStart + (i * ClipHopSeconds);
                    curve = ClipCurve(video, audio, clipStart, CropAt(clipStart), maxShift, shiftCount);
                    clipCurves[i] = curve;
                }

                if (curve is not null)
                {
                    curves.Add(curve);
                }
            }

            var windowCurve = MeanCurve(curves, shiftCount);
            if (DistanceCurve.ArgMin(windowCurve) < 0)
            {
                yield return new ScoredWindow(start, end, null, 0, null);
            }
            else if (DistanceCurve.MinimumOnEdge(windowCurve))
            {
                // Still part of the overall curve (with weight 0), but a slope is no estimate of its own.
                yield return new ScoredWindow(start, end, windowCurve, 0, null);
            }
            else
            {
                yield return new ScoredWindow(start, end, windowCurve, DistanceCurve.Score(windowCurve, stepSeconds), DistanceCurve.DelayMs(windowCurve, maxShift, stepSeconds * 1000));
            }
        }
    }

    /// <summary>
    /// Scores one clip against every shift of its audio span, exactly as <see cref="Analyze"/> does per clip: the speed
    /// benchmark times this call alone.
    /// </summary>
    internal double[] ScoreClip(float[] clip, float[] span, int shiftCount) => scorer(clip, span, shiftCount);

    /// <summary>Releases the network.</summary>
    public void Dispose() => model?.Dispose();

    /// <summary>
    /// Distance curve [shiftCount] of the clip starting at the first frame shown at or after <paramref name="clipStart"/>,
    /// cut at <paramref name="region"/>: index k is the audio shift
    /// (k − maxShift) steps (positive = audio taken from later); NaN where the audio track does not cover the window.
    /// Null when the clip or no shift at all is covered.
    /// </summary>
    private double[]? ClipCurve(VideoTrack video, AudioTrack audio, double clipStart, CropRegion? region, int maxShift, int shiftCount)
    {
        // Start on a frame's PTS: a clip starting between frames shows every frame up to a frame period late relative
        // to its start (frames are held), which would smear the curve of clips on a half-frame grid by that much.
        var frame = video.FirstFrameAtOrAfter(clipStart);
        if (frame >= video.FrameCount)
        {
            return null;
        }

        clipStart = video.TimestampsSeconds[frame];
        var clip = AvtsInputs.VideoClip(video, clipStart, Options, region);
        if (clip is null)
        {
            return null;
        }

        // The window of shift k starts (k − maxShift) hops after the clip, minus the audio subnet's context.
        var hop = Options.HopLength;
        var spanFrom = clipStart - ((double)maxShift * hop / Options.SampleRate) - AvtsInputs.ContextSeconds(Options);
        var first = (long)Math.Round((spanFrom - audio.StartSeconds) * Options.SampleRate);
        var windowSamples = Options.AudioWindowSamples;
        var kLo = first >= 0 ? 0 : (int)((-first + hop - 1) / hop);
        var kHi = (int)Math.Min(shiftCount - 1, Math.Floor((double)(audio.Samples.Length - windowSamples - first) / hop));
        if (kHi < kLo)
        {
            return null;
        }

        var from = (int)(first + ((long)kLo * hop));
        var span = audio.Samples.AsSpan(from, ((kHi - kLo) * hop) + windowSamples).ToArray();
        var distances = scorer(clip, span, kHi - kLo + 1);
        var curve = new double[shiftCount];
        Array.Fill(curve, double.NaN);
        Array.Copy(distances, 0, curve, kLo, kHi - kLo + 1);
        return curve;
    }

    private double[] ScoreWithModel(float[] clip, float[] span, int shiftCount)
    {
        // One scope per clip: every tensor of this pass (inputs, feature map, pooled shifts) is freed on return.
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var audioTensor = AvtsModel.LogMelTensor(mel!.Compute(span), device);
        var videoTensor = torch.tensor(clip, [1, Options.VideoChannels, Options.ClipFrames, Options.InputSize, Options.InputSize]).to(device);
        using var distances = model!.ShiftDistances(videoTensor, audioTensor, 0, shiftCount);
        return distances.to(torch.CPU).to_type(torch.ScalarType.Float64).data<double>().ToArray();
    }

    /// <summary>
    /// Per-shift mean of the clips' curves, each first centred on its own median (NaN where fewer than half of the
    /// clips cover the shift); the mean of the medians is added back so the values stay distances. Clips near a
    /// file's ends cover only some shifts, and a clip's whole curve sits higher or lower with its content (speech,
    /// a pause): without centring, the shifts only the low clips cover would win by that level alone.
    /// </summary>
    internal static double[] MeanCurve(List<double[]> curves, int length)
    {
        var medians = curves.Select(c => SampleStatistics.Median(c.Where(d => !double.IsNaN(d)))).ToArray();
        var level = medians.Length > 0 ? medians.Average() : 0;
        var result = new double[length];
        for (var i = 0; i < length; i++)
        {
            double sum = 0;
            var count = 0;
            for (var c = 0; c < curves.Count; c++)
            {
                if (!double.IsNaN(curves[c][i]))
                {
                    sum += curves[c][i] - medians[c];
                    count++;
                }
            }

            // A shift that fewer than half of the clips cover is a mean of few, noisier distances: near the ends of
            // a short file its dips would win by chance, so it is left out (NaN, treated as the range's edge).
            result[i] = count > 0 && count * 2 >= curves.Count ? level + (sum / count) : double.NaN;
        }

        return result;
    }

    private SyncAnalysis Unsynchronizable(IReadOnlyList<WindowEstimate> windows, OffsetCurve? curve) =>
        new(Name, null, 0, false, windows, curve);
}
