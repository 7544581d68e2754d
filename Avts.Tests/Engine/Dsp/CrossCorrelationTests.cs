using Avts.Engine.Dsp;

namespace Avts.Tests.Engine.Dsp;

public sealed class CrossCorrelationTests
{
    [Fact]
    public void Normalized_KnownShift_PeaksAtThatLag()
    {
        var random = new Random(7);
        var reference = Enumerable.Range(0, 600).Select(_ => random.NextDouble()).ToArray();
        const int shift = 23;
        var shifted = new double[600];
        for (var k = 0; k < 600; k++)
        {
            shifted[k] = k - shift >= 0 ? reference[k - shift] : random.NextDouble();
        }

        var curve = CrossCorrelation.Normalized(new GridSignal(reference, 0, 600), new GridSignal(shifted, 0, 600), 100, 400, 60, 0.5);

        Assert.Equal(60 + shift, PeakInterpolation.ArgMax(curve));
        Assert.Equal(1.0, curve[60 + shift], 6);
    }

    [Fact]
    public void Normalized_SmallOverlap_LeavesLagUnscored()
    {
        var values = Enumerable.Range(0, 100).Select(k => Math.Sin(k * 0.3)).ToArray();
        var reference = new GridSignal(values, 0, 100);

        // The shifted signal only exists on [0, 40): lags that see less than half of the window [0, 100) are NaN.
        var shifted = new GridSignal(values, 0, 40);
        var curve = CrossCorrelation.Normalized(reference, shifted, 0, 100, 30, 0.5);

        Assert.All(curve, v => Assert.True(double.IsNaN(v)));
    }

    [Fact]
    public void Normalized_ConstantSignal_ReturnsNaN()
    {
        var flat = new GridSignal(Enumerable.Repeat(3.0, 200).ToArray(), 0, 200);
        var other = new GridSignal(Enumerable.Range(0, 200).Select(k => (double)(k % 7)).ToArray(), 0, 200);

        var curve = CrossCorrelation.Normalized(flat, other, 50, 150, 20, 0.5);

        Assert.All(curve, v => Assert.True(double.IsNaN(v)));
    }

    [Fact]
    public void Normalized_PartialOverlapAboveMinimum_IsScored()
    {
        var values = Enumerable.Range(0, 300).Select(k => Math.Sin(k * 0.21) + Math.Sin(k * 0.05)).ToArray();
        var reference = new GridSignal(values, 0, 300);
        var shifted = new GridSignal(values, 0, 170);

        // Window [100, 200): at lag +30 the shifted side covers [130, 170) of it minus the lag, i.e. 40 % -> NaN;
        // at lag -20 it covers [100, 190) -> 90 % -> scored.
        var curve = CrossCorrelation.Normalized(reference, shifted, 100, 200, 30, 0.5);

        Assert.True(double.IsNaN(curve[30 + 30]));
        Assert.False(double.IsNaN(curve[30 - 20]));
        // A perfect match over 70 % of the window scores sqrt(0.7): significance, not plain Pearson r.
        Assert.Equal(Math.Sqrt(0.7), curve[30], 6);
    }
}
