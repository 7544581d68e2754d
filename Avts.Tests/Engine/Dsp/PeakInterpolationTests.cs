using Avts.Engine.Dsp;

namespace Avts.Tests.Engine.Dsp;

public sealed class PeakInterpolationTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(0.3)]
    [InlineData(-0.45)]
    public void Parabolic_SampledParabola_FindsVertexExactly(double vertex)
    {
        static double Y(double x, double v) => 5 - (2 * (x - v) * (x - v));

        var offset = PeakInterpolation.Parabolic(Y(-1, vertex), Y(0, vertex), Y(1, vertex));

        Assert.Equal(vertex, offset, 9);
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.25)]
    [InlineData(0.4)]
    public void Refine_SampledGaussian_IsWithinTwoPercentOfAStep(double centre)
    {
        var curve = Enumerable.Range(0, 21).Select(i => Math.Exp(-0.5 * Math.Pow((i - 10 - centre) / 2.0, 2))).ToArray();

        Assert.Equal(10 + centre, PeakInterpolation.Refine(curve), 0.02);
    }

    [Fact]
    public void Parabolic_NotAPeak_ReturnsZero()
    {
        Assert.Equal(0, PeakInterpolation.Parabolic(1, 2, 3));
    }

    [Fact]
    public void ArgMax_SkipsNaN()
    {
        Assert.Equal(2, PeakInterpolation.ArgMax([double.NaN, 1, 4, double.NaN, 3]));
        Assert.Equal(-1, PeakInterpolation.ArgMax([double.NaN, double.NaN]));
    }
}
