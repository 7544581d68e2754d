using Avts.Engine.Dsp;
using Avts.Engine.Media;
using Avts.Engine.Model;
using Avts.Engine.Vision;

namespace Avts.Engine.Scoring;

/// <summary>
/// The per-window half of the network estimator: model clips start every <see cref="AvtsEstimator.ClipHop"/> seconds
/// over the span both tracks cover, each is scored against every audio shift of its span, and a window's curve is the
/// mean of its clips' curves (<see cref="MeanCurve"/>). Where clips come from (pixels or a face's lip track) is the
/// caller's: <c>clipAt</c> gives the model clip starting at a frame's time, or null where there is none; so is how a
/// clip is scored against its shifts (<see cref="IShiftScorer"/>).
/// </summary>
/// <param name="options">The model's architecture and preprocessing.</param>
internal sealed class ClipWindowScorer(AvtsModelOptions options)
{
    /// <summary>
    /// For each of <paramref name="bounds"/> in order: the window's mean distance curve over ±<paramref name="rangeSeconds"/>,
    /// its raw score (<see cref="DistanceCurve.Score"/>) and delay. Silent or frozen windows, windows no clip fits and
    /// minima on the edge of the range give no delay (raw score 0). Clips sit on one grid from the span both tracks
    /// cover, so overlapping windows share (and compute once) their clips.
    /// </summary>
    public IEnumerable<ScoredWindow> Score(
        VideoTrack video, AudioTrack audio, IEnumerable<(double Start, double End)> bounds, double rangeSeconds, Func<double, float[]?> clipAt, IShiftScorer scorer, CancellationToken cancellationToken)
    {
        var stepSeconds = (double)options.HopLength / options.SampleRate;
        var maxShift = (int)Math.Round(rangeSeconds / stepSeconds);
        var shiftCount = (2 * maxShift) + 1;
        var spanStart = Math.Max(video.StartSeconds, audio.StartSeconds);
        var hopSeconds = AvtsEstimator.ClipHop(options);
        var clipCurves = new Dictionary<int, double[]?>();
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

            var clips = new List<int>();
            for (var i = (int)Math.Ceiling(((start - spanStart) / hopSeconds) - 1e-6); spanStart + (i * hopSeconds) + options.WindowSeconds <= end + 1e-6; i++)
            {
                clips.Add(i);
            }

            ScoreNewClips(video, audio, [.. clips.Select(i => (i, spanStart + (i * hopSeconds)))], clipAt, scorer, maxShift, shiftCount, clipCurves);
            var curves = clips.Select(i => clipCurves[i]).OfType<double[]>().ToList();

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
    /// Per-shift mean of the clips' curves, each first centred on its own median (NaN where fewer than half of the
    /// clips cover the shift); the mean of the medians is added back so the values stay distances. Clips near a
    /// file's ends cover only some shifts, and a clip's whole curve sits higher or lower with its content (speech,
    /// a pause): without centring, the shifts only the low clips cover would win by that level alone.
    /// </summary>
    public static double[] MeanCurve(List<double[]> curves, int length)
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

    /// <summary>
    /// Adds to <paramref name="clipCurves"/> the distance curve [shiftCount] of each clip of <paramref name="clips"/>
    /// (grid index, start) not already there, all scored in one <see cref="IShiftScorer.Score"/> call: the clip starting
    /// at the first frame shown at or after its start; index k is the audio shift (k − maxShift) steps (positive = audio
    /// taken from later); NaN where the audio track does not cover the window. Null when there is no clip there or no
    /// shift at all is covered.
    /// </summary>
    private void ScoreNewClips(
        VideoTrack video, AudioTrack audio, IReadOnlyList<(int Index, double Start)> clips, Func<double, float[]?> clipAt, IShiftScorer scorer, int maxShift, int shiftCount, Dictionary<int, double[]?> clipCurves)
    {
        var pending = new List<(int Index, int FirstShift, ShiftRequest Request)>();
        foreach (var (index, start) in clips)
        {
            if (clipCurves.ContainsKey(index))
            {
                continue;
            }

            var request = ClipRequest(video, audio, start, clipAt, maxShift, shiftCount);
            clipCurves[index] = null;
            if (request is { } r)
            {
                pending.Add((index, r.FirstShift, r.Request));
            }
        }

        var distances = scorer.Score([.. pending.Select(p => p.Request)], audio);
        for (var p = 0; p < pending.Count; p++)
        {
            var curve = new double[shiftCount];
            Array.Fill(curve, double.NaN);
            Array.Copy(distances[p], 0, curve, pending[p].FirstShift, pending[p].Request.ShiftCount);
            clipCurves[pending[p].Index] = curve;
        }
    }

    /// <summary>
    /// The clip starting at the first frame shown at or after <paramref name="clipStart"/> and the shifts of it the
    /// audio track covers (the first of them as a shift index), or null when there is no clip there or no shift at all
    /// is covered.
    /// </summary>
    private (ShiftRequest Request, int FirstShift)? ClipRequest(VideoTrack video, AudioTrack audio, double clipStart, Func<double, float[]?> clipAt, int maxShift, int shiftCount)
    {
        // Start on a frame's PTS: a clip starting between frames shows every frame up to a frame period late relative
        // to its start (frames are held), which would smear the curve of clips on a half-frame grid by that much.
        var frame = video.FirstFrameAtOrAfter(clipStart);
        if (frame >= video.FrameCount)
        {
            return null;
        }

        clipStart = video.TimestampsSeconds[frame];
        if (clipAt(clipStart) is not { } clip)
        {
            return null;
        }

        // The window of shift k starts (k − maxShift) hops after the clip, minus the audio subnet's context.
        var hop = options.HopLength;
        var spanFrom = clipStart - ((double)maxShift * hop / options.SampleRate) - AvtsInputs.ContextSeconds(options);
        var first = (long)Math.Round((spanFrom - audio.StartSeconds) * options.SampleRate);
        var windowSamples = options.AudioWindowSamples;
        var kLo = first >= 0 ? 0 : (int)((-first + hop - 1) / hop);
        var kHi = (int)Math.Min(shiftCount - 1, Math.Floor((double)(audio.Samples.Length - windowSamples - first) / hop));
        return kHi < kLo ? null : (new ShiftRequest(clip, first + ((long)kLo * hop), kHi - kLo + 1), kLo);
    }
}
