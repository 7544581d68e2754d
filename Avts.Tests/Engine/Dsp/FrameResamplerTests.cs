using Avts.Engine.Dsp;

namespace Avts.Tests.Engine.Dsp;

public sealed class FrameResamplerTests
{
    [Fact]
    public void Splat_FractionalTimestamp_SplitsByLinearWeights()
    {
        var grid = new TimeGrid(0, 0.005, 10);

        var signal = FrameResampler.Splat([4.0], [0.01125], grid);

        Assert.Equal(3.0, signal.Values[2], 9);
        Assert.Equal(1.0, signal.Values[3], 9);
        Assert.Equal(4.0, signal.Values.Sum(), 9);
    }

    [Fact]
    public void Splat_VariableFrameRate_KeepsEachEventsTime()
    {
        var grid = new TimeGrid(-0.1, 0.005, 400);
        double[] times = [0.0, 0.033, 0.071, 0.1, 0.147, 0.2013];
        double[] values = [0, 0, 1, 0, 2, 0];

        var signal = FrameResampler.Splat(values, times, grid);

        // Centroid of the splatted values = value-weighted mean timestamp (linear weights preserve first moments).
        var centroid = signal.Values.Select((v, k) => v * grid.TimeAt(k)).Sum() / signal.Values.Sum();
        Assert.Equal(((1 * 0.071) + (2 * 0.147)) / 3, centroid, 9);
        Assert.Equal((int)Math.Ceiling(grid.PositionOf(0.0) - 1e-9), signal.ValidFrom);
    }

    [Fact]
    public void Continuous_VariableFrameRate_KeepsConstantLevel()
    {
        var grid = new TimeGrid(0, 0.005, 400);
        var random = new Random(3);
        var times = new List<double>();
        for (var t = 0.0; t < 1.9; t += 0.02 + (random.NextDouble() * 0.04))
        {
            times.Add(t);
        }

        var signal = FrameResampler.Continuous(times.Select(_ => 5.0).ToArray(), [.. times], grid, 0.04);

        for (var k = signal.ValidFrom; k < signal.ValidTo; k++)
        {
            Assert.Equal(5.0, signal.Values[k], 6);
        }
    }
}
