using Avts.Engine.Media;
using Avts.Engine.Model;
using Avts.Training.Training;
using TorchSharp;

namespace Avts.Tests.Training;

public sealed class SyncValidatorTests
{
    private static CachedVideo Video(int index, AvtsModelOptions options)
    {
        // 3 s of 16x16 noise at 25 fps and 16 kHz noise: enough to exercise cutting, the pairs and the offset search.
        var random = new Random(index);
        var pixels = new byte[75 * 16 * 16];
        random.NextBytes(pixels);
        var times = Enumerable.Range(0, 75).Select(f => f / 25.0).ToArray();
        var samples = Enumerable.Range(0, 48000).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        var video = new VideoTrack(16, 16, pixels, times);
        var audio = new AudioTrack(samples, 16000, 0);
        return new CachedVideo($"v{index}.mp4", video, audio, ClipCache.RangeOf(video, audio, options));
    }

    [Fact]
    public void Pairs_AreFixedAndTrue_AndEvaluationRuns()
    {
        var config = new TrainingConfig { Data = ["x"], Model = new ModelSection { InputSize = 16 }, ValidationClipsPerVideo = 2, Seed = 4, BatchSize = 8 };
        var options = config.ModelOptions();
        var videos = Enumerable.Range(0, 3).Select(i => Video(i, options)).ToArray();
        var validator = new SyncValidator(videos, options, config, torch.CPU);
        var again = new SyncValidator(videos, options, config, torch.CPU);
        Assert.Equal(validator.Pairs, again.Pairs);
        Assert.Equal(3 * 2 * 3, validator.Pairs.Count);
        Assert.All(validator.Pairs.Where(p => p.Kind == PairKind.Easy), p => Assert.NotEqual(p.VideoIndex, p.AudioVideoIndex));
        Assert.All(validator.Pairs.Where(p => p.Kind == PairKind.Hard), p => Assert.InRange(Math.Abs(p.AudioShift), 0.5, 2.9));
        Assert.Equal(0.5 * config.Margin, validator.Threshold);

        torch.random.manual_seed(4);
        using var model = AvtsModel.Create(options);
        var result = validator.Evaluate(model);
        Assert.InRange(result.EasyAccuracy, 0, 1);
        Assert.InRange(result.HardAccuracy, 0, 1);
        Assert.InRange(result.OffsetAccuracy40Ms, 0, 1);
        Assert.InRange(result.MedianAbsOffsetMs, 0, 1000);
    }
}
