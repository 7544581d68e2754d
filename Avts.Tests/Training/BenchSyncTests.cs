using Avts.Tests.Fixtures;
using System.Text.Json;
using System.Text.Json.Nodes;
using Avts.Engine.Model;

namespace Avts.Tests.Training;

/// <summary><c>avts-train bench sync</c> end to end on four generated in-sync clips with an untrained tiny 32 px model.</summary>
public sealed class BenchSyncTests(IndexCorpusFixture corpus) : IClassFixture<IndexCorpusFixture>
{
    private string UntrainedWeights() => UntrainedCheckpoint.Save(Path.Combine(corpus.NewFolder("untrained"), "tiny.bin"), AvtsModelOptions.Tiny with { InputSize = 32 }, seed: 1);

    [Fact]
    public async Task BenchSync_TwoSeeds_ReportsBothModelsAllTasks_AndAgreesWithAvtsTrainEval()
    {
        var weights = UntrainedWeights();
        var jsonPath = Path.Combine(corpus.NewFolder("out"), "sync.json");
        var (exitCode, stdout, stderr) = await CorpusIndexTests.RunAsync("bench", "sync", "--data", corpus.Clips, "--weights", weights, "--repeats", "2", "--seed", "7", "--device", "cpu", "--json", jsonPath);

        Assert.True(exitCode == 0, stderr);
        Assert.Contains("| avts | easy |", stdout, StringComparison.Ordinal);
        Assert.Contains("| random | offset_40ms |", stdout, StringComparison.Ordinal);

        var root = JsonDocument.Parse(await File.ReadAllTextAsync(jsonPath)).RootElement;
        Assert.Equal("sync", root.GetProperty("benchmark").GetString());
        Assert.Contains("(4 videos)", root.GetProperty("dataset").GetString(), StringComparison.Ordinal);
        Assert.Contains("seeds 7..8", root.GetProperty("protocol").GetString(), StringComparison.Ordinal);
        var rows = root.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(
            ["avts/easy", "avts/hard", "avts/offset_40ms", "random/easy", "random/hard", "random/offset_40ms"],
            rows.Select(r => $"{r.GetProperty("features").GetString()}/{r.GetProperty("task").GetString()}"));
        foreach (var row in rows)
        {
            var folds = row.GetProperty("folds").EnumerateArray().Select(f => f.GetDouble()).ToList();
            Assert.Equal(2, folds.Count);
            Assert.All(folds, f => Assert.InRange(f, 0, 1));
            Assert.Equal(folds.Average(), row.GetProperty("accuracy_mean").GetDouble(), 9);
            Assert.Equal(Math.Abs(folds[0] - folds[1]) / 2, row.GetProperty("accuracy_std").GetDouble(), 9);
        }

        // The checkpoint's first seed is exactly what avts-train eval reports for that seed.
        var (code, output, err) = await CorpusIndexTests.RunAsync("eval", "--weights", weights, "--data", corpus.Clips, "--format", "json", "--device", "cpu", "--seed", "7");
        Assert.True(code == 0, err);
        var eval = JsonNode.Parse(output)!;
        Assert.Equal(eval["easy_accuracy"]!.GetValue<double>(), rows[0].GetProperty("folds")[0].GetDouble(), 9);
        Assert.Equal(eval["hard_accuracy"]!.GetValue<double>(), rows[1].GetProperty("folds")[0].GetDouble(), 9);
        Assert.Equal(eval["offset_within_40ms"]!.GetValue<double>(), rows[2].GetProperty("folds")[0].GetDouble(), 9);
    }

    [Theory]
    [InlineData(1, "--data", "MISSING")]
    [InlineData(1, "--data", "EMPTY")]
    [InlineData(2, "--data", "CLIPS", "--repeats", "0")]
    [InlineData(2, "--data", "CLIPS", "--device", "tpu")]
    public async Task BenchSync_BadInput_OneLineAndExitCode(int expected, params string[] args)
    {
        var empty = corpus.NewFolder("empty");
        Directory.CreateDirectory(empty);
        var resolved = args.Select(a => a switch { "CLIPS" => corpus.Clips, "MISSING" => corpus.NewFolder("missing"), "EMPTY" => empty, _ => a });
        var (exitCode, _, stderr) = await CorpusIndexTests.RunAsync(["bench", "sync", "--weights", UntrainedWeights(), .. resolved]);

        Assert.Equal(expected, exitCode);
        Assert.StartsWith("avts-train: ", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Trim().Split('\n'));
    }
}
