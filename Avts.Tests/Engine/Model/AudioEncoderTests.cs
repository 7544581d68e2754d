using Avts.Engine.Model;
using TorchSharp;
using Xunit.Abstractions;

namespace Avts.Tests.Engine.Model;

public sealed class AudioEncoderTests(ITestOutputHelper output)
{
    [Fact]
    public void ContextFrames_FollowTheTimeDilations()
    {
        Assert.Equal(15, AvtsModelOptions.Tiny.AudioContextFrames);
        Assert.Equal(30, AvtsModelOptions.Mc318.AudioContextFrames);
        Assert.Equal(100, AvtsModelOptions.Tiny.AudioWindowFrames);
        Assert.Equal(((100 + 30 - 1) * 160) + 400, AvtsModelOptions.Tiny.AudioWindowSamples);
    }

    [Fact]
    public void StageMap_LastStageIsTheFeatureMap_EarlierStagesAreWiderInTimeAndNarrowerInChannels()
    {
        torch.random.manual_seed(12);
        using var encoder = new AudioEncoder(AvtsModelOptions.Tiny);
        encoder.eval();
        using var noGrad = torch.no_grad();
        using var span = torch.randn(new long[] { 1, 1, AvtsModelOptions.Tiny.MelBins, 60 });

        using var map = encoder.FeatureMap(span);
        using var last = encoder.StageMap(span, encoder.StageCount);
        using var first = encoder.StageMap(span, 1);

        Assert.Equal(4, encoder.StageCount);
        Assert.Equal(map.shape, last.shape);
        Assert.True(torch.allclose(map, last));
        // Stage 1 is one 3x3 convolution with time dilation 1: one context frame per side, 16 channels.
        Assert.Equal(new long[] { 1, 16, 58 }, first.shape);
        Assert.Equal(16, encoder.StageChannels(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => encoder.StageMap(span, 5));

        // One pass gives every stage's map, each equal to the map of that stage alone.
        var maps = encoder.StageMaps(span, encoder.StageCount);
        Assert.Equal(encoder.StageCount, maps.Length);
        for (var stage = 1; stage <= encoder.StageCount; stage++)
        {
            using var alone = encoder.StageMap(span, stage);
            Assert.Equal(alone.shape, maps[stage - 1].shape);
            Assert.Equal(alone.data<float>().ToArray(), maps[stage - 1].data<float>().ToArray());
            maps[stage - 1].Dispose();
        }
    }

    [Fact]
    public void PooledFeatureMapOfLongSpan_EqualsEmbeddingOfCutWindow()
    {
        torch.random.manual_seed(11);
        var options = AvtsModelOptions.Tiny;
        using var encoder = new AudioEncoder(options);
        encoder.eval();
        using var noGrad = torch.no_grad();
        var context = options.AudioContextFrames;
        var window = options.AudioWindowFrames;
        const int shifts = 41;
        using var span = torch.randn(new long[] { 1, 1, options.MelBins, window + (2 * context) + shifts - 1 }) * 3 - 6;

        using var map = encoder.FeatureMap(span);
        Assert.Equal(window + shifts - 1, map.shape[2]);
        using var all = encoder.PoolShifts(map, 0, shifts, window);
        Assert.Equal(new long[] { 1, shifts, options.EmbeddingDim }, all.shape);

        var worst = 0.0;
        foreach (var start in new[] { 0, 1, 17, 40 })
        {
            using var cut = span.narrow(3, start, window + (2 * context));
            using var direct = encoder.call(cut);
            using var pooled = encoder.PoolWindow(map, start, window);
            using var fromShifts = all[.., start];
            worst = Math.Max(worst, (direct - pooled).abs().max().item<float>());
            worst = Math.Max(worst, (direct - fromShifts).abs().max().item<float>());
        }

        output.WriteLine($"max |embedding difference| window vs pooled span: {worst:E2}");
        Assert.True(worst < 1e-5, $"max |difference| {worst}");
    }

    [Fact]
    public void WrongWindowLength_IsRejected()
    {
        torch.random.manual_seed(1);
        using var encoder = new AudioEncoder(AvtsModelOptions.Tiny);
        using var shortWindow = torch.zeros(new long[] { 1, 1, 40, 120 });
        Assert.Throws<ArgumentException>(() => encoder.call(shortWindow));
    }
}
