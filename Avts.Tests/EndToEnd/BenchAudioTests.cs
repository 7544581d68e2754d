using System.Text.Json;
using Avts.Tests.Fixtures;
using Avts.Tests.Training;

namespace Avts.Tests.EndToEnd;

/// <summary>
/// <c>avts bench esc50</c> and <c>avts bench dcase2014</c> end to end through the real CLI on tiny generated datasets
/// in the real layouts (tone / noise / clicks): the JSON shape every bench command shares, one accuracy per fold, and
/// the log-mel baseline separating the obviously different classes.
/// </summary>
public sealed class BenchAudioTests
{
    [Fact]
    public async Task BenchEsc50_Esc10SubsetOfGeneratedFixture_ReportsFiveFoldsPerFeatureSetAndLogMelSeparatesClasses()
    {
        using var temp = new CorpusTempDirectory();
        var data = temp.Sub("ESC-50-master");
        await SoundClassDatasets.WriteEsc50Async(data);
        var jsonPath = temp.Sub("out/esc.json");

        var cli = await RealCli.RunAsync("bench", "esc50", "--data", data, "--subset", "esc10", "--format", "json", "--json", jsonPath);

        Assert.True(cli.ExitCode == 0, cli.Err);
        var root = cli.Json;
        Assert.Equal(File.ReadAllText(jsonPath).Trim(), cli.Out.Trim());
        Assert.Equal("esc50", root.GetProperty("benchmark").GetString());
        Assert.Contains("ESC-10 subset of ESC-50", root.GetProperty("dataset").GetString(), StringComparison.Ordinal);
        Assert.Contains("30 clips, 3 classes, 5 folds", root.GetProperty("dataset").GetString(), StringComparison.Ordinal);
        Assert.Contains("multinomial logistic regression", root.GetProperty("protocol").GetString(), StringComparison.Ordinal);
        Assert.Contains("mean+max over time", root.GetProperty("protocol").GetString(), StringComparison.Ordinal);
        var rows = root.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["avts", "logmel", "random"], rows.Select(r => r.GetProperty("features").GetString()));
        foreach (var row in rows)
        {
            var folds = row.GetProperty("folds").EnumerateArray().Select(f => f.GetDouble()).ToList();
            Assert.Equal(5, folds.Count);
            Assert.All(folds, a => Assert.InRange(a, 0, 1));
            Assert.Equal(folds.Average(), row.GetProperty("accuracy_mean").GetDouble(), 6);
            Assert.InRange(row.GetProperty("accuracy_std").GetDouble(), 0, 0.5);
        }

        Assert.True(rows[1].GetProperty("accuracy_mean").GetDouble() >= 0.9, cli.Out);
    }

    [Fact]
    public async Task BenchDcase2014_GeneratedScenesStereoFolder_PrintsTableWithFiveFolds()
    {
        using var temp = new CorpusTempDirectory();
        await SoundClassDatasets.WriteDcaseAsync(temp.Path);
        var jsonPath = temp.Sub("dcase.json");

        var cli = await RealCli.RunAsync("bench", "dcase2014", "--data", temp.Path, "--features", "logmel,avts", "--json", jsonPath);

        Assert.True(cli.ExitCode == 0, cli.Err);
        Assert.Contains("| features | accuracy mean ± std | fold 1 | fold 2 | fold 3 | fold 4 | fold 5 |", cli.Out, StringComparison.Ordinal);
        Assert.Contains("| logmel | ", cli.Out, StringComparison.Ordinal);
        var root = JsonDocument.Parse(await File.ReadAllTextAsync(jsonPath)).RootElement;
        Assert.Equal("dcase2014", root.GetProperty("benchmark").GetString());
        Assert.Contains("15 clips, 3 classes, 5 folds", root.GetProperty("dataset").GetString(), StringComparison.Ordinal);
        var rows = root.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["logmel", "avts"], rows.Select(r => r.GetProperty("features").GetString()));
        Assert.All(rows, r => Assert.Equal(5, r.GetProperty("folds").GetArrayLength()));
        Assert.True(rows[0].GetProperty("accuracy_mean").GetDouble() >= 0.9, cli.Out);
        Assert.True(root.GetProperty("elapsed_seconds").GetDouble() > 0);
    }

    [Theory]
    [InlineData("esc50")]
    [InlineData("dcase2014")]
    public async Task BenchAudio_FolderWithoutTheLayout_IsOneLineErrorExit1(string benchmark)
    {
        using var temp = new CorpusTempDirectory();

        var cli = await RealCli.RunAsync("bench", benchmark, "--data", temp.Path, "--features", "logmel");

        Assert.Equal(1, cli.ExitCode);
        Assert.StartsWith("avts: ", cli.Err, StringComparison.Ordinal);
        Assert.Single(cli.Err.Trim().Split('\n'));
        Assert.DoesNotContain("internal error", cli.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--features", "logmel,mfcc")]
    [InlineData("--subset", "esc20")]
    [InlineData("--layer", "0")]
    [InlineData("--layer", "last")]
    public async Task BenchEsc50_BadOption_IsAUsageError(string option, string value)
    {
        var cli = await RealCli.RunAsync("bench", "esc50", "--data", ".", option, value);

        Assert.Equal(2, cli.ExitCode);
    }
}
