using Avts.Engine.Benchmarks;
using Avts.Engine.Model;
using static TorchSharp.torch;

namespace Avts.Tests.Engine.Benchmarks;

public sealed class FlopCounterTests
{
    [Fact]
    public void Conv2d_CountsOutputElementsTimesKernelVolume()
    {
        // [1,2,5,5] through 3 filters of 2x3x3, no padding: 3x3 outputs per filter, 18 multiply-adds each.
        using var conv = nn.Conv2d(2, 3, kernel_size: 3, bias: false);
        using var counter = FlopCounter.Attach(conv);
        using var noGrad = no_grad();
        using var output = conv.call(zeros(new long[] { 1, 2, 5, 5 }));

        Assert.Equal(3 * 3 * 3 * (2 * 3 * 3), counter.MultiplyAdds);
    }

    [Fact]
    public void StridedPaddedConv3d_FollowsTheRealOutputShape()
    {
        // Padding 1, spatial stride 2: [1,1,4,8,8] -> [1,2,4,4,4], 27 multiply-adds per output element.
        using var conv = nn.Conv3d(1, 2, kernel_size: (3, 3, 3), stride: (1, 2, 2), padding: (1, 1, 1), bias: false);
        using var counter = FlopCounter.Attach(conv);
        using var noGrad = no_grad();
        using var output = conv.call(zeros(new long[] { 1, 1, 4, 8, 8 }));

        Assert.Equal(new long[] { 1, 2, 4, 4, 4 }, output.shape);
        Assert.Equal(2 * 4 * 4 * 4 * 27, counter.MultiplyAdds);
    }

    [Fact]
    public void SequentialWithLinear_SumsEveryLayer_AndStopsWhenDisposed()
    {
        using var net = nn.Sequential(
            ("conv", nn.Conv2d(2, 3, kernel_size: 3)),
            ("flat", nn.Flatten()),
            ("fc", nn.Linear(27, 5)));
        using var noGrad = no_grad();
        var counter = FlopCounter.Attach(net);
        using (var output = net.call(zeros(new long[] { 2, 2, 5, 5 })))
        {
            // Batch 2: (486 conv + 27x5 linear) per sample; biases are not multiplies.
            Assert.Equal(2 * (486 + (27 * 5)), counter.MultiplyAdds);
        }

        counter.Dispose();
        using (var again = net.call(zeros(new long[] { 1, 2, 5, 5 })))
        {
            Assert.Equal(2 * (486 + (27 * 5)), counter.MultiplyAdds);
        }
    }

    [Fact]
    public void InferenceBenchmark_Tiny_TimesAndCountsTheWindow()
    {
        var row = InferenceBenchmark.Run(new InferenceBenchmarkOptions { Model = AvtsModelOptions.Tiny, RangeSeconds = 0.2, Runs = 1, PeakGflopPerSecond = 100 }, CancellationToken.None);

        Assert.Equal("tiny", row.Size);
        Assert.Equal(41, row.Shifts);
        Assert.True(row.MedianMs > 0 && row.VideoMedianMs > 0 && row.AudioMapMedianMs > 0, row.ToString());

        // Stem alone: 16 filters of 1x3x5x5 over a 25x32x32 output grid.
        Assert.True(row.VideoGmac * 1e9 > 16 * 25 * 32 * 32 * 75, row.ToString());
        Assert.Equal(2 * (row.VideoGmac + row.AudioGmac), row.Gflop, 3);
        // Peak 100 GFLOP/s: the percentage is the rate itself, rounded to 0.1 where the rate is rounded to 0.01.
        Assert.Equal(row.GflopPerSecond, row.PercentOfPeak, tolerance: 0.051);
    }
}
