namespace Avts.Training.Corpus;

/// <summary>Draws the plan of every clip from the corpus seed (no rendering, no I/O).</summary>
public static class CorpusPlanner
{
    /// <summary>Frame rates the corpus mixes: 24, 25, 29.97 and 30 fps.</summary>
    public static IReadOnlyList<(int Numerator, int Denominator)> FrameRates { get; } = [(24, 1), (25, 1), (30000, 1001), (30, 1)];

    /// <summary>Audio sample rates the corpus mixes, in Hz.</summary>
    public static IReadOnlyList<int> SampleRates { get; } = [16000, 22050, 44100, 48000];

    /// <summary>Frame widths the corpus mixes (height is 3/4 of the width).</summary>
    public static IReadOnlyList<int> Widths { get; } = [160, 192, 224, 256, 320];

    /// <summary>Plans clips 0 to <c>Count - 1</c> of the corpus described by <paramref name="options"/>.</summary>
    public static IReadOnlyList<ClipPlan> Plan(CorpusOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return [.. Enumerable.Range(0, options.Count).Select(i => PlanClip(options, i))];
    }

    /// <summary>
    /// Plans clip <paramref name="index"/>. Each clip has its own generator seeded from (corpus seed, index), so a
    /// clip does not change when the count does.
    /// </summary>
    public static ClipPlan PlanClip(CorpusOptions options, int index)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var clipSeed = ClipSeed(options.Seed, index);
        var random = new Random(clipSeed);

        var kindDraw = random.NextDouble();
        var kind = kindDraw < 0.4 ? ClipKind.Avatar : kindDraw < 0.7 ? ClipKind.Bounce : ClipKind.Flash;
        var (numerator, denominator) = FrameRates[random.Next(FrameRates.Count)];
        var sampleRate = SampleRates[random.Next(SampleRates.Count)];
        var widths = Widths.Where(w => w <= Math.Max(options.MaxWidth, Widths[0])).ToArray();
        var width = widths[random.Next(widths.Length)];

        // Nuisances: each one is off for part of the corpus so that clean examples exist too.
        var audioNoise = random.NextDouble() < 0.3 ? 0 : 0.002 + (0.03 * random.NextDouble());
        var pictureNoise = random.NextDouble() < 0.3 ? 0 : 1 + (10 * random.NextDouble());
        var blur = random.NextDouble() < 0.5 ? 0 : 0.4 + (1.4 * random.NextDouble());
        var crf = 18 + random.Next(20);
        var clutter = random.NextDouble() < 0.25 ? 0 : 1 + random.Next(12);

        return new ClipPlan
        {
            Index = index,
            Seed = clipSeed,
            Kind = kind,
            FpsNumerator = numerator,
            FpsDenominator = denominator,
            SampleRate = sampleRate,
            Width = width,
            Height = width * 3 / 4,
            DurationSeconds = options.DurationSeconds,
            AudioNoise = audioNoise,
            PictureNoise = pictureNoise,
            BlurSigma = blur,
            Crf = crf,
            ClutterCount = clutter,
            SpeechFileDraw = random.NextDouble(),
            SpeechOffsetDraw = random.NextDouble(),
        };
    }

    /// <summary>Mixes the corpus seed and the clip index (SplitMix64 finaliser) into a non-negative 31-bit seed.</summary>
    public static int ClipSeed(int corpusSeed, int index)
    {
        var z = ((ulong)(uint)corpusSeed << 32) | (uint)index;
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (int)(z & 0x7FFFFFFF);
    }
}
