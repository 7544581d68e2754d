using System.Globalization;
using System.Text.Json.Nodes;
using Avts.Training.Commands;
using Avts.Training.Corpus;
using Avts.Training.Training;

namespace Avts.Tests.Training;

/// <summary>End-to-end <c>avts-train train</c> of the nano model on four small synthetic clips (batches of 4): seconds on a CPU.</summary>
public sealed class TrainCommandTests
{
    private static string Config(string data, int epochs, string extra = "") => $$"""
        {
          "data": ["{{data}}"],
          "validation_files": ["clip_000000.mp4", "clip_000001.mp4"],
          "model": { "architecture": "nano" },
          "epochs": {{epochs}},
          "batch_size": 4,
          "batches_per_epoch": 2,
          "curriculum": { "mode": "curriculum", "easy_epochs": 1, "hard_share": 0.5 },
          "seed": 3,
          "threads": 1,
          "decode_width": 64,
          "validation_clips_per_video": 1,
          "log_every": 1{{extra}}
        }
        """;

    private static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var code = await TrainCli.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Train_WritesCheckpointCardAndMetrics_ThenResumesFromTheSavedEpoch()
    {
        using var temp = new CorpusTempDirectory();
        var corpus = temp.Sub("corpus");
        await CorpusGenerator.GenerateAsync(new CorpusOptions { OutputDirectory = corpus, Count = 4, Seed = 2, DurationSeconds = 2.5, MaxWidth = 160 }, null, CancellationToken.None);
        var config = temp.Sub("train.json");
        var run = temp.Sub("run");
        await File.WriteAllTextAsync(config, Config(corpus, 1));

        var (code, _, err) = await RunAsync("train", "--config", config, "--out", run, "--device", "cpu");
        Assert.True(code == 0, err);
        Assert.True(File.Exists(Path.Combine(run, "epoch_001.bin")));
        Assert.True(File.Exists(Path.Combine(run, "epoch_001.optim")));
        Assert.True(File.Exists(Path.Combine(run, "metrics.png")));
        var card = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(run, "epoch_001.card.json")))!;
        Assert.Equal(1, card["metrics"]!["epoch"]!.GetValue<double>());
        Assert.Equal(1e-3, card["metrics"]!["learning_rate"]!.GetValue<double>(), 12);
        Assert.Equal("nano", card["options"]!["architecture"]!.GetValue<string>());
        Assert.Equal(32, card["options"]!["input_size"]!.GetValue<int>());
        Assert.Contains("avts-train train --config", card["command"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("2 training / 2 validation videos", card["training_data"]!.GetValue<string>(), StringComparison.Ordinal);
        var rows = await File.ReadAllLinesAsync(Path.Combine(run, "metrics.csv"));
        Assert.Equal(MetricsLog.Header, rows[0]);
        Assert.StartsWith("1,1,", rows[1], StringComparison.Ordinal);
        Assert.Equal(2, rows.Length);

        // Resume: the run continues at epoch 2 (stage 2: hard negatives appear) and keeps epoch 1's row; the optimizer
        // state comes back, but with the resumed config's learning rate.
        await File.WriteAllTextAsync(config, Config(corpus, 2, ",\n  \"learning_rate\": 0.0002"));
        (code, _, err) = await RunAsync("train", "--config", config, "--out", run, "--device", "cpu", "--resume");
        Assert.True(code == 0, err);
        Assert.Contains("epochs 2..2", err, StringComparison.Ordinal);
        rows = await File.ReadAllLinesAsync(Path.Combine(run, "metrics.csv"));
        Assert.Equal(3, rows.Length);
        Assert.StartsWith("2,2,", rows[2], StringComparison.Ordinal);
        Assert.Contains("\"epoch\": 2", await File.ReadAllTextAsync(AvtsTrainer.StatePath(run)), StringComparison.Ordinal);
        card = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(run, "epoch_002.card.json")))!;
        Assert.Equal(2e-4, card["metrics"]!["learning_rate"]!.GetValue<double>(), 12);
        var loss = double.Parse(rows[2].Split(',')[2], CultureInfo.InvariantCulture);
        Assert.True(double.IsFinite(loss) && loss > 0, rows[2]);
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("""{ "data": ["x"], "batch_size": 1 }""")]
    [InlineData("""{ "data": ["x"], "unknown_setting": 1 }""")]
    [InlineData("""{ "data": ["x"], "curriculum": { "mode": "hard-first" } }""")]
    [InlineData("""{ "data": [] }""")]
    public async Task BadConfig_ExitsWithTheUsageCodeAndOneLine(string json)
    {
        using var temp = new CorpusTempDirectory();
        var config = temp.Sub("bad.json");
        await File.WriteAllTextAsync(config, json);
        var (code, _, err) = await RunAsync("train", "--config", config, "--out", temp.Sub("run"), "--device", "cpu");
        Assert.Equal(TrainCli.UsageExitCode, code);
        Assert.Single(err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task MissingData_ExitsWithOneAndOneLine()
    {
        using var temp = new CorpusTempDirectory();
        var config = temp.Sub("train.json");
        await File.WriteAllTextAsync(config, Config(temp.Sub("no-such-folder"), 1));
        var (code, _, err) = await RunAsync("train", "--config", config, "--out", temp.Sub("run"), "--device", "cpu");
        Assert.Equal(1, code);
        Assert.Contains("does not exist", err, StringComparison.Ordinal);
        Assert.Single(err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task ResumeWithoutState_ExitsWithOne()
    {
        using var temp = new CorpusTempDirectory();
        var config = temp.Sub("train.json");
        await File.WriteAllTextAsync(config, Config(temp.Path, 1));
        var (code, _, err) = await RunAsync("train", "--config", config, "--out", temp.Sub("run"), "--device", "cpu", "--resume");
        Assert.Equal(1, code);
        Assert.Contains("nothing to resume", err, StringComparison.Ordinal);
    }
}
