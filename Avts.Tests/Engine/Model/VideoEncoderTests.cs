using Avts.Engine.Model;
using TorchSharp;

namespace Avts.Tests.Engine.Model;

public sealed class VideoEncoderTests
{
    [Fact]
    public void Tiny_EmbedsClipsToUnitVectors()
    {
        torch.random.manual_seed(2);
        var options = AvtsModelOptions.Tiny with { InputSize = 32 };
        using var encoder = new VideoEncoder(options);
        encoder.eval();
        using var noGrad = torch.no_grad();
        using var clips = torch.randn(new long[] { 2, 1, options.ClipFrames, 32, 32 });
        using var embedding = encoder.call(clips);
        Assert.Equal(new long[] { 2, options.EmbeddingDim }, embedding.shape);
        using var norms = embedding.norm(1);
        Assert.All(norms.data<float>().ToArray(), n => Assert.Equal(1f, n, 4));
    }

    [Fact]
    public void ParameterCounts_MatchTheLayouts()
    {
        torch.random.manual_seed(3);
        using var tiny = new AvtsModel(AvtsModelOptions.Tiny);
        using var mc3 = new AvtsModel(AvtsModelOptions.Mc318);
        var mc3Video = mc3.Video.parameters().Sum(p => p.numel());

        // torchvision's mc3_18 has 11.69 M parameters with its 400-way classifier (205 k); ours projects 5 segments.
        Assert.InRange(mc3Video - ((512 * 5 * 128) + 128), 11_480_000, 11_500_000);
        Assert.InRange(tiny.ParameterCount, 300_000, 1_000_000);
    }

    [Fact]
    public void Nano_SharesTinysVideoWeights_AndHasAQuarterOfItsAudioChannels()
    {
        torch.random.manual_seed(4);
        using var tiny = new AvtsModel(AvtsModelOptions.Tiny);
        using var nano = new AvtsModel(AvtsModelOptions.Nano);
        Assert.Equal(32, AvtsModelOptions.Nano.InputSize);
        Assert.Equal(AvtsModelOptions.FaceCrop, AvtsModelOptions.Nano.VideoCrop);
        Assert.Equal(tiny.Video.parameters().Sum(p => p.numel()), nano.Video.parameters().Sum(p => p.numel()));
        Assert.Equal(64, nano.Audio.FeatureChannels);
        Assert.Equal(AvtsModelOptions.Tiny.AudioContextFrames, AvtsModelOptions.Nano.AudioContextFrames);

        // The 32 px clip comes out of layer4 as a 1x1 map per frame and still embeds to a unit vector.
        nano.eval();
        using var noGrad = torch.no_grad();
        using var clips = torch.randn(new long[] { 2, 1, 25, 32, 32 });
        using var embedding = nano.Video.call(clips);
        Assert.Equal(new long[] { 2, 128 }, embedding.shape);
        using var norms = embedding.norm(1);
        Assert.All(norms.data<float>().ToArray(), n => Assert.Equal(1f, n, 4));
    }
}
