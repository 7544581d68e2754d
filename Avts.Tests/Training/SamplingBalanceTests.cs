using Avts.Training.Training;

namespace Avts.Tests.Training;

/// <summary>What the lips training draws and hears: weighted video draws, per-folder weights, audio augmentation.</summary>
public sealed class SamplingBalanceTests
{
    [Fact]
    public void WeightedDraw_FollowsTheWeights()
    {
        // Item 7 weighs 3, item 9 weighs 1: about 75 % of 40,000 draws are 7.
        var draw = new WeightedDraw([7, 9], i => i == 7 ? 3 : 1);
        var random = new Random(5);
        var sevens = Enumerable.Range(0, 40_000).Count(_ => draw.Next(random) == 7);

        Assert.InRange(sevens / 40_000.0, 0.74, 0.76);
    }

    [Fact]
    public void WeightedDraw_RejectsNonPositiveWeights()
    {
        Assert.Throws<ArgumentException>(() => new WeightedDraw([1, 2], i => i - 1));
        Assert.Throws<ArgumentException>(() => new WeightedDraw([], _ => 1));
    }

    [Fact]
    public void PairSampler_WithWeights_CutsClipsFromTheHeavyVideoInProportion()
    {
        var ranges = Enumerable.Repeat(new SamplingRange(0, 5, 0, 5), 10).ToArray();
        var weights = Enumerable.Range(0, 10).Select(i => i == 0 ? 9.0 : 1.0).ToArray();
        var sampler = new PairSampler(ranges, new ShiftRange { MinS = 0.5, MaxS = 2 }, new ShiftRange { MinS = 0.04, MaxS = 0.3 }, 0.5, weights);
        var random = new Random(1);

        var positives = Enumerable.Range(0, 20_000).Select(_ => sampler.Pair(random, PairKind.Positive)).ToArray();

        // Video 0 weighs 9 of 18: half the clips, against a tenth when drawn uniformly.
        Assert.InRange(positives.Count(p => p.VideoIndex == 0) / 20_000.0, 0.48, 0.52);
    }

    [Fact]
    public void VideoWeights_TakeTheLongestMatchingFolder_AndOneElsewhere()
    {
        var root = Path.Combine(Path.GetTempPath(), "avts-weights");
        var config = new TrainingConfig
        {
            Data = [Path.Combine(root, "faces"), Path.Combine(root, "grid")],
            DataWeights = new() { [Path.Combine(root, "faces")] = 25, [Path.Combine(root, "faces", "dev")] = 2 },
        };

        var weights = config.VideoWeights([Path.Combine(root, "faces", "a.mp4"), Path.Combine(root, "faces", "dev", "b.mp4"), Path.Combine(root, "grid", "c.mkv"), Path.Combine(root, "faces-other", "d.mp4")]);

        Assert.NotNull(weights);
        Assert.Equal([25.0, 2.0, 1.0, 1.0], weights);
        Assert.Null(new TrainingConfig { Data = ["x"] }.VideoWeights(["x/a.mp4"]));
    }

    [Fact]
    public void Config_RejectsANonPositiveWeight()
    {
        var config = new TrainingConfig { Data = ["x"], DataWeights = new() { ["x"] = 0 } };

        var error = Assert.Throws<TrainingConfigException>(config.Validate);
        Assert.Contains("data_weights", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AudioAugmentation_IsSeeded_AndKeepsTheEnvelopesTiming()
    {
        // A 200 Hz tone burst from 0.4 to 0.6 s in 1 s of silence; the background is a quiet steady tone.
        var window = new float[16000];
        for (var i = 6400; i < 9600; i++)
        {
            window[i] = (float)(0.5 * Math.Sin(2 * Math.PI * 200 * i / 16000));
        }

        var background = Enumerable.Range(0, 48000).Select(i => (float)(0.3 * Math.Sin(2 * Math.PI * 1000 * i / 16000))).ToArray();
        var a = (float[])window.Clone();
        var b = (float[])window.Clone();

        AudioAugmentation.Apply(a, [background], new Random(4));
        AudioAugmentation.Apply(b, [background], new Random(4));

        Assert.Equal(a, b);
        Assert.NotEqual(window, a);

        // Whatever the gain, tilt and mix, the loudest 50 ms is still inside the burst (the mix is at least 0 dB under it).
        var loudest = Enumerable.Range(0, 19).MaxBy(k => a.AsSpan(k * 800, 800).ToArray().Sum(s => (double)s * s));
        Assert.InRange(loudest * 800, 6400, 9600 - 800);
    }

    [Fact]
    public void AudioAugmentation_MixesUnderASilentWindow_NothingAndOnlyScalesTheRest()
    {
        // Silence has no level to set a signal-to-noise ratio against: nothing is mixed in, and gain keeps it silent.
        var silence = new float[1600];
        AudioAugmentation.Apply(silence, [Enumerable.Repeat(0.5f, 4000).ToArray()], new Random(2));

        Assert.All(silence, s => Assert.Equal(0f, s));
    }
}
