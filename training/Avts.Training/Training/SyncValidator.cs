using Avts.Engine.Dsp;
using Avts.Engine.Model;
using static TorchSharp.torch;

namespace Avts.Training.Training;

/// <summary>
/// Validation on held-out videos with a fixed, seeded set of pairs (the same every epoch and on resume): per video
/// and clip start a positive, an easy and a hard negative. In sync when distance &lt; threshold; the threshold is
/// fixed at half the margin (not tuned on the validation set, so the numbers are not optimistic). Offset accuracy: the
/// first clip of each video is searched over shifts in ±<c>offset_search_s</c> (clamped to what the audio covers) at
/// one log-mel hop (10 ms) with <see cref="AvtsModel.ShiftDistances"/>; correct when the argmin is within ±40 ms of 0.
/// </summary>
public sealed class SyncValidator
{
    private const double OffsetToleranceSeconds = 0.040;
    private readonly IReadOnlyList<CachedVideo> videos;
    private readonly AvtsModelOptions options;
    private readonly Device device;
    private readonly PairSpec[] pairs;
    private readonly double[] offsetStarts;
    private readonly double searchSeconds;
    private readonly int batchSize;

    /// <summary>Draws the validation pairs over <paramref name="videos"/> (at least two) with the config's seed.</summary>
    public SyncValidator(IReadOnlyList<CachedVideo> videos, AvtsModelOptions options, TrainingConfig config, Device device)
    {
        ArgumentNullException.ThrowIfNull(videos);
        ArgumentNullException.ThrowIfNull(config);
        this.videos = videos;
        this.options = options;
        this.device = device;
        Threshold = 0.5 * config.Margin;
        searchSeconds = config.OffsetSearchS;
        batchSize = config.BatchSize;
        var ranges = videos.Select(v => v.Range).ToArray();
        var pairable = Enumerable.Range(0, ranges.Length).Where(i => ranges[i].CanPair).ToArray();
        if (pairable.Length < 2)
        {
            throw new ArgumentException("Validation needs at least two videos long enough for a clip and its audio.", nameof(videos));
        }

        var random = new Random(unchecked((config.Seed * 31) + 17));
        var list = new List<PairSpec>();
        for (var v = 0; v < videos.Count; v++)
        {
            if (!ranges[v].CanPair)
            {
                continue;
            }

            for (var k = 0; k < config.ValidationClipsPerVideo; k++)
            {
                // The positive fixes the clip; the negatives are drawn for the same video.
                var range = ranges[v];
                var start = range.PairMin + (random.NextDouble() * (range.PairMax - range.PairMin));
                list.Add(new PairSpec(v, start, v, 0, 1, PairKind.Positive));
                int other;
                do
                {
                    other = pairable[random.Next(pairable.Length)];
                }
                while (other == v);

                var audioStart = ranges[other].AudioMin + (random.NextDouble() * (ranges[other].AudioMax - ranges[other].AudioMin));
                list.Add(new PairSpec(v, start, other, audioStart - start, 0, PairKind.Easy));
                if (PairSampler.Shift(random, range, start, config.HardShift.MinS, config.HardShift.MaxS) is { } shift)
                {
                    list.Add(new PairSpec(v, start, v, shift, 0, PairKind.Hard));
                }
            }
        }

        pairs = [.. list];
        offsetStarts = ranges.Select(r => r.CanPair ? (r.PairMin + r.PairMax) / 2 : double.NaN).ToArray();
    }

    /// <summary>Distance below which a pair is called in sync.</summary>
    public double Threshold { get; }

    /// <summary>The validation pairs (fixed for the run).</summary>
    public IReadOnlyList<PairSpec> Pairs => pairs;

    /// <summary>Evaluates <paramref name="model"/> (switched to eval mode; the caller switches back).</summary>
    public ValidationResult Evaluate(AvtsModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        model.eval();
        using var noGrad = no_grad();
        var builder = new PairBatch(videos, options, device);
        var distances = new double[pairs.Length];
        for (var first = 0; first < pairs.Length; first += batchSize)
        {
            using var scope = NewDisposeScope();
            var chunk = pairs.AsSpan(first, Math.Min(batchSize, pairs.Length - first)).ToArray();
            var (video, audio, _) = builder.Build(chunk);
            var d = model.call(video, audio).cpu().to_type(ScalarType.Float64).data<double>().ToArray();
            d.CopyTo(distances, first);
        }

        var offsets = OffsetErrors(model);
        return new ValidationResult
        {
            Threshold = Threshold,
            EasyAccuracy = Accuracy(distances, PairKind.Easy),
            HardAccuracy = Accuracy(distances, PairKind.Hard),
            OffsetAccuracy40Ms = offsets.Count == 0 ? double.NaN : offsets.Count(e => Math.Abs(e) <= OffsetToleranceSeconds + 1e-9) / (double)offsets.Count,
            MedianAbsOffsetMs = offsets.Count == 0 ? double.NaN : SampleStatistics.Median(offsets.Select(e => Math.Abs(e) * 1000)),
            PositiveDistance = MeanDistance(distances, PairKind.Positive),
            EasyDistance = MeanDistance(distances, PairKind.Easy),
            HardDistance = MeanDistance(distances, PairKind.Hard),
        };
    }

    private List<double> OffsetErrors(AvtsModel model)
    {
        var mel = PairBatch.MelFor(options);
        var step = ShiftSpan.StepSeconds(options);
        var melFrames = options.AudioWindowFrames + (2 * options.AudioContextFrames);
        var errors = new List<double>();
        for (var v = 0; v < videos.Count; v++)
        {
            var start = offsetStarts[v];
            if (double.IsNaN(start))
            {
                continue;
            }

            var range = videos[v].Range;

            // Whole hops from 0, so shift 0 is one of the searched shifts.
            var firstHop = (long)Math.Ceiling(Math.Max(-searchSeconds, range.AudioMin - start) / step);
            var lastHop = (long)Math.Floor(Math.Min(searchSeconds, range.AudioMax - start) / step);
            if (lastHop < firstHop)
            {
                continue;
            }

            var shiftCount = lastHop - firstHop + 1;
            var samples = ShiftSpan.Samples(videos[v].Audio, start, firstHop, shiftCount, options);
            var clip = videos[v].Clip(start, options);
            if (samples is null || clip is null)
            {
                continue;
            }

            using var scope = NewDisposeScope();
            var image = mel.Compute(samples);
            var frames = image.GetLength(1);
            var flat = new float[image.Length];
            Buffer.BlockCopy(image, 0, flat, 0, flat.Length * sizeof(float));
            var audio = tensor(flat, [1, 1, options.MelBins, frames]).to(device);
            var video = tensor(clip, options.VideoClipShape(1)).to(device);
            var available = Math.Min(shiftCount, frames - melFrames + 1);
            var curve = model.ShiftDistances(video, audio, 0, available);
            var best = curve.argmin(1).cpu().item<long>();
            errors.Add((firstHop + best) * step);
        }

        return errors;
    }

    private double Accuracy(double[] distances, PairKind negativeKind)
    {
        var correct = 0;
        var total = 0;
        for (var i = 0; i < pairs.Length; i++)
        {
            if (pairs[i].Kind == PairKind.Positive || pairs[i].Kind == negativeKind)
            {
                total++;
                if ((distances[i] < Threshold) == (pairs[i].Label == 1))
                {
                    correct++;
                }
            }
        }

        return total == 0 ? double.NaN : correct / (double)total;
    }

    private double MeanDistance(double[] distances, PairKind kind)
    {
        var values = distances.Where((_, i) => pairs[i].Kind == kind).ToArray();
        return values.Length == 0 ? double.NaN : values.Average();
    }
}
