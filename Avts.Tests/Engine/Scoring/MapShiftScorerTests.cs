using Avts.Engine.Dsp;
using Avts.Engine.Media;
using Avts.Engine.Model;
using Avts.Engine.Scoring;
using TorchSharp;

namespace Avts.Tests.Engine.Scoring;

public sealed class MapShiftScorerTests
{
    private static readonly AvtsModelOptions Options = AvtsEstimatorTests.Small;

    [Fact]
    public void ClipsScoredInOneBatch_GetTheDistancesEachGetsAlone()
    {
        torch.random.manual_seed(11);
        using var model = AvtsModel.Create(Options);
        model.eval();
        var audio = NoiseTrack(seconds: 8, seed: 5);
        var hop = Options.HopLength;
        ShiftRequest[] requests =
        [
            new(RandomClip(1), 10 * hop, 101),
            new(RandomClip(2), 137 * hop, 201),
            new(RandomClip(3), 290 * hop, 57),
        ];

        using var batched = NewScorer(model);
        var together = batched.Score(requests, audio);

        Assert.Equal(requests.Length, together.Length);
        for (var i = 0; i < requests.Length; i++)
        {
            using var lone = NewScorer(model);
            var alone = lone.Score([requests[i]], audio)[0];
            Assert.Equal(requests[i].ShiftCount, together[i].Length);
            Assert.All(alone, d => Assert.False(double.IsNaN(d)));
            Assert.All(alone.Zip(together[i]), p => Assert.InRange(Math.Abs(p.First - p.Second), 0, 1e-5));
        }
    }

    [Fact]
    public void ShiftsPastTheEndOfTheSound_AreNaN_AndNoRequestsGiveNoDistances()
    {
        torch.random.manual_seed(12);
        using var model = AvtsModel.Create(Options);
        model.eval();
        var audio = NoiseTrack(seconds: 3, seed: 6);
        using var scorer = NewScorer(model);
        var lastStart = audio.Samples.Length - Options.AudioWindowSamples;

        var distances = scorer.Score([new ShiftRequest(RandomClip(4), lastStart - (2 * Options.HopLength), 10)], audio)[0];

        Assert.Equal(10, distances.Length);
        Assert.All(distances.Take(3), d => Assert.False(double.IsNaN(d)));
        Assert.All(distances.Skip(3), d => Assert.True(double.IsNaN(d)));
        Assert.Empty(scorer.Score([], audio));
    }

    private static MapShiftScorer NewScorer(AvtsModel model) => new(
        model,
        new LogMelSpectrogram(Options.SampleRate, Options.FftSize, Options.HopLength, Options.WindowLength, Options.MelBins, Options.MelMinHz, Options.MelMaxHz, Options.LogOffset),
        torch.CPU);

    private static float[] RandomClip(int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, Options.VideoClipValues).Select(_ => (float)random.NextDouble())];
    }

    private static AudioTrack NoiseTrack(double seconds, int seed)
    {
        var random = new Random(seed);
        var samples = new float[(int)(seconds * Options.SampleRate)];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (float)(0.2 * (random.NextDouble() - 0.5));
        }

        return new AudioTrack(samples, Options.SampleRate, 0);
    }
}
