using Avts.Engine.Media;
using Avts.Engine.Scoring;
using Avts.Tests.Fixtures;

namespace Avts.Tests.Engine.Scoring;

/// <summary>The auto rule: lips wherever there is a face, the event methods elsewhere; the pixel network never on faces.</summary>
public sealed class FaceFirstEstimatorTests
{
    private static readonly FaceRegion Face = new(10, 20, 100, 100, 1);
    private static readonly DecodedMedia Media = new(new MediaInfo("x", "test", 1, null, null), null, null);

    [Fact]
    public void LipsCommitted_IsTheAnswer()
    {
        var result = Auto(Analysis(40, 0.8, Face), Analysis(300, 0.9), Analysis(-500, 0.9));

        Assert.Equal(40, result.AudioDelayMs);
        Assert.Equal("auto", result.Method);
        Assert.Equal(Face, result.Face);
    }

    [Fact]
    public void FaceButLipsUndetermined_OnsetCommitted_TakesOnset_KeepsTheFace()
    {
        var result = Auto(Analysis(null, 0.1, Face), Analysis(120, 0.7), Analysis(-500, 0.95));

        Assert.Equal(120, result.AudioDelayMs);
        Assert.Equal(Face, result.Face);
    }

    [Fact]
    public void FaceButNeitherLipsNorOnsetCommitted_IsUndetermined_ThePixelNetworkIsNotAsked()
    {
        var network = new Fixed(Analysis(-500, 0.95));

        var result = new FaceFirstEstimator(new Fixed(Analysis(null, 0.1, Face)), new Fixed(Analysis(null, 0)), network)
            .Analyze(Media, new AnalysisOptions(), CancellationToken.None);

        Assert.Null(result.AudioDelayMs);
        Assert.False(result.Synchronizable);
        Assert.Equal(0, network.Calls);
    }

    [Fact]
    public void AFrontalFaceTheLipsModelDidNotFollow_IsStillAFace_ThePixelNetworkIsNotAsked()
    {
        var video = LandmarkFrames.SlidingVideo("open", frames: 10, width: 300);
        var media = new DecodedMedia(new MediaInfo("x", "test", 1, null, null), video, null);
        var network = new Fixed(Analysis(-500, 0.95));

        var result = new FaceFirstEstimator(new Fixed(Analysis(null, 0)), new Fixed(Analysis(null, 0)), network)
            .Analyze(media, new AnalysisOptions(), CancellationToken.None);

        Assert.Null(result.AudioDelayMs);
        Assert.Equal(0, network.Calls);
    }

    [Fact]
    public void NoFace_TheEventMethodsDecide_TheNetworkWinningDisagreements()
    {
        var result = Auto(Analysis(null, 0), Analysis(100, 0.9), Analysis(300, 0.5));

        Assert.Equal(300, result.AudioDelayMs);
        Assert.Null(result.Face);
    }

    private static SyncAnalysis Auto(SyncAnalysis lips, SyncAnalysis onset, SyncAnalysis network) =>
        new FaceFirstEstimator(new Fixed(lips), new Fixed(onset), new Fixed(network)).Analyze(Media, new AnalysisOptions(), CancellationToken.None);

    private static SyncAnalysis Analysis(double? delayMs, double confidence, FaceRegion? face = null) =>
        new("x", delayMs, confidence, delayMs is not null, [], null) { Face = face };

    private sealed class Fixed(SyncAnalysis analysis) : ISyncEstimator
    {
        public int Calls { get; private set; }

        public string Name => analysis.Method;

        public SyncAnalysis Analyze(DecodedMedia media, AnalysisOptions options, CancellationToken cancellationToken)
        {
            Calls++;
            return analysis;
        }

        public void Dispose()
        {
        }
    }
}
