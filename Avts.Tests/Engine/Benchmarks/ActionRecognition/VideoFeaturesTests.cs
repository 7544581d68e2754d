using Avts.Engine.Model;
using static TorchSharp.torch;

namespace Avts.Tests.Engine.Benchmarks.ActionRecognition;

/// <summary>The pre-projection features the action-recognition head reads.</summary>
public sealed class VideoFeaturesTests
{
    [Fact]
    public void Features_Tiny_AreLastWidthTimesSegments_AndEmbeddingStillUnitLength()
    {
        random.manual_seed(3);
        using var model = AvtsModel.Create(AvtsModelOptions.Tiny);
        var o = model.Options;
        using var clips = randn([2, o.VideoChannels, o.ClipFrames, o.InputSize, o.InputSize]);

        using var features = model.Video.Features(clips);
        using var embedding = model.Video.call(clips);

        Assert.Equal(640, model.Video.FeatureDim);
        Assert.Equal([2L, 640L], features.shape);
        using var norms = embedding.norm(1);
        Assert.All(norms.data<float>().ToArray(), n => Assert.Equal(1f, n, 4));
    }
}
