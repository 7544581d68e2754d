using Avts.Engine.Checking;
using Avts.Engine.Model;
using Avts.Live.Cli;
using TorchSharp;

namespace Avts.Tests.Cli;

public sealed class AvtsMethodTests : IDisposable
{
    private const string Hint = " (train them with avts-train, see training/README.md, or pass --weights FILE)";
    private readonly string folder = Path.Combine(Path.GetTempPath(), "avts-cli-weights-" + Guid.NewGuid().ToString("N"));

    public AvtsMethodTests() => Directory.CreateDirectory(folder);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [InlineData("avts")]
    [InlineData("auto")]
    public async Task MissingWeights_IsExit1WithOneLine(string method)
    {
        var cli = new CliHarness();
        var missing = Path.Combine(folder, "avts-nano.pt");
        var services = cli.Services with { Estimators = EstimatorRegistry.CreateDefault() };

        Assert.Equal(1, await AvtsCli.RunAsync(["check", "in.mp4", "--method", method, "--weights", missing], services));

        Assert.Equal($"avts: no AVTS weights at {missing}{Hint}{Environment.NewLine}", cli.Err);
        Assert.Empty(cli.Decoded);
    }

    [Fact]
    public void DefaultLookup_WithoutWeights_NamesTheDefaultPath()
    {
        var error = Assert.Throws<FileNotFoundException>(() => AvtsWeights.Resolve(null, _ => null, folder, folder));
        Assert.Equal("no AVTS weights at models/avts-nano.pt" + Hint, error.Message);
    }

    [Fact]
    public void DefaultLookup_PrefersEnvironment_ThenCurrentFolder_ThenFoldersAboveTheExecutable()
    {
        var repo = Path.Combine(folder, "repo");
        var bin = Path.Combine(repo, "Avts.Live", "bin", "Release", "net10.0");
        var cwd = Path.Combine(folder, "cwd");
        Directory.CreateDirectory(bin);
        Directory.CreateDirectory(Path.Combine(cwd, "models"));
        Directory.CreateDirectory(Path.Combine(repo, "models"));
        var inRepo = Path.Combine(repo, "models", "avts-nano.pt");
        File.WriteAllText(inRepo, "");
        Assert.Equal(inRepo, AvtsWeights.Resolve(null, _ => null, cwd, bin));

        var inCwd = Path.Combine(cwd, "models", "avts-nano.pt");
        File.WriteAllText(inCwd, "");
        Assert.Equal(inCwd, AvtsWeights.Resolve(null, _ => null, cwd, bin));

        var fromEnv = Path.Combine(folder, "env.pt");
        File.WriteAllText(fromEnv, "");
        Assert.Equal(fromEnv, AvtsWeights.Resolve(null, n => n == "AVTS_WEIGHTS" ? fromEnv : null, cwd, bin));
        Assert.Equal(inRepo, AvtsWeights.Resolve(inRepo, n => n == "AVTS_WEIGHTS" ? fromEnv : null, cwd, bin));
    }

    [Fact]
    public void EachModelIsNamedByItsOwnEnvironmentVariable()
    {
        var named = Path.Combine(folder, "named.pt");
        File.WriteAllText(named, "");
        string? Environment(string variable) => variable == AvtsWeights.LipsSecondEnvironmentVariable ? named : null;

        Assert.Equal(named, AvtsWeights.Resolve(null, AvtsWeights.LipsSecondRelativePath, Environment, folder, folder));
        Assert.Throws<FileNotFoundException>(() => AvtsWeights.Resolve(null, AvtsWeights.LipsRelativePath, Environment, folder, folder));
        Assert.Throws<FileNotFoundException>(() => AvtsWeights.Resolve(null, AvtsWeights.DefaultRelativePath, Environment, folder, folder));
    }

    [Fact]
    public async Task WithWeights_AvtsAndAutoRun()
    {
        var path = SaveUntrained();
        foreach (var method in new[] { "avts", "auto" })
        {
            var cli = new CliHarness();
            var services = cli.Services with { Estimators = EstimatorRegistry.CreateDefault() };

            // The harness media is 0.16 s long: too short to measure, so the verdict is undetermined (exit 4).
            var exit = await AvtsCli.RunAsync(["check", "in.mp4", "--method", method, "--weights", path], services);
            // Progress lines appear when loading the models takes over 2 s (a loaded machine); nothing else may.
            Assert.DoesNotContain(cli.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => !line.StartsWith("avts: check: ", StringComparison.Ordinal));
            Assert.Equal(4, exit);
            Assert.Matches($@"method\s+{method}\b", cli.Out);
        }
    }

    [Fact]
    public async Task BadCard_IsExit1WithOneLine()
    {
        var path = SaveUntrained();
        File.WriteAllText(Checkpoint.CardPath(path), "{ \"schema_version\": 99, \"options\": {} }");
        var cli = new CliHarness();
        var services = cli.Services with { Estimators = EstimatorRegistry.CreateDefault() };

        Assert.Equal(1, await AvtsCli.RunAsync(["check", "in.mp4", "--method", "avts", "--weights", path], services));

        Assert.StartsWith("avts: Model card", cli.Err, StringComparison.Ordinal);
        Assert.Single(cli.Err.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    private string SaveUntrained()
    {
        torch.random.manual_seed(9);
        var path = Path.Combine(folder, "tiny.pt");
        using var model = AvtsModel.Create(AvtsModelOptions.Tiny with { InputSize = 32 });
        Checkpoint.Save(model, path, "untrained (test)", "test", new Dictionary<string, double>());
        return path;
    }
}
