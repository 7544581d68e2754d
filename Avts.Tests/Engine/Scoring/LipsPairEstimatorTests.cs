using Avts.Engine.Checking;
using Avts.Engine.Media;
using Avts.Engine.Model;
using Avts.Engine.Scoring;
using Avts.Tests.Cluster;
using Avts.Tests.Fixtures;

namespace Avts.Tests.Engine.Scoring;

/// <summary>
/// The lips method with a second opinion, over two scripted lips models (conventions, not trained nets): the first
/// model's own commit stands, else the two must agree within <see cref="LipsPairEstimator.AgreementMs"/>; the faces
/// are followed once, with the second model's larger crops, and each model gets clips of its own layout.
/// </summary>
public sealed class LipsPairEstimatorTests
{
    private static readonly AnalysisOptions Options = new() { WindowSeconds = 4, HopSeconds = 4, RangeSeconds = 1 };
    private static readonly AvtsModelOptions WithCrop = AvtsModelOptions.Lips with { LipCropSize = 16 };

    [Fact]
    public void FirstDoesNotCommit_SecondAgreesWithin60Ms_TheMeanOfTheTwoPeaksIsCommitted()
    {
        using var pair = Pair(firstDipMs: 80, firstCommits: false, secondDipMs: 120);

        var result = pair.Estimator.Analyze(Media(), Options, CancellationToken.None);

        Assert.Equal("lips", result.Method);
        Assert.True(result.Synchronizable, $"confidence {result.Confidence}");
        Assert.Equal(100, result.AudioDelayMs!.Value, 1);
        Assert.NotNull(result.Face);
        Assert.NotEmpty(pair.FirstClips);
        Assert.NotEmpty(pair.SecondClips);
        Assert.All(pair.FirstClips, c => Assert.Equal(AvtsModelOptions.Lips.VideoClipValues, c.Length));
        Assert.All(pair.SecondClips, c => Assert.Equal(WithCrop.VideoClipValues, c.Length));
    }

    [Fact]
    public void FirstDoesNotCommit_SecondDisagrees_Undetermined_WithTheFirstModelsPeak()
    {
        using var pair = Pair(firstDipMs: 80, firstCommits: false, secondDipMs: -300);

        var result = pair.Estimator.Analyze(Media(), Options, CancellationToken.None);

        Assert.False(result.Synchronizable);
        Assert.Null(result.AudioDelayMs);
        Assert.Equal(80, result.PeakDelayMs!.Value, 1);
    }

    [Fact]
    public void TheModelsAgree_ButTheFirstModelPeaksElsewhereOnTheSecondHalf_Undetermined()
    {
        // The first model dips deep at +80 ms on clips starting before 1.3 s and shallower at -300 ms after: over the
        // whole input +80 wins and the second model agrees (+100), but the second half alone says -300.
        var first = new AvtsEstimator(
            AvtsModelOptions.Lips,
            (clip, span, count) => Dip(count, SpanStartSeconds(span) < 1.3 - 1 - ContextSeconds ? (80, 0.2) : (-300, 0.7)),
            landmarks: LandmarkModel.Predictor,
            commitConfidence: 1.01);
        var second = new AvtsEstimator(WithCrop, Recording([], 100), landmarks: LandmarkModel.Predictor);
        using var pair = new LipsPairEstimator(first, second);

        var result = pair.Analyze(Media(ramp: true), Options, CancellationToken.None);

        Assert.Equal(80, result.PeakDelayMs!.Value, 1);
        Assert.False(result.Synchronizable);
        Assert.Null(result.AudioDelayMs);
    }

    [Fact]
    public void FirstCommits_ItsAnswerStands_AndTheSecondIsNotAsked()
    {
        using var pair = Pair(firstDipMs: 80, firstCommits: true, secondDipMs: -300);

        var result = pair.Estimator.Analyze(Media(), Options, CancellationToken.None);

        Assert.True(result.Synchronizable);
        Assert.Equal(80, result.AudioDelayMs!.Value, 1);
        Assert.Empty(pair.SecondClips);
    }

    [Fact]
    public void NoFace_NothingToSyncOn_AndNeitherModelIsAsked()
    {
        using var pair = Pair(firstDipMs: 80, firstCommits: false, secondDipMs: 80);
        var faceless = LandmarkFrames.SlidingVideo("closed-smile", 0, 240, noiseFrames: 100);

        var result = pair.Estimator.Analyze(Media(faceless), Options, CancellationToken.None);

        Assert.False(result.Synchronizable);
        Assert.Null(result.Face);
        Assert.Empty(pair.FirstClips);
        Assert.Empty(pair.SecondClips);
    }

    [Fact]
    public void LipsMethod_ThePairByDefault_TheLipsModelAloneWhenAskedOrWhenOtherLipsWeightsAreNamed()
    {
        Assert.True(File.Exists(ShapePredictorPath()), "run ./scripts/ensure-deps.sh (it installs libdlib-data)");
        var registry = EstimatorRegistry.CreateDefault(_ => null);
        var lips = Path.Combine(RepoPaths.Root, AvtsWeights.LipsRelativePath);

        using (var paired = registry.Create("lips"))
        {
            Assert.IsType<LipsPairEstimator>(paired);
            Assert.Equal("lips", paired.Name);
        }

        using (var alone = EstimatorRegistry.CreateDefault(name => name == AvtsWeights.LipsSecondEnvironmentVariable ? "none" : null).Create("lips"))
        {
            Assert.IsType<AvtsEstimator>(alone);
        }

        using var named = registry.Create("lips", lips);
        Assert.IsType<AvtsEstimator>(named);
    }

    // Two scripted lips models whose every clip's curve dips at the given delay; the first commits on its own only
    // when asked to (its commit threshold otherwise above any confidence).
    private static ScriptedPair Pair(int firstDipMs, bool firstCommits, int secondDipMs)
    {
        var firstClips = new List<float[]>();
        var secondClips = new List<float[]>();
        var first = new AvtsEstimator(AvtsModelOptions.Lips, Recording(firstClips, firstDipMs), landmarks: LandmarkModel.Predictor, commitConfidence: firstCommits ? null : 1.01);
        var second = new AvtsEstimator(WithCrop, Recording(secondClips, secondDipMs), landmarks: LandmarkModel.Predictor);
        return new ScriptedPair(new LipsPairEstimator(first, second), firstClips, secondClips);
    }

    private static double ContextSeconds => AvtsInputs.ContextSeconds(AvtsModelOptions.Lips);

    // A distance curve with one dip dipMs away from the middle shift (10 ms steps), recording each clip it scores.
    private static ClipScorer Recording(List<float[]> clips, int dipMs) => (clip, _, count) =>
    {
        clips.Add(clip);
        return Dip(count, (dipMs, 0.2));
    };

    private static double[] Dip(int count, (int Ms, double Depth) dip)
    {
        var distances = Enumerable.Repeat(1.0, count).ToArray();
        distances[((count - 1) / 2) + (dip.Ms / 10)] = dip.Depth;
        return distances;
    }

    // The time of a span's first sample in Media(ramp: true), whose samples rise 0.01 a second from 0.05 at -2 s.
    private static double SpanStartSeconds(float[] span) => -2 + ((span[0] - 0.05) / 0.01);

    private static string ShapePredictorPath() => Avts.Engine.Vision.Landmarks.ShapePredictor.DefaultModelPath;

    // Noise audio (never silent) covering every shift of ±1 s around the 4 s video, and more; or a ramp that tells a
    // scripted model where in the input a clip's span starts (SpanStartSeconds).
    private static DecodedMedia Media(VideoTrack? video = null, bool ramp = false)
    {
        var random = new Random(9);
        var samples = new float[16000 * 8];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = ramp ? (float)(0.05 + (0.01 * i / 16000)) : (float)((random.NextDouble() - 0.5) * 0.2);
        }

        return new DecodedMedia(
            new MediaInfo("sliding", "test", 4, null, null), video ?? LandmarkFrames.SlidingVideo("closed-smile", 100, 240), new AudioTrack(samples, 16000, -2));
    }

    private sealed record ScriptedPair(LipsPairEstimator Estimator, List<float[]> FirstClips, List<float[]> SecondClips) : IDisposable
    {
        public void Dispose() => Estimator.Dispose();
    }
}
