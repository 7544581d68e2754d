using Avts.Training.Training;

namespace Avts.Tests.Training;

public sealed class PairSamplerTests
{
    // Six 3 s videos: clip starts in [0, 2], audio window starts in [0.15, 1.8].
    private static readonly SamplingRange[] Ranges = [.. Enumerable.Repeat(new SamplingRange(0, 2, 0.15, 1.8), 6)];
    private static readonly ShiftRange Hard = new() { MinS = 0.5, MaxS = 2.9 };
    private static readonly ShiftRange SuperHard = new() { MinS = 0.04, MaxS = 0.3 };

    [Fact]
    public void Pairs_AreWhatTheyClaim()
    {
        var sampler = new PairSampler(Ranges, Hard, SuperHard, 0.5);
        var random = new Random(5);
        var kinds = new Dictionary<PairKind, int>();
        for (var b = 0; b < 50; b++)
        {
            foreach (var pair in sampler.Batch(random, 16, 0.25, 0.125))
            {
                kinds[pair.Kind] = kinds.GetValueOrDefault(pair.Kind) + 1;
                var audioStart = pair.ClipStart + pair.AudioShift;
                Assert.InRange(pair.ClipStart, Ranges[pair.VideoIndex].PairMin, Ranges[pair.VideoIndex].PairMax);
                Assert.InRange(audioStart, Ranges[pair.AudioVideoIndex].AudioMin - 1e-9, Ranges[pair.AudioVideoIndex].AudioMax + 1e-9);
                switch (pair.Kind)
                {
                    case PairKind.Positive:
                        Assert.Equal(1, pair.Label);
                        Assert.Equal(pair.VideoIndex, pair.AudioVideoIndex);
                        Assert.Equal(0, pair.AudioShift);
                        break;
                    case PairKind.Easy:
                        Assert.Equal(0, pair.Label);
                        Assert.NotEqual(pair.VideoIndex, pair.AudioVideoIndex);
                        break;
                    case PairKind.Hard:
                        Assert.Equal(0, pair.Label);
                        Assert.Equal(pair.VideoIndex, pair.AudioVideoIndex);
                        Assert.InRange(Math.Abs(pair.AudioShift), 0.5, 2.9);
                        break;
                    case PairKind.SuperHard:
                        Assert.Equal(0, pair.Label);
                        Assert.Equal(pair.VideoIndex, pair.AudioVideoIndex);
                        Assert.InRange(Math.Abs(pair.AudioShift), 0.04, 0.3);
                        break;
                }
            }
        }

        // Both signs of hard shifts occur, and every kind was drawn.
        Assert.Equal(4, kinds.Count);
    }

    [Theory]
    [InlineData(0.0, 16, 8, 0, 8)]
    [InlineData(0.25, 16, 8, 2, 6)]
    [InlineData(0.25, 32, 16, 4, 12)]
    public void Batch_FollowsThePositiveShareAndTheHardShare(double hardShare, int size, int positives, int hard, int easy)
    {
        var sampler = new PairSampler(Ranges, Hard, SuperHard, 0.5);
        var batch = sampler.Batch(new Random(1), size, hardShare, 0);
        Assert.Equal(positives, batch.Count(p => p.Kind == PairKind.Positive));
        Assert.Equal(hard, batch.Count(p => p.Kind == PairKind.Hard));
        Assert.Equal(easy, batch.Count(p => p.Kind == PairKind.Easy));
        Assert.Equal(positives, batch.Sum(p => p.Label));
    }

    [Fact]
    public void Batch_IsDeterministicForASeed()
    {
        var sampler = new PairSampler(Ranges, Hard, SuperHard, 0.5);
        var a = sampler.Batch(new Random(42), 16, 0.25, 0);
        var b = sampler.Batch(new Random(42), 16, 0.25, 0);
        var c = sampler.Batch(new Random(43), 16, 0.25, 0);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void HardShift_HasBothSignsAndIsClampedToTheAudio()
    {
        var range = new SamplingRange(0, 2, 0.15, 1.8);
        var random = new Random(3);
        var shifts = Enumerable.Range(0, 400).Select(_ => PairSampler.Shift(random, range, 1.0, 0.5, 2.9)!.Value).ToArray();
        Assert.Contains(shifts, s => s < 0);
        Assert.Contains(shifts, s => s > 0);
        Assert.All(shifts, s => Assert.InRange(1.0 + s, 0.15, 1.8));
        Assert.All(shifts, s => Assert.InRange(Math.Abs(s), 0.5, 2.9));

        // A clip in the middle of a short soundtrack leaves no room for a 0.5 s shift.
        Assert.Null(PairSampler.Shift(random, new SamplingRange(0, 0.6, 0.2, 0.6), 0.4, 0.5, 2.9));
    }

    [Fact]
    public void HardPair_FallsBackToAnEasyNegativeWhenNoShiftFits()
    {
        var tight = new[] { new SamplingRange(0, 0.3, 0.1, 0.3), new SamplingRange(0, 0.3, 0.1, 0.3) };
        var sampler = new PairSampler(tight, Hard, SuperHard, 0.5);
        var pair = sampler.Pair(new Random(1), PairKind.Hard);
        Assert.Equal(PairKind.Easy, pair.Kind);
        Assert.NotEqual(pair.VideoIndex, pair.AudioVideoIndex);
    }
}
