using Avts.Engine.Model;
using Avts.Tests.Fixtures;
using TorchSharp;

namespace Avts.Tests.Engine.Model;

[Collection(SeededTorchRuns.Name)]
public sealed class LipModelTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "avts-lips-model-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(16)]
    public void LipsModel_EmbedsLipClips_AndScoresShiftsLikeThePixelModel(int cropSize)
    {
        var options = AvtsModelOptions.Lips with { LipCropSize = cropSize };
        torch.random.manual_seed(5);
        using var model = AvtsModel.Create(options);
        model.eval();
        using var noGrad = torch.no_grad();
        using var clips = torch.randn(options.VideoClipShape(3));
        var windowFrames = options.AudioWindowFrames + (2 * options.AudioContextFrames);
        using var audio = torch.randn(3, 1, options.MelBins, windowFrames);
        using var spans = torch.randn(3, 1, options.MelBins, windowFrames + 20);

        using var distances = model.call(clips, audio);
        using var shifts = model.ShiftDistances(clips, spans, 0, 21);

        Assert.Equal([3L], distances.shape);
        Assert.Equal([3L, 21L], shifts.shape);
        Assert.All(distances.data<float>().ToArray(), d => Assert.InRange(d, 0, 2));
        Assert.Throws<InvalidOperationException>(() => model.Video);
    }

    [Fact]
    public void LipsCheckpoint_RoundTripsWithItsCard()
    {
        var options = AvtsModelOptions.Lips with { LipCropSize = 16 };
        var path = UntrainedCheckpoint.Save(Path.Combine(folder, "lips.bin"), options, seed: 3);

        var card = Checkpoint.ReadCard(path);
        using var loaded = Checkpoint.Load(path, card.Options);

        Assert.True(card.Options.IsLips);
        Assert.Equal(16, card.Options.LipCropSize);
        Assert.Equal(LipClipLayout.ShapeValues + 256, options.VideoClipShape(1)[1]);
    }

    [Fact]
    public void LipCropSize_OutsideTheAllowedSizes_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => (AvtsModelOptions.Lips with { LipCropSize = 10 }).Validate());
    }
}
