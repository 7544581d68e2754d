using Avts.Tests.Fixtures;
using Avts.Engine.Model;
using Avts.Engine.Scoring;
using Avts.Tests.Engine.Scoring;

namespace Avts.Tests.Engine.Model;

public sealed class CalibrationCardTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "avts-calibration-card-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void WriteCard_WithATable_RoundTrips_LeavesWeightsAlone_AndTheEstimatorUsesIt()
    {
        var weights = SaveUntrained();
        var before = File.ReadAllBytes(weights);
        IReadOnlyList<CalibrationPoint> table = [new(0, 0.7), new(0.5, 0.7)];
        var card = Checkpoint.ReadCard(weights);

        Checkpoint.WriteCard(weights, card with { ConfidenceCalibration = table, Metrics = new() { ["ece_heldout"] = 0.03 } });

        var read = Checkpoint.ReadCard(weights);
        Assert.Equal(table, read.ConfidenceCalibration);
        Assert.Equal(0.03, read.Metrics["ece_heldout"]);
        Assert.Equal(before, File.ReadAllBytes(weights));
        Assert.Equal([Path.GetFileName(weights), Path.GetFileName(Checkpoint.CardPath(weights))], Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains("\"confidence_calibration\"", File.ReadAllText(Checkpoint.CardPath(weights)), StringComparison.Ordinal);

        // A flat table: every window with an estimate gets exactly 0.7, whatever its raw score.
        using var estimator = new AvtsEstimator(weights);
        var result = estimator.Analyze(AvtsEstimatorTests.OneFlashOneBeep(0), new AnalysisOptions { WindowSeconds = 2, HopSeconds = 1, RangeSeconds = 1 }, CancellationToken.None);
        Assert.Contains(result.Windows, w => w.AudioDelayMs is not null);
        Assert.All(result.Windows, w => Assert.Equal(w.AudioDelayMs is null ? 0 : 0.7, w.Confidence, 12));
    }

    [Fact]
    public void WriteCard_WithAShortWindowTable_RoundTrips_AndTheEstimatorUsesItForShortWindowsOnly()
    {
        var weights = SaveUntrained();
        IReadOnlyList<CalibrationPoint> full = [new(0, 0.7), new(0.5, 0.7)];
        IReadOnlyList<CalibrationPoint> shortTable = [new(0, 0.3), new(0.5, 0.3)];
        Checkpoint.WriteCard(weights, Checkpoint.ReadCard(weights) with { ConfidenceCalibration = full, ShortWindowCalibration = shortTable, ShortWindowSeconds = 3 });

        var read = Checkpoint.ReadCard(weights);
        Assert.Equal(shortTable, read.ShortWindowCalibration);
        Assert.Equal(3, read.ShortWindowSeconds);
        Assert.Contains("\"short_window_calibration\"", File.ReadAllText(Checkpoint.CardPath(weights)), StringComparison.Ordinal);

        // 2 s windows are short (0.3); one window over the whole 5 s clip is not (0.7).
        using var estimator = new AvtsEstimator(weights);
        var media = AvtsEstimatorTests.OneFlashOneBeep(0);
        var shortWindows = estimator.Analyze(media, new AnalysisOptions { WindowSeconds = 2, HopSeconds = 1, RangeSeconds = 1 }, CancellationToken.None);
        var fullWindow = estimator.Analyze(media, new AnalysisOptions { WindowSeconds = 5, RangeSeconds = 1 }, CancellationToken.None);
        Assert.Contains(shortWindows.Windows, w => w.AudioDelayMs is not null);
        Assert.All(shortWindows.Windows, w => Assert.Equal(w.AudioDelayMs is null ? 0 : 0.3, w.Confidence, 12));
        var only = Assert.Single(fullWindow.Windows);
        Assert.NotNull(only.AudioDelayMs);
        Assert.Equal(0.7, only.Confidence, 12);
    }

    [Fact]
    public void ReadCard_AShortWindowTableWithoutItsLimit_IsAOneLineModelCardException()
    {
        var weights = SaveUntrained();
        Checkpoint.WriteCard(weights, Checkpoint.ReadCard(weights) with { ShortWindowCalibration = [new(0, 0.3), new(0.5, 0.4)] });

        var error = Assert.Throws<ModelCardException>(() => Checkpoint.ReadCard(weights));

        Assert.Contains("short_window_seconds", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void ReadCard_AnUnusableShortWindowTable_IsAOneLineModelCardException()
    {
        var weights = SaveUntrained();
        Checkpoint.WriteCard(weights, Checkpoint.ReadCard(weights) with { ShortWindowCalibration = [new(0.5, 0.3), new(0.1, 0.4)], ShortWindowSeconds = 3 });

        var error = Assert.Throws<ModelCardException>(() => Checkpoint.ReadCard(weights));

        Assert.Contains("unusable short_window_calibration", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.5, 0.2, 0.4, 0.6)] // scores not increasing
    [InlineData(0.1, 0.2, 0.4, 1.5)] // probability above 1
    public void ReadCard_AnUnusableTable_IsAOneLineModelCardException(double score1, double p1, double score2, double p2)
    {
        var weights = SaveUntrained();
        Checkpoint.WriteCard(weights, Checkpoint.ReadCard(weights) with { ConfidenceCalibration = [new(score1, p1), new(score2, p2)] });

        var error = Assert.Throws<ModelCardException>(() => Checkpoint.ReadCard(weights));

        Assert.Contains("unusable confidence_calibration", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    private string SaveUntrained() => UntrainedCheckpoint.Save(Path.Combine(folder, "tiny.bin"), AvtsEstimatorTests.Small, seed: 3);
}
