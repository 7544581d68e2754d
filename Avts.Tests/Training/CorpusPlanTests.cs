using Avts.Training.Corpus;

namespace Avts.Tests.Training;

public sealed class CorpusPlanTests
{
    private static CorpusOptions Options(int seed, int count) => new() { OutputDirectory = "unused", Count = count, Seed = seed };

    [Fact]
    public void SameSeedGivesSamePlan()
    {
        var first = CorpusPlanner.Plan(Options(5, 40));
        var second = CorpusPlanner.Plan(Options(5, 40));
        Assert.Equal(first, second);
        Assert.NotEqual(first, CorpusPlanner.Plan(Options(6, 40)));
    }

    [Fact]
    public void ClipDoesNotDependOnCount()
    {
        var small = CorpusPlanner.Plan(Options(9, 5));
        var large = CorpusPlanner.Plan(Options(9, 50));
        Assert.Equal(small, large.Take(5));
    }

    [Fact]
    public void PlanMixesKindsRatesAndSizes()
    {
        var plans = CorpusPlanner.Plan(Options(1, 200));
        Assert.All(Enum.GetValues<ClipKind>(), kind => Assert.Contains(plans, p => p.Kind == kind));
        Assert.Equal(4, plans.Select(p => p.SampleRate).Distinct().Count());
        Assert.Equal(4, plans.Select(p => p.Fps).Distinct().Count());
        Assert.All(plans, p => Assert.True(p.Width is >= 160 and <= 320 && p.Width % 2 == 0 && p.Height % 2 == 0));
        Assert.Contains(plans, p => p.PictureNoise == 0 && p.ClutterCount == 0);
    }

    [Theory]
    [InlineData(30000, 1001, 44100)]
    [InlineData(24, 1, 22050)]
    [InlineData(25, 1, 16000)]
    public void EventSampleIsTheFramePresentationTime(int numerator, int denominator, int sampleRate)
    {
        var plan = CorpusPlanner.PlanClip(Options(1, 1), 0) with { FpsNumerator = numerator, FpsDenominator = denominator, SampleRate = sampleRate, DurationSeconds = 60 };
        for (var frame = 0; frame < plan.FrameCount; frame += 37)
        {
            var exact = plan.TimeOf(frame) * sampleRate;
            Assert.True(Math.Abs(plan.SampleOf(frame) - exact) <= 0.5 + 1e-6, $"frame {frame}");
        }

        Assert.Equal(plan.SampleOf(plan.FrameCount), plan.SampleCount);
    }

    [Fact]
    public void ManifestEntryRoundTrips()
    {
        var entry = new ManifestEntry
        {
            File = "clip_000001.mp4", Kind = "flash", Fps = 29.97, FpsRational = "30000/1001", SampleRate = 44100, Width = 160, Height = 120,
            DurationSeconds = 2.969633, Seed = 42, EventFrames = [3, 17], Nuisances = "crf=20", Speech = "a/b.wav", SpeechOffsetSeconds = 1.25,
        };
        var parsed = ManifestEntry.Parse(entry.ToJson());
        Assert.Equal(entry.ToJson(), parsed.ToJson());
        Assert.Contains("\"events\":2", entry.ToJson(), StringComparison.Ordinal);
    }
}
