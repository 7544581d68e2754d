using System.Globalization;
using Avts.Training.Commands;

namespace Avts.Tests.Training;

public sealed class CorpusCommandTests
{
    private static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var code = await TrainCli.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Theory]
    [InlineData("corpus", "synth", "--out", "x", "--count", "abc")]
    [InlineData("corpus", "synth", "--out", "x", "--count", "2", "--bogus")]
    [InlineData("corpus", "synth", "--count", "2")]
    [InlineData("corpus", "synth", "--out", "x", "--count", "2", "--duration", "soon")]
    [InlineData("corpus", "synth", "--out", "x", "--count", "2", "--max-width", "100")]
    [InlineData("train")]
    public async Task BadOptionsAreUsageErrorsOnOneLine(params string[] args)
    {
        var (code, _, err) = await RunAsync(args);
        Assert.Equal(2, code);
        Assert.Single(Lines(err));
        Assert.StartsWith("avts-train: ", err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0", "3", "--count must be at least 1")]
    [InlineData("2", "0.1", "--duration must be between")]
    public async Task OutOfRangeValuesAreUsageErrors(string count, string duration, string message)
    {
        using var temp = new CorpusTempDirectory();
        var (code, _, err) = await RunAsync("corpus", "synth", "--out", temp.Sub("c"), "--count", count, "--duration", duration);
        Assert.Equal(2, code);
        Assert.Contains(message, Assert.Single(Lines(err)), StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.Sub("c")));
    }

    [Fact]
    public async Task UnwritableOutputIsAClearError()
    {
        using var temp = new CorpusTempDirectory();
        var file = temp.Sub("a-file");
        await File.WriteAllTextAsync(file, "not a folder");
        var (code, _, err) = await RunAsync("corpus", "synth", "--out", Path.Combine(file, "corpus"), "--count", "1");
        Assert.Equal(1, code);
        Assert.Contains("cannot write to output folder", Assert.Single(Lines(err)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingSpeechFolderIsAClearError()
    {
        using var temp = new CorpusTempDirectory();
        var (code, _, err) = await RunAsync("corpus", "synth", "--out", temp.Sub("c"), "--count", "1", "--speech", temp.Sub("nope"));
        Assert.Equal(1, code);
        Assert.Contains("speech folder not found", Assert.Single(Lines(err)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SameSeedGivesSameFilesAndResumeKeepsThem()
    {
        using var temp = new CorpusTempDirectory();
        string[] Args(string dir, int count) => ["corpus", "synth", "--out", dir, "--count", count.ToString(CultureInfo.InvariantCulture), "--seed", "11", "--duration", "1", "--max-width", "160", "-q"];

        Assert.Equal(0, (await RunAsync(Args(temp.Sub("a"), 3))).Code);
        Assert.Equal(0, (await RunAsync(Args(temp.Sub("b"), 3))).Code);
        var manifest = await File.ReadAllTextAsync(temp.Sub("a/manifest.jsonl"));
        Assert.Equal(manifest, await File.ReadAllTextAsync(temp.Sub("b/manifest.jsonl")));
        Assert.Equal(3, Lines(manifest).Length);
        Assert.Equal(await File.ReadAllTextAsync(temp.Sub("a/corpus.json")), await File.ReadAllTextAsync(temp.Sub("b/corpus.json")));
        for (var i = 0; i < 3; i++)
        {
            var name = $"clip_{i:D6}.mp4";
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(temp.Sub("a"), name)), await File.ReadAllBytesAsync(Path.Combine(temp.Sub("b"), name)));
        }

        // Resume: a grown corpus keeps the three clips and renders only the new one; a broken clip is redone.
        await File.WriteAllTextAsync(temp.Sub("a/clip_000001.mp4"), "truncated");
        var (code, output, _) = await RunAsync(Args(temp.Sub("a"), 4));
        Assert.Equal(0, code);
        Assert.Contains("2 rendered, 2 kept", output, StringComparison.Ordinal);
        var grown = Lines(await File.ReadAllTextAsync(temp.Sub("a/manifest.jsonl")));
        Assert.Equal(Lines(manifest), grown.Take(3));
        Assert.Equal(4, grown.Length);
        Assert.Equal(await File.ReadAllBytesAsync(temp.Sub("a/clip_000001.mp4")), await File.ReadAllBytesAsync(temp.Sub("b/clip_000001.mp4")));
        Assert.Empty(Directory.GetFiles(temp.Sub("a"), "*.partial*"));
    }
}
