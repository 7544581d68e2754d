using Avts.Engine.Scoring;

namespace Avts.Tests.Engine.Scoring;

public sealed class OnsetEstimatorTests
{
    private static readonly AnalysisOptions Options = new();

    [Theory]
    [InlineData(-700.0)]
    [InlineData(-240.0)]
    [InlineData(-80.0)]
    [InlineData(0.0)]
    [InlineData(40.0)]
    [InlineData(120.0)]
    [InlineData(500.0)]
    [InlineData(-333.3)]
    [InlineData(77.7)]
    public void Analyze_FlashBeepAt25Fps_FindsDelayWithin5Ms(double delayMs)
    {
        var media = SyntheticClips.FlashBeep(delayMs, 25, videoStart: 0.033, audioStart: 0.0, seconds: 10, seed: 1);
        var result = new OnsetEstimator(cascadePath: null).Analyze(media, Options, CancellationToken.None);
        Assert.True(result.Synchronizable);
        Assert.NotNull(result.AudioDelayMs);
        Assert.InRange(result.AudioDelayMs.Value, delayMs - 5, delayMs + 5);
    }

    [Theory]
    [InlineData(-700.0)]
    [InlineData(-240.0)]
    [InlineData(-80.0)]
    [InlineData(0.0)]
    [InlineData(40.0)]
    [InlineData(120.0)]
    [InlineData(500.0)]
    [InlineData(13.0)]
    public void Analyze_FlashBeepAtNtsc_FindsDelayWithin5Ms(double delayMs)
    {
        var media = SyntheticClips.FlashBeep(delayMs, 30000.0 / 1001, videoStart: 0.0, audioStart: 0.021, seconds: 11, seed: 2);
        var result = new OnsetEstimator(cascadePath: null).Analyze(media, Options, CancellationToken.None);
        Assert.True(result.Synchronizable);
        Assert.NotNull(result.AudioDelayMs);
        Assert.InRange(result.AudioDelayMs.Value, delayMs - 5, delayMs + 5);
    }
}
