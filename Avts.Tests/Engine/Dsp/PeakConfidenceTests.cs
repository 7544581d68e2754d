using Avts.Engine.Dsp;

namespace Avts.Tests.Engine.Dsp;

public sealed class PeakConfidenceTests
{
    [Fact]
    public void Of_SharpIsolatedPeak_IsHigh()
    {
        var random = new Random(1);
        var curve = Enumerable.Range(0, 801).Select(i => (0.02 * random.NextDouble()) + (0.8 * Math.Exp(-0.5 * Math.Pow((i - 300) / 2.0, 2)))).ToArray();

        var confidence = PeakConfidence.Of(curve, PeakInterpolation.ArgMax(curve), 0.005, 1200);

        Assert.InRange(confidence, 0.9, 1.0);
    }

    [Fact]
    public void Of_TwoEqualPeaks_IsLow()
    {
        var curve = Enumerable.Range(0, 801).Select(i =>
            (0.6 * Math.Exp(-0.5 * Math.Pow((i - 300) / 3.0, 2))) + (0.59 * Math.Exp(-0.5 * Math.Pow((i - 500) / 3.0, 2)))).ToArray();

        var confidence = PeakConfidence.Of(curve, PeakInterpolation.ArgMax(curve), 0.005, 1200);

        Assert.InRange(confidence, 0.0, 0.15);
    }

    [Fact]
    public void Of_CorrelationOfNoise_IsLow()
    {
        var random = new Random(2);
        var a = new GridSignal(Enumerable.Range(0, 3000).Select(_ => random.NextDouble()).ToArray(), 0, 3000);
        var b = new GridSignal(Enumerable.Range(0, 3000).Select(_ => random.NextDouble()).ToArray(), 0, 3000);
        var curve = CrossCorrelation.Normalized(a, b, 1000, 2200, 400, 0.5);

        var confidence = PeakConfidence.Of(curve, PeakInterpolation.ArgMax(curve), 0.005, 1200);

        Assert.InRange(confidence, 0.0, 0.2);
    }

    [Fact]
    public void Of_NoPeak_IsZero()
    {
        Assert.Equal(0, PeakConfidence.Of([double.NaN, double.NaN], -1, 0.005, 100));
    }
}
