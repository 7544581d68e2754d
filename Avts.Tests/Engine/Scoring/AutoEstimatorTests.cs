using Avts.Engine.Scoring;

namespace Avts.Tests.Engine.Scoring;

public sealed class AutoEstimatorTests
{
    [Fact]
    public void BothSynchronizableAndAgreeing_GiveOnsetsDelay_AtTheHigherConfidence()
    {
        var result = AutoEstimator.Combine(Analysis("onset", 100, 0.6), Analysis("avts", 130, 0.9));

        Assert.Equal("auto", result.Method);
        Assert.True(result.Synchronizable);
        Assert.Equal(100, result.AudioDelayMs!.Value, 9);
        Assert.Equal(0.9, result.Confidence, 9);
        Assert.Equal(100, Assert.Single(result.Windows).AudioDelayMs);
    }

    [Theory]
    [InlineData(0.4, 0.7)]
    [InlineData(0.9, 0.3)]
    public void Disagreeing_TakeTheNetwork_WhateverOnsetsConfidence(double onsetConfidence, double avtsConfidence)
    {
        var result = AutoEstimator.Combine(Analysis("onset", 100, onsetConfidence), Analysis("avts", 300, avtsConfidence));

        Assert.Equal(300, result.AudioDelayMs);
        Assert.Equal(avtsConfidence, result.Confidence);
        Assert.Equal("auto", result.Method);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void OnlyOneSynchronizable_IsTaken(bool firstUsable)
    {
        var usable = Analysis("x", 80, 0.3);
        var unusable = Analysis("y", null, 0.9);
        var result = firstUsable ? AutoEstimator.Combine(usable, unusable) : AutoEstimator.Combine(unusable, usable);

        Assert.True(result.Synchronizable);
        Assert.Equal(80, result.AudioDelayMs);
        Assert.Equal(0.3, result.Confidence);
    }

    [Fact]
    public void NeitherSynchronizable_IsNotSynchronizable()
    {
        var result = AutoEstimator.Combine(Analysis("x", null, 0.1), Analysis("y", null, 0.05));

        Assert.False(result.Synchronizable);
        Assert.Null(result.AudioDelayMs);
        Assert.Equal("auto", result.Method);
    }

    [Fact]
    public void Analyze_RunsBothAndCombines()
    {
        var onset = new Cli.FakeEstimator("onset", _ => Analysis("onset", 40, 0.5));
        var avts = new Cli.FakeEstimator("avts", _ => Analysis("avts", 60, 0.5));
        using var auto = new AutoEstimator(onset, avts);

        var result = auto.Analyze(Cli.TestMedia.Decoded("in.mp4"), new AnalysisOptions(), CancellationToken.None);

        Assert.Single(onset.Calls);
        Assert.Single(avts.Calls);
        Assert.Equal(40, result.AudioDelayMs!.Value, 9);
    }

    private static SyncAnalysis Analysis(string method, double? delayMs, double confidence) =>
        new(method, delayMs, confidence, delayMs is not null, [new WindowEstimate(0, 6, delayMs, confidence)], null) { PeakDelayMs = delayMs };
}
