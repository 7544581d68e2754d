using Avts.Engine.Media;
using Avts.Engine.Model;
using Avts.Engine.Scoring;
using Avts.Tests.Fixtures;

namespace Avts.Tests.Engine.Scoring;

/// <summary>
/// The network estimator with a lips model, over a scripted scorer (conventions, not a trained net): faces are followed
/// in the decoded frames, clips come from the face's lip track, the delay comes from the curves, the face is reported.
/// </summary>
public sealed class LipsEstimatorTests
{
    private const int ShiftIndex = 8;

    // A dip 8 steps (80 ms) later than the middle shift of whatever span it gets: with the audio covering every shift,
    // every clip's curve says the sound is 80 ms late.
    private static readonly ClipScorer DipAt80Ms = (_, _, count) =>
    {
        var distances = Enumerable.Repeat(1.0, count).ToArray();
        distances[((count - 1) / 2) + ShiftIndex] = 0.2;
        return distances;
    };

    [Fact]
    public void FaceOnScreen_ClipsFromItsLips_DelayFromTheCurves_AndTheFaceIsReported()
    {
        var video = LandmarkFrames.SlidingVideo("closed-smile", 100, 240);
        var clips = new List<float[]>();
        var estimator = new AvtsEstimator(AvtsModelOptions.Lips, (clip, span, count) =>
        {
            clips.Add(clip);
            return DipAt80Ms(clip, span, count);
        }, landmarks: LandmarkModel.Predictor);

        var result = estimator.Analyze(Media(video), new AnalysisOptions { WindowSeconds = 4, HopSeconds = 4, RangeSeconds = 1 }, CancellationToken.None);

        Assert.Equal("lips", result.Method);
        Assert.True(result.Synchronizable, $"confidence {result.Confidence}");
        Assert.Equal(80, result.AudioDelayMs!.Value, 1);
        Assert.NotEmpty(clips);
        Assert.All(clips, c => Assert.Equal(AvtsModelOptions.Lips.VideoClipValues, c.Length));
        var face = Assert.IsType<FaceRegion>(result.Face);
        Assert.Equal(1, face.Faces);
        Assert.InRange(face.Width, 90, 150);
        Assert.InRange(face.X + (face.Width / 2), 60, 180);
    }

    [Fact]
    public void NoFace_NothingToSyncOn()
    {
        var faceless = LandmarkFrames.SlidingVideo("closed-smile", 0, 240, noiseFrames: 100);
        var estimator = new AvtsEstimator(AvtsModelOptions.Lips, DipAt80Ms, landmarks: LandmarkModel.Predictor);

        var result = estimator.Analyze(Media(faceless), new AnalysisOptions { WindowSeconds = 4, HopSeconds = 4, RangeSeconds = 1 }, CancellationToken.None);

        Assert.False(result.Synchronizable);
        Assert.Null(result.AudioDelayMs);
        Assert.Null(result.Face);
    }

    // Noise audio (never silent) covering every shift of ±1 s around the 4 s video, and more.
    private static DecodedMedia Media(VideoTrack video)
    {
        var random = new Random(9);
        var samples = new float[16000 * 8];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (float)((random.NextDouble() - 0.5) * 0.2);
        }

        return new DecodedMedia(new MediaInfo("sliding", "test", 4, null, null), video, new AudioTrack(samples, 16000, -2));
    }
}
