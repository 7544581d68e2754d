using Avts.Tests.Fixtures;
using System.Text.Json.Nodes;
using Avts.Engine.Model;
using Avts.Engine.Scoring;
using Avts.Tests.Engine.Scoring;
using Avts.Training.Calibration;
using Avts.Training.Training;

namespace Avts.Tests.Training;

/// <summary><c>avts-train calibrate</c> and its sampler (tiny 32x32 untrained model or a scripted scorer, CPU, seconds).</summary>
public sealed class CalibrateCommandTests(IndexCorpusFixture corpus) : IClassFixture<IndexCorpusFixture>
{
    private static Task<(int Code, string Out, string Err)> RunAsync(params string[] args) => CorpusIndexTests.RunAsync(args);

    [Fact]
    public void Sampler_MovesTheAudioByPresentationTime_AndAPerfectScorerFindsEveryShift()
    {
        // One flash at 2.0 s and its beep in sync; the scripted scorer is a perfect network for this clip.
        var media = AvtsEstimatorTests.OneFlashOneBeep(0);
        var video = new CachedVideo("flash", media.Video!, media.Audio!, ClipCache.RangeOf(media.Video!, media.Audio!, AvtsEstimatorTests.Small));
        var estimator = new AvtsEstimator(AvtsEstimatorTests.Small, AvtsEstimatorTests.FlashAlignmentScorer);

        var windows = CalibrationSampler.Sample(estimator, [video], [0, 120, -250], new AnalysisOptions { RangeSeconds = 1 }, 1, TextWriter.Null, CancellationToken.None);

        Assert.Equal([0.0, 120, -250], windows.Select(w => w.ShiftMs));
        Assert.All(windows, w =>
        {
            Assert.True(w.Correct, $"shift {w.ShiftMs} ms estimated as {w.DelayMs} ms");
            Assert.InRange(w.DelayMs!.Value, w.ShiftMs - 1, w.ShiftMs + 1);
            Assert.True(w.RawScore > 0);
        });
    }

    [Fact]
    public void FitTables_ShortWindowsGetTheirOwnTable_OnlyWithEnoughOnBothSides()
    {
        // Full (6 s) windows are right whenever the score is high; short (2.5 s) ones only half the time.
        var full = Windows(150, 6, i => i % 3 != 0 || i >= 100, i => i < 100 ? 0.1 : 0.8);
        var shortOnes = Windows(120, 2.5, i => i % 2 == 0, _ => 0.8);
        var log = new StringWriter();

        var banded = CalibrationRun.FitTables([.. full, .. shortOnes], 4.5, log);

        Assert.Equal(4.5, banded.ShortBelowSeconds);
        Assert.Equal(1.0, banded.Confidence(0.8, 6), 12);
        Assert.Equal(0.5, banded.Confidence(0.8, 2.5), 12);
        Assert.Empty(log.ToString());

        // Too few short windows: one table for all, said in the log.
        var single = CalibrationRun.FitTables([.. full, .. shortOnes.Take(CalibrationRun.MinimumBandWindows - 1)], 4.5, log);

        Assert.Null(single.ShortTable);
        Assert.Equal(single.Confidence(0.8, 6), single.Confidence(0.8, 2.5), 12);
        Assert.Equal(100.0 / 149, single.Confidence(0.8, 6), 12); // 50 full and 50 of 99 short windows right at 0.8
        Assert.Contains("one table for all windows", log.ToString(), StringComparison.Ordinal);

        // A limit of 0 turns the bands off without a word.
        var off = CalibrationRun.FitTables([.. full, .. shortOnes], 0, TextWriter.Null);
        Assert.Null(off.ShortTable);
    }

    private static List<CalibrationWindow> Windows(int count, double spanSeconds, Func<int, bool> correct, Func<int, double> score) =>
        Enumerable.Range(0, count).Select(i => new CalibrationWindow("v" + (i % 10), 0, 0, spanSeconds, score(i), 0, correct(i))).ToList();

    [Fact]
    public async Task Calibrate_UntrainedTinyModel_WritesAValidCardWithAMonotoneTable_AndReportsJsonAndTable()
    {
        var weights = SaveUntrained();
        var weightBytes = await File.ReadAllBytesAsync(weights);
        var windowsCsv = Path.Combine(Path.GetDirectoryName(weights)!, "windows.csv");

        var (code, output, err) = await RunAsync("calibrate", "--weights", weights, "--data", corpus.Clips, "--held-out", corpus.Clips, "--shifts", "0,120,-400", "--seed", "4", "--format", "json", "--device", "cpu", "--write", "--windows", windowsCsv);

        Assert.True(code == 0, err);
        Assert.Contains("held-out videos are also fit videos", err, StringComparison.Ordinal);
        var report = JsonNode.Parse(output)!;
        Assert.Equal("calibrate", report["command"]!.GetValue<string>());
        Assert.Equal("held-out", report["ece_source"]!.GetValue<string>());
        Assert.Equal(4, report["fit_videos"]!.GetValue<int>());
        Assert.Equal([0.0, 120, -400], report["shifts_ms"]!.AsArray().Select(n => n!.GetValue<double>()));
        Assert.True(report["fit_samples"]!.GetValue<int>() >= 12);
        Assert.InRange(report["ece"]!.GetValue<double>(), 0, 1);
        Assert.InRange(report["undetermined_share"]!.GetValue<double>(), 0, 1);
        Assert.Equal(SyncGate.MinimumConfidence, report["commit_threshold"]!.GetValue<double>());
        Assert.Equal(10, report["bins"]!.AsArray().Count);
        Assert.Equal(report["eval_samples"]!.GetValue<int>(), report["bins"]!.AsArray().Sum(b => b!["count"]!.GetValue<int>()));

        var card = Checkpoint.ReadCard(weights);
        var table = Assert.IsAssignableFrom<IReadOnlyList<CalibrationPoint>>(card.ConfidenceCalibration);
        Assert.InRange(table.Count, 1, IsotonicCalibration.DefaultMaxPoints);
        Assert.All(table.Zip(table.Skip(1)), p => Assert.True(p.Second.Score > p.First.Score && p.Second.Probability >= p.First.Probability));
        Assert.Equal(table.Count, report["table"]!.AsArray().Count);
        Assert.Equal(report["ece"]!.GetValue<double>(), card.Metrics["ece_heldout"], 6);
        Assert.Equal(report["fit_samples"]!.GetValue<int>(), card.Metrics["calibration_samples"]);
        Assert.Equal(Checkpoint.CardPath(weights), report["card_written"]!.GetValue<string>());
        Assert.Equal(weightBytes, await File.ReadAllBytesAsync(weights));
        var csv = await File.ReadAllLinesAsync(windowsCsv);
        Assert.Equal("set,video,shift_ms,start_s,span_s,raw_score,delay_ms,confidence,correct", csv[0]);
        Assert.Equal(report["fit_samples"]!.GetValue<int>(), csv.Count(l => l.StartsWith("fit,", StringComparison.Ordinal)));
        Assert.Equal(report["eval_samples"]!.GetValue<int>(), csv.Count(l => l.StartsWith("eval,", StringComparison.Ordinal)));

        // Same seed, same numbers; the table report without --held-out says the ECE is in-sample.
        var (again, table2, _) = await RunAsync("calibrate", "--weights", weights, "--data", corpus.Clips, "--shifts", "0,120,-400", "--seed", "4", "--device", "cpu");
        Assert.Equal(0, again);
        Assert.Contains("in-sample", table2, StringComparison.Ordinal);
        Assert.Contains("card: not written", table2, StringComparison.Ordinal);
        Assert.Contains("reliability:", table2, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2, "calibrate", "--data", "CLIPS")]
    [InlineData(2, "calibrate", "--weights", "UNTRAINED", "--data", "CLIPS", "--format", "xml")]
    [InlineData(2, "calibrate", "--weights", "UNTRAINED", "--data", "CLIPS", "--shifts", "0,abc")]
    [InlineData(2, "calibrate", "--weights", "UNTRAINED", "--data", "CLIPS", "--shifts", "2500")]
    [InlineData(2, "calibrate", "--weights", "UNTRAINED", "--data", "CLIPS", "--range", "0")]
    [InlineData(2, "calibrate", "--weights", "UNTRAINED", "--data", "CLIPS", "--short-window", "7")]
    [InlineData(1, "calibrate", "--weights", "MISSING", "--data", "CLIPS")]
    [InlineData(1, "calibrate", "--weights", "CARDLESS", "--data", "CLIPS")]
    [InlineData(1, "calibrate", "--weights", "UNTRAINED", "--data", "CLIPS", "--held-out", "MISSING")]
    [InlineData(1, "calibrate", "--weights", "UNTRAINED", "--data", "CLIPS", "--window", "0.5")]
    public async Task Calibrate_BadArguments_OneLine(int expected, params string[] args)
    {
        var cardless = Path.Combine(corpus.NewFolder("cardless"), "w.bin");
        Directory.CreateDirectory(Path.GetDirectoryName(cardless)!);
        await File.WriteAllTextAsync(cardless, "not weights");
        var untrained = SaveUntrained();
        var resolved = args.Select(a => a switch
        {
            "CLIPS" => corpus.Clips,
            "CARDLESS" => cardless,
            "UNTRAINED" => untrained,
            "MISSING" => corpus.NewFolder("missing"),
            _ => a,
        }).ToArray();

        var (code, _, err) = await RunAsync([.. resolved, "--device", "cpu"]);

        Assert.Equal(expected, code);
        Assert.StartsWith("avts-train: ", Assert.Single(err.Trim().Split('\n')), StringComparison.Ordinal);
    }

    private string SaveUntrained() => UntrainedCheckpoint.Save(Path.Combine(corpus.NewFolder("untrained"), "tiny.bin"), AvtsEstimatorTests.Small, seed: 1);
}
