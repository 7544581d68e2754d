using Avts.Tests.Fixtures;
using System.Text.Json.Nodes;
using Avts.Engine.Model;

namespace Avts.Tests.Training;

/// <summary>The trainer and <c>avts-train eval</c> on clip caches and video folders (tiny 32x32 model, CPU, seconds).</summary>
public sealed class CacheTrainEvalTests(IndexCorpusFixture corpus) : IClassFixture<IndexCorpusFixture>
{
    private static string Config(string data) => $$"""
        {
          "data": ["{{data}}"],
          "validation_files": ["clip_000000.mp4", "clip_000001.mp4"],
          "model": { "architecture": "tiny", "input_size": 32 },
          "epochs": 1,
          "batch_size": 4,
          "batches_per_epoch": 2,
          "seed": 3,
          "threads": 1,
          "decode_width": 64,
          "validation_clips_per_video": 1,
          "log_every": 1
        }
        """;

    private static Task<(int Code, string Out, string Err)> RunAsync(params string[] args) => CorpusIndexTests.RunAsync(args);

    private static void AssertReport(JsonNode report, int clips, string thresholdSource)
    {
        Assert.Equal("sync", report["benchmark"]!.GetValue<string>());
        Assert.Equal(clips, report["clips"]!.GetValue<int>());
        foreach (var name in new[] { "easy_accuracy", "hard_accuracy", "offset_within_40ms" })
        {
            Assert.InRange(report[name]!.GetValue<double>(), 0, 1);
        }

        Assert.InRange(report["median_offset_error_ms"]!.GetValue<double>(), 0, 1000);
        Assert.Equal(thresholdSource, report["threshold_source"]!.GetValue<string>());
    }

    [Fact]
    public async Task Train_ReadsACacheAsData_AndEvalReportsOnIt()
    {
        var cache = corpus.NewFolder("cache");
        var config = corpus.NewFolder("config") + ".json";
        await File.WriteAllTextAsync(config, Config(cache));
        var (code, _, err) = await RunAsync("corpus", "index", corpus.Clips, "--out", cache, "--config", config, "-q");
        Assert.True(code == 0, err);

        var run = corpus.NewFolder("run");
        (code, _, err) = await RunAsync("train", "--config", config, "--out", run, "--device", "cpu");
        Assert.True(code == 0, err);
        Assert.Contains("2 read from clip caches", err, StringComparison.Ordinal);
        var card = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(run, "epoch_001.card.json")))!;
        Assert.Contains("2 training / 2 validation videos", card["training_data"]!.GetValue<string>(), StringComparison.Ordinal);

        var weights = Path.Combine(run, "epoch_001.bin");
        (code, var output, err) = await RunAsync("eval", "--weights", weights, "--data", cache, "--format", "json", "--device", "cpu", "--seed", "7");
        Assert.True(code == 0, err);
        var report = JsonNode.Parse(output)!;
        AssertReport(report, 4, "model card val_threshold");
        Assert.Equal(card["metrics"]!["val_threshold"]!.GetValue<double>(), report["threshold"]!.GetValue<double>(), 6);
        var (_, again, _) = await RunAsync("eval", "--weights", weights, "--data", cache, "--format", "json", "--device", "cpu", "--seed", "7");
        Assert.Equal(output, again);

        // A model of another input size cannot use this cache: one line, exit 1.
        var other = corpus.NewFolder("config64") + ".json";
        await File.WriteAllTextAsync(other, Config(cache).Replace("\"input_size\": 32", "\"input_size\": 48", StringComparison.Ordinal));
        (code, _, err) = await RunAsync("train", "--config", other, "--out", corpus.NewFolder("run"), "--device", "cpu");
        Assert.Equal(1, code);
        Assert.Contains("input_size 32 in the cache, 48 wanted", err, StringComparison.Ordinal);
        Assert.Single(err.Trim().Split('\n'));
    }

    [Fact]
    public async Task Eval_UntrainedTinyModel_OnAVideoFolder_PrintsTableAndJson()
    {
        var weights = UntrainedCheckpoint.Save(Path.Combine(corpus.NewFolder("untrained"), "tiny.bin"), AvtsModelOptions.Tiny with { InputSize = 32 }, seed: 1);

        var (code, output, err) = await RunAsync("eval", "--weights", weights, "--data", corpus.Clips, "--device", "cpu");
        Assert.True(code == 0, err);
        Assert.Contains("sync benchmark:", output, StringComparison.Ordinal);
        Assert.Contains("easy accuracy (positives + easy negatives)", output, StringComparison.Ordinal);
        Assert.Contains("offset within ±40 ms", output, StringComparison.Ordinal);

        (code, output, err) = await RunAsync("eval", "--weights", weights, "--data", corpus.Clips, "--format", "json", "--device", "cpu");
        Assert.True(code == 0, err);
        AssertReport(JsonNode.Parse(output)!, 4, "0.5 x default margin");
        Assert.Equal(0.5 * ContrastiveLoss.DefaultMargin, JsonNode.Parse(output)!["threshold"]!.GetValue<double>(), 6);
    }

    [Theory]
    [InlineData(2, "eval", "--data", "CLIPS")]
    [InlineData(2, "eval", "--weights", "CARDLESS", "--data", "CLIPS", "--format", "xml")]
    [InlineData(1, "eval", "--weights", "MISSING", "--data", "CLIPS")]
    [InlineData(1, "eval", "--weights", "CARDLESS", "--data", "MISSING")]
    [InlineData(1, "eval", "--weights", "CARDLESS", "--data", "CLIPS")]
    public async Task Eval_BadArguments_OneLine(int expected, params string[] args)
    {
        var cardless = Path.Combine(corpus.NewFolder("cardless"), "w.bin");
        Directory.CreateDirectory(Path.GetDirectoryName(cardless)!);
        await File.WriteAllTextAsync(cardless, "not weights");
        var resolved = args.Select(a => a switch { "CLIPS" => corpus.Clips, "CARDLESS" => cardless, "MISSING" => corpus.NewFolder("missing"), _ => a }).ToArray();
        var (code, _, err) = await RunAsync(resolved);
        Assert.Equal(expected, code);
        Assert.Single(err.Trim().Split('\n'));
    }
}
