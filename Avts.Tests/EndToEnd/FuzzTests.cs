using Avts.Engine.Benchmarks.Fuzz;
using Avts.Live.Cli;

namespace Avts.Tests.EndToEnd;

/// <summary>
/// Seeded damaged media through the real command line, one process per input (the longer run is
/// <c>avts bench fuzz</c>): no exit code outside 0/1/3/4, no stack trace, no check over 30 s, no ffmpeg left running.
/// </summary>
public sealed class FuzzTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "avts-fuzz-" + Guid.NewGuid().ToString("N")[..12]);

    [Fact]
    public async Task Check_300DamagedInputs_NoCrashHangOrOrphan()
    {
        var sources = await BenchFuzzCommand.WriteSourcesAsync(Path.Combine(folder, "sources"), CancellationToken.None);

        var result = await new FuzzBenchmark(BenchFuzzCommand.SelfCommand())
            .RunAsync(sources, inputs: 300, seed: 20261207, Path.Combine(folder, "inputs"), progress: null, CancellationToken.None);

        Assert.True(result.Failures.Count == 0, FuzzTable.Format(result));
        Assert.Equal(300, result.Outcomes.Count);
        Assert.Equal(MediaMutator.Kinds.Order(), result.Kinds.Keys.Order());
        Assert.All(result.Outcomes, o => Assert.Contains(o.ExitCode, new[] { 0, 1, 3, 4 }));
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
