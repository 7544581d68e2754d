using System.Diagnostics;
using System.Globalization;

namespace Avts.Engine.Benchmarks.Fuzz;

/// <summary>
/// Checks seeded damaged copies of a few clips with the real command line, one process per input, and counts what
/// must never happen: an exit code outside 0/1/3/4 or a stack trace (a crash), a check still running after the time
/// limit (a hang), an ffmpeg still running after its check ended (an orphan). Every ffmpeg a check starts inherits a
/// marker in its environment, so orphans are found exactly, whatever else runs on the machine.
/// </summary>
/// <param name="command">How to run the CLI: the executable and any leading arguments (e.g. the avts apphost).</param>
public sealed class FuzzBenchmark(IReadOnlyList<string> command)
{
    private const string MarkerVariable = "AVTS_FUZZ_MARK";
    private static readonly int[] AllowedExitCodes = [0, 1, 3, 4];

    /// <summary>Longest a check of one damaged input may take before it counts as a hang.</summary>
    public TimeSpan Limit { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Checks run at the same time.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Checks <paramref name="inputs"/> damaged copies of <paramref name="sources"/> (in turn), seeded from <paramref name="seed"/>.</summary>
    public async Task<FuzzResult> RunAsync(
        IReadOnlyList<string> sources, int inputs, int seed, string workDirectory, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfZero(sources.Count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputs);
        Directory.CreateDirectory(workDirectory);
        var clock = Stopwatch.StartNew();
        var contents = sources.Select(File.ReadAllBytes).ToList();
        var outcomes = new FuzzOutcome[inputs];
        var done = 0;
        await Parallel.ForAsync(0, inputs, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            var source = i % sources.Count;
            var inputSeed = unchecked((seed * 1_000_003) + i);
            var (bytes, kind) = MediaMutator.Mutate(contents[source], new Random(inputSeed));
            var path = Path.Combine(workDirectory, string.Create(CultureInfo.InvariantCulture, $"{i:00000}-{kind}{Path.GetExtension(sources[source])}"));
            await File.WriteAllBytesAsync(path, bytes, ct).ConfigureAwait(false);
            var outcome = await CheckAsync(path, ct).ConfigureAwait(false) with
            {
                Source = Path.GetFileName(sources[source]),
                Kind = kind,
                Seed = inputSeed,
            };
            outcomes[i] = outcome;
            if (outcome.Problem is null)
            {
                File.Delete(path);
            }

            progress?.Report((double)Interlocked.Increment(ref done) / inputs);
        }).ConfigureAwait(false);

        return new FuzzResult(
            "fuzz",
            inputs,
            outcomes.Count(o => o.Problem?.StartsWith("crash", StringComparison.Ordinal) == true),
            outcomes.Count(o => o.Problem?.StartsWith("hang", StringComparison.Ordinal) == true),
            outcomes.Count(o => o.Problem?.Contains("orphan", StringComparison.Ordinal) == true),
            outcomes.GroupBy(o => o.ExitCode.ToString(CultureInfo.InvariantCulture)).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
            outcomes.GroupBy(o => o.Kind).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
            Timings.Round(outcomes.Max(o => o.Seconds), 2),
            [.. outcomes.Where(o => o.Problem is not null)],
            Timings.Round(clock.Elapsed.TotalSeconds, 1),
            outcomes);
    }

    private async Task<FuzzOutcome> CheckAsync(string path, CancellationToken cancellationToken)
    {
        var marker = Guid.NewGuid().ToString("N");
        var start = new ProcessStartInfo(command[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in command.Skip(1).Concat(["check", path, "--format", "json"]))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment[MarkerVariable] = marker;
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {command[0]}");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(Limit);
        var hung = false;
        try
        {
            await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            hung = true;
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        }

        var errors = await stderr.ConfigureAwait(false);
        await stdout.ConfigureAwait(false);
        var seconds = clock.Elapsed.TotalSeconds;
        var orphans = await KillOrphansAsync(marker).ConfigureAwait(false);
        var problems = new List<string>();
        if (hung)
        {
            problems.Add($"hang: still running after {Limit.TotalSeconds:0} s");
        }
        else if (!AllowedExitCodes.Contains(process.ExitCode) || errors.Contains("   at ", StringComparison.Ordinal) || errors.Contains("Unhandled exception", StringComparison.Ordinal))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"crash: exit code {process.ExitCode}: {MessageText.OneLine(errors)}"));
        }

        if (orphans > 0)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{orphans} orphaned ffmpeg"));
        }

        return new FuzzOutcome("", "", 0, hung ? -1 : process.ExitCode, seconds, problems.Count == 0 ? null : string.Join("; ", problems));
    }

    /// <summary>Processes still carrying <paramref name="marker"/> after their check ended; killed and counted.</summary>
    private static async Task<int> KillOrphansAsync(string marker)
    {
        if (!OperatingSystem.IsLinux())
        {
            return 0;
        }

        // A child killed on the way out may need a moment to be reaped; only one still there after that is an orphan.
        await Task.Delay(300).ConfigureAwait(false);
        var needle = $"{MarkerVariable}={marker}";
        var count = 0;
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                var environment = await File.ReadAllTextAsync(Path.Combine(folder, "environ")).ConfigureAwait(false);
                if (environment.Split('\0').Contains(needle, StringComparer.Ordinal))
                {
                    count++;
                    using var orphan = Process.GetProcessById(pid);
                    orphan.Kill(entireProcessTree: true);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
            {
                // Gone meanwhile, or not ours to read.
            }
        }

        return count;
    }
}
