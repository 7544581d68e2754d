using Avts.Engine.Media;
using Avts.Engine.Model;
using Avts.Training.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Avts.Tests.Training;

/// <summary>The multi-way shift loss: its math on hand-made distances, and that <see cref="ShiftBatch"/> spans put shift 0 where pairs put it.</summary>
public sealed class ShiftLossTests
{
    private static readonly double[,] Distances = { { 0.1, 0.5, 1.0 }, { 0.8, 0.2, 0.9 } };

    internal static CachedVideo NoiseVideo(int index, double seconds, AvtsModelOptions options)
    {
        // Grey noise at 25 fps and 16 kHz noise: every window differs, so a misplaced span shows.
        var random = new Random(index);
        var frames = (int)Math.Round(seconds * 25);
        var pixels = new byte[frames * 16 * 16];
        random.NextBytes(pixels);
        var times = Enumerable.Range(0, frames).Select(f => f / 25.0).ToArray();
        var samples = Enumerable.Range(0, (int)Math.Round(seconds * 16000)).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        var video = new VideoTrack(16, 16, pixels, times);
        var audio = new AudioTrack(samples, 16000, 0.01 * index);
        return new CachedVideo($"v{index}.mp4", video, audio, ClipCache.RangeOf(video, audio, options));
    }

    private static double CrossEntropy(double[,] d, int row, int target, double temperature)
    {
        var logits = Enumerable.Range(0, d.GetLength(1)).Select(k => -d[row, k] * d[row, k] / temperature).ToArray();
        var max = logits.Max();
        var logSumExp = max + Math.Log(logits.Sum(l => Math.Exp(l - max)));
        return logSumExp - logits[target];
    }

    [Fact]
    public void Forward_OneHot_IsTheMeanCrossEntropyOfMinusSquaredDistanceOverTemperature()
    {
        using var loss = new ShiftLoss(0.1);
        using var d = tensor(new[] { 0.1f, 0.5f, 1.0f, 0.8f, 0.2f, 0.9f }, [2, 3]);
        using var targets = tensor(new long[] { 0, 1 });
        using var value = loss.call(d, targets);
        var expected = (CrossEntropy(Distances, 0, 0, 0.1) + CrossEntropy(Distances, 1, 1, 0.1)) / 2;
        Assert.Equal(expected, value.item<float>(), 1e-5);
    }

    [Fact]
    public void Forward_GaussianTarget_WeighsEveryShiftsCrossEntropy()
    {
        const double sigma = 0.8;
        using var loss = new ShiftLoss(0.1, sigma);
        using var d = tensor(new[] { 0.1f, 0.5f, 1.0f, 0.8f, 0.2f, 0.9f }, [2, 3]);
        using var targets = tensor(new long[] { 0, 1 });
        using var value = loss.call(d, targets);
        var expected = 0.0;
        for (var row = 0; row < 2; row++)
        {
            var truth = row;
            var weights = Enumerable.Range(0, 3).Select(k => Math.Exp(-((k - truth) * (k - truth)) / (2 * sigma * sigma))).ToArray();
            var sum = weights.Sum();
            expected += Enumerable.Range(0, 3).Sum(k => weights[k] / sum * CrossEntropy(Distances, row, k, 0.1)) / 2;
        }

        Assert.Equal(expected, value.item<float>(), 1e-5);
    }

    [Fact]
    public void Backward_PushesTheTrueShiftsDistanceDownAndTheOthersUp()
    {
        using var loss = new ShiftLoss(0.1);
        using var d = tensor(new[] { 0.6f, 0.5f, 0.7f, 0.9f }, [1, 4]).requires_grad_();
        using var targets = tensor(new long[] { 2 });
        using var value = loss.call(d, targets);
        value.backward();
        var grad = d.grad!.data<float>().ToArray();

        // Gradient descent moves d by −grad: the true shift's distance shrinks, every other one grows.
        Assert.True(grad[2] > 0, string.Join(' ', grad));
        Assert.All(new[] { grad[0], grad[1], grad[3] }, g => Assert.True(g < 0, string.Join(' ', grad)));
    }

    [Fact]
    public void Constructor_RefusesANonPositiveTemperatureOrANegativeSigma()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ShiftLoss(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ShiftLoss(0.1, -1));
    }

    [Fact]
    public void Build_TrueShiftWindow_IsThePositivePairsWindow_AndOtherShiftsTheShiftedPairs()
    {
        var options = AvtsModelOptions.Tiny with { InputSize = 16 };
        var videos = Enumerable.Range(0, 3).Select(i => NoiseVideo(i, 3, options)).ToArray();
        var shifts = new ShiftBatch(videos, options, 0.3, CPU);
        Assert.Equal(30, shifts.TrueShiftIndex);
        Assert.Equal(61, shifts.ShiftCount);
        var clips = shifts.Draw(new Random(7), 3);
        Assert.Equal(clips, shifts.Draw(new Random(7), 3));
        Assert.All(clips, c =>
        {
            var (min, max) = ShiftBatch.StartRange(videos[c.VideoIndex].Range, shifts.ReachSeconds)!.Value;
            Assert.InRange(c.ClipStart, min, max);
        });

        using var scope = NewDisposeScope();
        var (video, span, trueShifts) = shifts.Build(clips);
        Assert.Equal([3, 1, options.MelBins, ShiftSpan.MelFrames(61, options)], span.shape);
        Assert.All(trueShifts.data<long>().ToArray(), t => Assert.Equal(30, t));
        var melFrames = options.AudioWindowFrames + (2 * options.AudioContextFrames);
        var pairs = new PairBatch(videos, options, CPU);
        foreach (var k in new[] { 30, 0, 45, 60 })
        {
            var offset = (k - 30) * ShiftSpan.StepSeconds(options);
            var specs = clips.Select(c => new PairSpec(c.VideoIndex, c.ClipStart, c.VideoIndex, offset, k == 30 ? 1 : 0, k == 30 ? PairKind.Positive : PairKind.SuperHard)).ToArray();
            var (pairVideo, pairAudio, _) = pairs.Build(specs);
            Assert.Equal(0f, (video - pairVideo).abs().max().item<float>());
            var window = span.narrow(3, k, melFrames);
            var difference = (window - pairAudio).abs().max().item<float>();
            Assert.True(difference < 1e-5, $"shift index {k}: log-mel differs by {difference}");
        }

        // And through the network (eval mode): the pooled true shift is the positive pair's distance.
        torch.random.manual_seed(11);
        using var model = AvtsModel.Create(options);
        model.eval();
        using var noGrad = no_grad();
        var positives = clips.Select(c => new PairSpec(c.VideoIndex, c.ClipStart, c.VideoIndex, 0, 1, PairKind.Positive)).ToArray();
        var (v, a, _) = pairs.Build(positives);
        var pairDistance = model.call(v, a);
        var shiftDistance = model.ShiftDistances(video, span, 0, shifts.ShiftCount).select(1, 30);
        var gap = (pairDistance - shiftDistance).abs().max().item<float>();
        Assert.True(gap < 1e-5, $"distance differs by {gap}");
    }

    [Fact]
    public void Constructor_SkipsVideosTooShortForTheSpan_AndFailsWhenNoneFits()
    {
        var options = AvtsModelOptions.Tiny with { InputSize = 16 };

        // 1.6 s holds a clip with its window (1.3 s of audio) but not ±0.3 s around it.
        var videos = new[] { NoiseVideo(0, 1.6, options), NoiseVideo(1, 3, options) };
        Assert.True(videos[0].Range.CanPair);
        var shifts = new ShiftBatch(videos, options, 0.3, CPU);
        Assert.Equal([1], shifts.EligibleVideos);
        Assert.All(shifts.Draw(new Random(1), 20), c => Assert.Equal(1, c.VideoIndex));
        var error = Assert.Throws<TrainingDataException>(() => new ShiftBatch([videos[0]], options, 0.3, CPU));
        Assert.Contains("shift_loss.range_s", error.Message, StringComparison.Ordinal);
    }
}
