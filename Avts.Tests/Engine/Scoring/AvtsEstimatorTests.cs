using Avts.Tests.Fixtures;
using Avts.Engine.Media;
using Avts.Engine.Model;
using Avts.Engine.Scoring;

namespace Avts.Tests.Engine.Scoring;

public sealed class AvtsEstimatorTests : IDisposable
{
    internal static readonly AvtsModelOptions Small = AvtsModelOptions.Tiny with { InputSize = 32 };
    private readonly string folder = Path.Combine(Path.GetTempPath(), "avts-estimator-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void UntrainedModel_GivesADistanceCurveOverTheRangeAt10MsSteps_AndBoundedConfidence()
    {
        var path = SaveUntrained(7);
        using var estimator = new AvtsEstimator(path);
        Assert.Equal("avts", estimator.Name);
        Assert.Equal(Small, estimator.Options);
        var media = SyntheticClips.FlashBeep(80, 25, 0, 0, 4, seed: 3);

        var result = estimator.Analyze(media, new AnalysisOptions { WindowSeconds = 2, HopSeconds = 1, RangeSeconds = 2 }, CancellationToken.None);

        Assert.Equal("avts", result.Method);
        var curve = Assert.IsType<OffsetCurve>(result.Curve);
        Assert.Equal("distance", curve.Kind);
        Assert.Equal(401, curve.DelaysMs.Length);
        Assert.Equal(-2000, curve.DelaysMs[0], 6);
        Assert.Equal(2000, curve.DelaysMs[^1], 6);
        Assert.All(curve.DelaysMs.Zip(curve.DelaysMs.Skip(1)), p => Assert.Equal(10, p.Second - p.First, 6));
        Assert.All(curve.Scores, s => Assert.InRange(s, 0, 2));
        Assert.InRange(result.Confidence, 0, 1);
        Assert.NotEmpty(result.Windows);
        Assert.All(result.Windows, w =>
        {
            Assert.InRange(w.StartSeconds, 0, 4);
            Assert.InRange(w.EndSeconds, w.StartSeconds, 4 + 1e-9);
            Assert.InRange(w.Confidence, 0, 1);
            Assert.True(w.AudioDelayMs is null || Math.Abs(w.AudioDelayMs.Value) <= 2000);
        });
        Assert.Equal(result.Synchronizable, result.AudioDelayMs is not null);
    }

    [Theory]
    [InlineData(120)]
    [InlineData(-250)]
    [InlineData(125)] // between two 10 ms steps: the parabola through the V lands on it
    public void MinimumAtAudioShiftPlusS_IsReportedAsSoundLateBySMs(double delayMs)
    {
        // The scripted scorer plays a perfect network: distance = how far the beep sits from the flash within the
        // window, so its minimum is where the audio taken from later by the true delay lines up with the picture.
        var estimator = new AvtsEstimator(Small, FlashAlignmentScorer);
        var media = OneFlashOneBeep(delayMs);

        var result = estimator.Analyze(media, new AnalysisOptions { RangeSeconds = 1 }, CancellationToken.None);

        Assert.True(result.Synchronizable);
        // The beep's first sample above the threshold is one sample (0.06 ms) after its start.
        Assert.InRange(result.AudioDelayMs!.Value, delayMs - 1, delayMs + 1);
        Assert.Equal(result.AudioDelayMs, result.PeakDelayMs);
        Assert.InRange(result.Confidence, 0.2, 1);
        var best = result.Curve!.DelaysMs[Array.IndexOf(result.Curve.Scores, result.Curve.Scores.Min())];
        Assert.InRange(best, delayMs - 10, delayMs + 10);
    }

    [Fact]
    public void AnAnswerBelowTheCardsCommitConfidence_IsUndetermined_ButKeepsItsPeak()
    {
        var media = OneFlashOneBeep(120);
        var options = new AnalysisOptions { RangeSeconds = 1 };
        var committed = new AvtsEstimator(Small, FlashAlignmentScorer).Analyze(media, options, CancellationToken.None);

        // The same curve, from a model whose card asks for more confidence than this answer has.
        var strict = new AvtsEstimator(Small, FlashAlignmentScorer, commitConfidence: Math.Min(0.99, committed.Confidence + 0.01))
            .Analyze(media, options, CancellationToken.None);

        Assert.True(committed.Synchronizable);
        Assert.False(strict.Synchronizable);
        Assert.Null(strict.AudioDelayMs);
        Assert.Equal(committed.PeakDelayMs, strict.PeakDelayMs);
        Assert.Equal(committed.Confidence, strict.Confidence);
    }

    [Fact]
    public void ShiftsFewerThanHalfTheClipsCover_AreLeftOut_AndAMinimumBesideThemIsAnEdge()
    {
        var nan = double.NaN;
        List<double[]> curves = [[0.0, 0.9, 0.5, 0.9], [nan, 0.7, 0.5, 0.9], [nan, nan, 0.5, 0.9]];

        var mean = ClipWindowScorer.MeanCurve(curves, 4);

        // Index 0: one clip of three (a lucky dip of one clip near the file's end) -> not scored.
        Assert.True(double.IsNaN(mean[0]));
        Assert.Equal(0.8, mean[1], 9);
        Assert.Equal(0.5, mean[2], 9);
        Assert.False(DistanceCurve.MinimumOnEdge(mean));
        Assert.True(DistanceCurve.MinimumOnEdge([nan, 0.2, 0.5, 0.9]));
        Assert.True(DistanceCurve.MinimumOnEdge([0.9, 0.5, 0.2, nan]));
    }

    [Fact]
    public void ClipCurves_AreCentredBeforeAveraging_SoAClipsLevelDoesNotMoveTheMinimum()
    {
        var nan = double.NaN;

        // Clip 1 covers every shift and dips at index 2; clip 2 (near the file's end) covers only 0-1 and sits low
        // everywhere. Raw means would put the minimum at 0 or 1, where only the low clip adds its level.
        List<double[]> curves = [[1.0, 1.0, 0.8, 1.0], [0.2, 0.2, nan, nan]];

        var mean = ClipWindowScorer.MeanCurve(curves, 4);

        Assert.Equal(2, DistanceCurve.ArgMin(mean));
        Assert.Equal(0.6 - 0.2, mean[2], 9);
    }

    [Fact]
    public void SilentAudio_IsNotSynchronizable()
    {
        var estimator = new AvtsEstimator(Small, FlashAlignmentScorer);
        var media = OneFlashOneBeep(0);
        var silent = media with { Audio = media.Audio! with { Samples = new float[media.Audio.Samples.Length] } };

        var result = estimator.Analyze(silent, new AnalysisOptions { RangeSeconds = 1 }, CancellationToken.None);

        Assert.False(result.Synchronizable);
        Assert.Null(result.AudioDelayMs);
        Assert.Equal(0, result.Confidence);
        Assert.All(result.Windows, w => Assert.Null(w.AudioDelayMs));
    }

    [Fact]
    public void FlatCurves_AreNotSynchronizable()
    {
        var estimator = new AvtsEstimator(Small, (_, _, count) => Enumerable.Repeat(1.0, count).ToArray());

        var result = estimator.Analyze(OneFlashOneBeep(0), new AnalysisOptions { RangeSeconds = 1 }, CancellationToken.None);

        Assert.False(result.Synchronizable);
        Assert.Null(result.AudioDelayMs);
        Assert.Equal(0, result.Confidence);
    }

    [Fact]
    public void AudioAtAnotherSampleRate_FailsClearly()
    {
        var estimator = new AvtsEstimator(Small, FlashAlignmentScorer);
        var media = OneFlashOneBeep(0);
        var wrongRate = media with { Audio = new AudioTrack(new float[48000 * 5], 48000, 0) };

        var error = Assert.Throws<ArgumentException>(() => estimator.Analyze(wrongRate, new AnalysisOptions(), CancellationToken.None));
        Assert.Contains("16000 Hz", error.Message, StringComparison.Ordinal);
        Assert.Contains("48000 Hz", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CardMismatch_IsAOneLineModelCardException()
    {
        var path = SaveUntrained(8);
        var error = Assert.Throws<ModelCardException>(() => new AvtsEstimator(path, Small with { MelBins = 64 }));
        Assert.Contains("mel_bins is 40 in the card but 64 requested", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void MissingWeights_IsFileNotFound()
    {
        var error = Assert.Throws<FileNotFoundException>(() => new AvtsEstimator(Path.Combine(folder, "none.pt")));
        Assert.Contains("no AVTS weights at", error.Message, StringComparison.Ordinal);
    }

    /// <summary>An untrained seeded model saved with its card; returns the weights path.</summary>
    internal string SaveUntrained(int seed) => UntrainedCheckpoint.Save(Path.Combine(folder, "tiny.pt"), Small, seed);

    /// <summary>5 s of black video with one flash at 2.0 s, and noise with one beep at 2.0 s + <paramref name="delayMs"/>.</summary>
    internal static DecodedMedia OneFlashOneBeep(double delayMs)
    {
        var random = new Random(11);
        var timestamps = SyntheticClips.Timestamps(0, 25, 125);
        var video = SyntheticClips.FlashVideo(timestamps, [50], random);
        var audio = SyntheticClips.EventAudio(0, 5, [2.0 + (delayMs / 1000)], random);
        return SyntheticClips.Media(video, audio);
    }

    /// <summary>
    /// Distance i = |beep time − flash time| within the window paired at shift i (capped at 1), following the
    /// <see cref="ClipScorer"/> layout: window i's clip-aligned first sample is (i + context) hops into the span.
    /// Flat 1 when the clip shows no flash or the span holds no beep.
    /// </summary>
    internal static double[] FlashAlignmentScorer(float[] clip, float[] span, int shiftCount)
    {
        var plane = Small.InputSize * Small.InputSize;
        var brightness = Enumerable.Range(0, Small.ClipFrames).Select(k => clip.AsSpan(k * plane, plane).ToArray().Average()).ToArray();
        var flash = Array.FindIndex(brightness, b => b > 0);
        var beep = Array.FindIndex(span, s => Math.Abs(s) > 0.1f);
        var result = Enumerable.Repeat(1.0, shiftCount).ToArray();
        if (flash < 0 || beep < 0)
        {
            return result;
        }

        var flashSeconds = (double)flash / Small.FrameRate;
        for (var i = 0; i < shiftCount; i++)
        {
            var beepSeconds = (double)(beep - ((i + Small.AudioContextFrames) * Small.HopLength)) / Small.SampleRate;
            result[i] = Math.Min(1, Math.Abs(beepSeconds - flashSeconds) / 0.5);
        }

        return result;
    }
}
