using System.Globalization;
using System.Text.Json.Nodes;
using Avts.Engine.Model;
using Avts.Training.Commands;
using Avts.Training.Corpus;
using Avts.Training.Training;
using TorchSharp;

namespace Avts.Tests.Training;

/// <summary>The shift loss as a training option: config keys and their validation, metrics.csv, and a tiny end-to-end run.</summary>
public sealed class ShiftTrainingTests
{
    [Fact]
    public void Load_ReadsTheLossAndTheShiftLossSection_WithDefaults()
    {
        using var temp = new CorpusTempDirectory();
        var path = temp.Sub("c.json");
        File.WriteAllText(path, """{ "data": ["x"], "batch_size": 8, "loss": "contrastive+shift", "shift_loss": { "range_s": 0.3, "temperature": 0.2, "label_sigma_ms": 20, "weight": 0.5 } }""");
        var config = TrainingConfig.Load(path);
        Assert.Equal(LossMode.ContrastiveAndShiftName, config.Loss);
        Assert.Equal(0.3, config.ShiftLoss.RangeS);
        Assert.Equal(0.2, config.ShiftLoss.Temperature);
        Assert.Equal(20, config.ShiftLoss.LabelSigmaMs);
        Assert.Equal(0.5, config.ShiftLoss.Weight);
        Assert.Equal(4, config.ShiftClipsPerBatch());

        var defaults = new TrainingConfig { Data = ["x"] };
        Assert.Equal(LossMode.ContrastiveName, defaults.Loss);
        Assert.Equal((0.5, 0.1, 0.0, 1.0), (defaults.ShiftLoss.RangeS, defaults.ShiftLoss.Temperature, defaults.ShiftLoss.LabelSigmaMs, defaults.ShiftLoss.Weight));
        Assert.Equal(8, defaults.ShiftClipsPerBatch());
    }

    [Theory]
    [InlineData("""{ "data": ["x"], "loss": "triplet" }""", "loss must be contrastive, contrastive+shift or shift")]
    [InlineData("""{ "data": ["x"], "shift_loss": { "range_s": 0 } }""", "shift_loss.range_s")]
    [InlineData("""{ "data": ["x"], "shift_loss": { "range_s": 9 } }""", "shift_loss.range_s")]
    [InlineData("""{ "data": ["x"], "shift_loss": { "temperature": 0 } }""", "shift_loss.temperature")]
    [InlineData("""{ "data": ["x"], "shift_loss": { "weight": -1 } }""", "shift_loss.temperature and weight")]
    [InlineData("""{ "data": ["x"], "shift_loss": { "label_sigma_ms": -5 } }""", "shift_loss.label_sigma_ms")]
    [InlineData("""{ "data": ["x"], "shift_loss": { "clips_per_batch": 0 } }""", "shift_loss.clips_per_batch")]
    [InlineData("""{ "data": ["x"], "shift_loss": { "range": 0.5 } }""", "range")]
    public void Load_BadShiftSettings_FailWithOneLine(string json, string expected)
    {
        using var temp = new CorpusTempDirectory();
        var path = temp.Sub("c.json");
        File.WriteAllText(path, json);
        var error = Assert.Throws<TrainingConfigException>(() => TrainingConfig.Load(path));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void MetricsLog_WritesTheShiftLossColumn_AndLoadsOldCsvsWithoutIt()
    {
        using var temp = new CorpusTempDirectory();
        File.WriteAllLines(temp.Sub("metrics.csv"), [
            "epoch,stage,loss,val_easy_acc,val_hard_acc,offset_acc_40ms,clips_per_s,val_pos_dist,val_easy_dist,val_hard_dist",
            "1,1,0.3,0.5,0.5,0.1,20,0.5,0.6,0.5",
        ]);
        var log = new MetricsLog(temp.Path);
        log.LoadUpTo(1);
        Assert.True(double.IsNaN(Assert.Single(log.Rows).ShiftLoss));

        log.Add(new EpochMetrics(2, 2, 1.5, 0.6, 0.5, 0.2, 20, 0.4, 0.7, 0.5, 3.25));
        var lines = File.ReadAllLines(log.CsvPath);
        Assert.Equal(MetricsLog.Header, lines[0]);
        Assert.EndsWith(",shift_loss", lines[0], StringComparison.Ordinal);
        Assert.EndsWith(",NaN", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",3.25", lines[2], StringComparison.Ordinal);

        var again = new MetricsLog(temp.Path);
        again.LoadUpTo(2);
        Assert.Equal(3.25, again.Rows[1].ShiftLoss);
    }

    [Fact]
    public void Objective_ShiftOnlyIsTheShiftLoss_AndContrastiveDrawsWhatThePairSamplerDraws()
    {
        var options = AvtsModelOptions.Tiny with { InputSize = 16 };
        var videos = Enumerable.Range(0, 3).Select(i => ShiftLossTests.NoiseVideo(i, 3, options)).ToArray();
        torch.random.manual_seed(5);
        using var model = AvtsModel.Create(options);
        model.train();

        var shiftOnly = new TrainingConfig { Data = ["x"], BatchSize = 4, Loss = LossMode.ShiftName, ShiftLoss = new ShiftLossSection { RangeS = 0.2, ClipsPerBatch = 3 } };
        using (var objective = new TrainingObjective(shiftOnly, videos, options, torch.CPU))
        using (var scope = torch.NewDisposeScope())
        {
            Assert.Equal(3, objective.ClipsPerBatch);
            var step = objective.Step(model, new Random(1), 0, 0);
            Assert.Same(step.Loss, step.ShiftLoss);
            Assert.InRange(step.Loss.item<float>(), 0.1, 20);
            Assert.Contains("shift loss", objective.Describe(), StringComparison.Ordinal);
        }

        // "contrastive" consumes the epoch's Random exactly as the sampler alone did before the shift loss existed.
        var contrastive = new TrainingConfig { Data = ["x"], BatchSize = 4 };
        using (var objective = new TrainingObjective(contrastive, videos, options, torch.CPU))
        using (var scope = torch.NewDisposeScope())
        {
            var random = new Random(9);
            var step = objective.Step(model, random, 0.5, 0);
            Assert.Null(step.ShiftLoss);
            Assert.Equal(4, objective.ClipsPerBatch);
            var reference = new Random(9);
            new PairSampler(videos.Select(v => v.Range).ToArray(), contrastive.HardShift, contrastive.SuperHardShift, contrastive.PositiveShare).Batch(reference, 4, 0.5, 0);
            Assert.Equal(reference.Next(), random.Next());
            Assert.Equal("loss contrastive", objective.Describe());
        }
    }

    [Fact]
    public async Task Train_ContrastivePlusShift_WritesTheShiftLossColumnAndNamesTheLoss()
    {
        using var temp = new CorpusTempDirectory();
        var corpus = temp.Sub("corpus");
        await CorpusGenerator.GenerateAsync(new CorpusOptions { OutputDirectory = corpus, Count = 4, Seed = 2, DurationSeconds = 2.5, MaxWidth = 160 }, null, CancellationToken.None);
        var config = temp.Sub("train.json");
        var run = temp.Sub("run");
        await File.WriteAllTextAsync(config, $$"""
            {
              "data": ["{{corpus}}"],
              "validation_files": ["clip_000000.mp4", "clip_000001.mp4"],
              "model": { "architecture": "tiny", "input_size": 32 },
              "epochs": 1, "batch_size": 4, "batches_per_epoch": 2,
              "loss": "contrastive+shift",
              "shift_loss": { "range_s": 0.3, "clips_per_batch": 2, "label_sigma_ms": 10 },
              "seed": 3, "threads": 1, "decode_width": 64, "validation_clips_per_video": 1, "log_every": 1
            }
            """);

        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var code = await TrainCli.RunAsync(["train", "--config", config, "--out", run, "--device", "cpu"], output, error);
        var err = error.ToString();
        Assert.True(code == 0, err);
        Assert.Contains("batch 2/2 loss", err, StringComparison.Ordinal);
        Assert.Contains("(shift ", err, StringComparison.Ordinal);

        var rows = await File.ReadAllLinesAsync(Path.Combine(run, "metrics.csv"));
        Assert.Equal(MetricsLog.Header, rows[0]);
        Assert.Equal(2, rows.Length);
        var fields = rows[1].Split(',');
        var loss = double.Parse(fields[2], CultureInfo.InvariantCulture);
        var shift = double.Parse(fields[^1], CultureInfo.InvariantCulture);

        // 61 candidates: an untrained net is near chance (ln 61 ≈ 4.1); the total adds the contrastive part.
        Assert.InRange(shift, 0.5, 20);
        Assert.True(loss > shift, rows[1]);
        var card = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(run, "epoch_001.card.json")))!;
        Assert.Contains("loss contrastive+shift", card["training_data"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(shift, card["metrics"]!["train_shift_loss"]!.GetValue<double>(), 1e-5);
    }
}
