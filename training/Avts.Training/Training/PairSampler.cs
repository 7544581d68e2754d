namespace Avts.Training.Training;

/// <summary>
/// Draws batches of training pairs (seeded by the caller's <see cref="Random"/>): a share of positives (own audio at
/// shift 0); the negatives are easy (a window of another video's audio, anywhere in it), hard (own audio shifted by
/// |shift| in the hard range, either sign) or super-hard (own audio, small |shift|), in exact counts per batch. A shift
/// is drawn uniformly over the part of the range the soundtrack covers; when no shift fits the drawn clip, the clip is
/// redrawn, and after a few tries the pair falls back to an easy negative (labelled as such).
/// </summary>
public sealed class PairSampler
{
    private const int ShiftTries = 16;
    private readonly IReadOnlyList<SamplingRange> ranges;
    private readonly int[] pairable;
    private readonly ShiftRange hard;
    private readonly ShiftRange superHard;
    private readonly double positiveShare;
    private readonly WeightedDraw? draw;

    /// <summary>
    /// Creates a sampler over videos with <paramref name="ranges"/> (at least two must be pairable); clips are cut from
    /// videos drawn in proportion to <paramref name="weights"/> (per video) when given, else uniformly.
    /// </summary>
    public PairSampler(IReadOnlyList<SamplingRange> ranges, ShiftRange hard, ShiftRange superHard, double positiveShare, IReadOnlyList<double>? weights = null)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        ArgumentNullException.ThrowIfNull(hard);
        ArgumentNullException.ThrowIfNull(superHard);
        this.ranges = ranges;
        pairable = Enumerable.Range(0, ranges.Count).Where(i => ranges[i].CanPair).ToArray();
        if (pairable.Length < 2)
        {
            throw new ArgumentException("The sampler needs at least two videos long enough for a clip and its audio (easy negatives come from another video).", nameof(ranges));
        }

        this.hard = hard;
        this.superHard = superHard;
        this.positiveShare = positiveShare;
        draw = weights is null ? null : new WeightedDraw(pairable, i => weights[i]);
    }

    /// <summary>Positives in a batch of <paramref name="size"/>.</summary>
    public int PositiveCount(int size) => Math.Clamp((int)Math.Round(size * positiveShare, MidpointRounding.AwayFromZero), 1, size - 1);

    /// <summary>
    /// A shuffled batch of <paramref name="size"/> pairs; <paramref name="hardShare"/> and
    /// <paramref name="superHardShare"/> are shares of the negatives.
    /// </summary>
    public PairSpec[] Batch(Random random, int size, double hardShare, double superHardShare)
    {
        ArgumentNullException.ThrowIfNull(random);
        var positives = PositiveCount(size);
        var negatives = size - positives;
        var hardCount = (int)Math.Round(negatives * hardShare, MidpointRounding.AwayFromZero);
        var superHardCount = Math.Min(negatives - hardCount, (int)Math.Round(negatives * superHardShare, MidpointRounding.AwayFromZero));
        var kinds = new List<PairKind>(size);
        kinds.AddRange(Enumerable.Repeat(PairKind.Positive, positives));
        kinds.AddRange(Enumerable.Repeat(PairKind.Hard, hardCount));
        kinds.AddRange(Enumerable.Repeat(PairKind.SuperHard, superHardCount));
        kinds.AddRange(Enumerable.Repeat(PairKind.Easy, negatives - hardCount - superHardCount));
        var batch = kinds.Select(kind => Pair(random, kind)).ToArray();
        random.Shuffle(batch);
        return batch;
    }

    /// <summary>One pair of <paramref name="kind"/>.</summary>
    public PairSpec Pair(Random random, PairKind kind)
    {
        ArgumentNullException.ThrowIfNull(random);
        switch (kind)
        {
            case PairKind.Positive:
            {
                var (video, start) = Clip(random);
                return new PairSpec(video, start, video, 0, 1, PairKind.Positive);
            }

            case PairKind.Hard:
            case PairKind.SuperHard:
            {
                var range = kind == PairKind.Hard ? hard : superHard;
                for (var attempt = 0; attempt < ShiftTries; attempt++)
                {
                    var (video, start) = Clip(random);
                    if (Shift(random, ranges[video], start, range.MinS, range.MaxS) is { } shift)
                    {
                        return new PairSpec(video, start, video, shift, 0, kind);
                    }
                }

                return Easy(random);
            }

            default:
                return Easy(random);
        }
    }

    /// <summary>
    /// A shift s with |s| in [<paramref name="minAbs"/>, <paramref name="maxAbs"/>] such that the window at start + s is
    /// inside the soundtrack, drawn uniformly over the feasible set; null when none exists.
    /// </summary>
    public static double? Shift(Random random, SamplingRange range, double start, double minAbs, double maxAbs)
    {
        ArgumentNullException.ThrowIfNull(random);
        var low = range.AudioMin - start;
        var high = range.AudioMax - start;

        // Feasible set: [-maxAbs, -minAbs] ∪ [minAbs, maxAbs], intersected with [low, high].
        var negFrom = Math.Max(-maxAbs, low);
        var negTo = Math.Min(-minAbs, high);
        var posFrom = Math.Max(minAbs, low);
        var posTo = Math.Min(maxAbs, high);
        var negLength = negTo >= negFrom ? negTo - negFrom : -1;
        var posLength = posTo >= posFrom ? posTo - posFrom : -1;
        if (negLength < 0 && posLength < 0)
        {
            return null;
        }

        bool negative;
        if (negLength < 0 || posLength < 0)
        {
            negative = posLength < 0;
        }
        else
        {
            // Both signs fit: pick one in proportion to its length (a coin when both are single points).
            var both = negLength + posLength;
            negative = both > 0 ? random.NextDouble() * both < negLength : random.Next(2) == 0;
        }

        return negative
            ? negFrom + (random.NextDouble() * negLength)
            : posFrom + (random.NextDouble() * posLength);
    }

    private PairSpec Easy(Random random)
    {
        var (video, start) = Clip(random);
        int other;
        do
        {
            other = pairable[random.Next(pairable.Length)];
        }
        while (other == video);

        var audioRange = ranges[other];
        var audioStart = audioRange.AudioMin + (random.NextDouble() * (audioRange.AudioMax - audioRange.AudioMin));
        return new PairSpec(video, start, other, audioStart - start, 0, PairKind.Easy);
    }

    private (int Video, double Start) Clip(Random random)
    {
        var video = draw?.Next(random) ?? pairable[random.Next(pairable.Length)];
        var range = ranges[video];
        return (video, range.PairMin + (random.NextDouble() * (range.PairMax - range.PairMin)));
    }
}
