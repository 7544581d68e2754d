using Avts.Engine.Scoring;

namespace Avts.Tests.Engine.Scoring;

public sealed class AnalysisMergerTests
{
    private static readonly double[] Delays = [.. Enumerable.Range(-20, 41).Select(i => i * 5.0)];

    [Fact]
    public void Merge_TwoConfidentAgreeingSpans_PeakOfTheCombinedCurveAndCombinedConfidence()
    {
        var first = Part(0, 20, peakMs: 30, confidence: 0.6);
        var second = Part(15, 35, peakMs: 40, confidence: 0.6);

        var merged = AnalysisMerger.Merge([first, second]);

        Assert.True(merged.Synchronizable);
        Assert.InRange(merged.AudioDelayMs!.Value, 30, 40);
        Assert.Equal(1 - (0.4 * 0.4), merged.Confidence, 6);
        Assert.Equal([0.0, 15.0], merged.Windows.Select(w => w.StartSeconds));
    }

    [Fact]
    public void Merge_SpansWithoutCommittedEstimates_IsNotSynchronizable()
    {
        var merged = AnalysisMerger.Merge([Part(0, 20, 30, 0, committed: false), Part(15, 35, -60, 0, committed: false)]);

        Assert.False(merged.Synchronizable);
        Assert.Null(merged.AudioDelayMs);
        Assert.NotNull(merged.PeakDelayMs);
    }

    [Fact]
    public void Merge_DistanceCurves_TakesTheMinimum()
    {
        var distance = new OffsetCurve(Delays, [.. Delays.Select(d => Math.Abs(d + 50) / 100)], "distance");
        var part = new SyncAnalysis("avts", -50, 0.9, true, [new WindowEstimate(0, 5, -50, 0.9)], distance);

        var merged = AnalysisMerger.Merge([part, part with { Windows = [new WindowEstimate(5, 10, -50, 0.9)] }]);

        Assert.Equal(-50, merged.AudioDelayMs!.Value, 3);
    }

    [Fact]
    public void Merge_MixedCurveKinds_AveragesOnlyTheMostConfidentKind()
    {
        var correlation = Part(0, 5, 30, 0.9);
        var distance = new OffsetCurve(Delays, [.. Delays.Select(d => Math.Abs(d + 60) / 100)], "distance");
        var avts = new SyncAnalysis("auto", -60, 0.4, true, [new WindowEstimate(5, 10, -60, 0.4)], distance);

        var merged = AnalysisMerger.Merge([correlation with { Method = "auto" }, avts]);

        Assert.Equal("correlation", merged.Curve!.Kind);
        Assert.Equal(30, merged.PeakDelayMs!.Value, 1);
    }

    private static SyncAnalysis Part(double start, double end, double peakMs, double confidence, bool committed = true)
    {
        var scores = Delays.Select(d => Math.Exp(-Math.Pow((d - peakMs) / 20, 2))).ToArray();
        return new SyncAnalysis(
            "onset", committed ? peakMs : null, confidence, committed,
            [new WindowEstimate(start, end, peakMs, confidence)], new OffsetCurve(Delays, scores, "correlation"))
        {
            PeakDelayMs = peakMs,
        };
    }
}
