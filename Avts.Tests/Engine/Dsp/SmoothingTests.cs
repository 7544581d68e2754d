using Avts.Engine.Dsp;

namespace Avts.Tests.Engine.Dsp;

public sealed class SmoothingTests
{
    [Theory]
    [InlineData(3.0)]
    [InlineData(40.0)]
    public void Gaussian_Impulse_KeepsItsTimeAndArea(double sigma)
    {
        var values = new double[1001];
        values[500] = 1;

        var smooth = Smoothing.Gaussian(values, 0, values.Length, sigma);

        var area = smooth.Sum();
        var centroid = smooth.Select((v, i) => v * i).Sum() / area;
        var variance = smooth.Select((v, i) => v * (i - centroid) * (i - centroid)).Sum() / area;
        Assert.Equal(1.0, area, 6);
        Assert.Equal(500.0, centroid, 6);
        Assert.Equal(sigma, Math.Sqrt(variance), sigma * 0.05);
    }

    [Fact]
    public void Rise_Step_IsCentredOnTheStep()
    {
        var values = Enumerable.Range(0, 20).Select(i => i < 10 ? 0.0 : 1.0).ToArray();

        var rise = Smoothing.Rise(new GridSignal(values, 0, 20));

        // The step is between samples 9 and 10: the centred difference gives 0.5 at both, so its centroid is 9.5.
        Assert.Equal(0.5, rise.Values[9], 9);
        Assert.Equal(0.5, rise.Values[10], 9);
        Assert.Equal(1.0, rise.Values.Sum(), 9);
    }

    [Fact]
    public void HighPass_Constant_IsZero()
    {
        var signal = new GridSignal(Enumerable.Repeat(7.0, 300).ToArray(), 0, 300);

        var result = Smoothing.HighPass(signal, 50);

        Assert.All(result.Values, v => Assert.Equal(0, v, 9));
    }
}
