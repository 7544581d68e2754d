using System.CommandLine;
using Avts.Engine.Benchmarks.Fuzz;
using Avts.Engine.Media;
using Avts.Engine.Reports;
using Avts.Live.Monitor;

namespace Avts.Live.Cli;

/// <summary>
/// <c>avts bench fuzz</c>: checks seeded damaged copies of three generated clips (MP4 H.264 + AAC, Matroska H.264 +
/// Opus, MPEG-TS) with this very command line, one process each, and counts crashes, hangs and orphaned ffmpeg
/// (<see cref="FuzzBenchmark"/>). Exit code 0 only when there are none.
/// </summary>
internal static class BenchFuzzCommand
{
    /// <summary>Builds <c>bench fuzz</c>.</summary>
    public static Command Create(CliServices services)
    {
        var inputs = new Option<int>("--inputs") { Description = "Damaged inputs to check.", DefaultValueFactory = _ => 1000 };
        inputs.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 1_000_000)
            {
                r.AddError("--inputs must be 1 to 1000000.");
            }
        });
        var seed = new Option<int>("--seed") { Description = "Seed of the damage; input i gets seed*1000003+i (reported with every failure).", DefaultValueFactory = _ => 1 };
        var limit = new Option<double?>("--limit") { Description = "Seconds a check may take before it counts as a hang [default: 30].", CustomParser = r => AnalysisOptionSet.ParsePositive(r, "--limit") };
        var work = new Option<string?>("--work") { Description = "Where inputs are written (failing ones are kept) [default: a temp folder, removed].", HelpName = "DIR" };
        var json = new Option<string?>("--json") { Description = "Also write the result as JSON to this file.", HelpName = "FILE" };
        var format = new Option<string>("--format", "-f") { Description = "table or json on stdout.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");

        var command = new Command("fuzz", "Check seeded damaged clips (flipped, zeroed, cut, duplicated, truncated bytes): crashes, hangs, orphaned ffmpeg.");
        foreach (var option in new Option[] { inputs, seed, limit, work, json, format })
        {
            command.Options.Add(option);
        }

        command.SetAction((parseResult, cancellationToken) => AvtsCli.GuardAsync(parseResult, services, async ct =>
        {
            var folder = parseResult.GetValue(work) ?? Path.Combine(Path.GetTempPath(), $"avts-bench-fuzz-{Environment.ProcessId}");
            try
            {
                var sources = await WriteSourcesAsync(Path.Combine(folder, "sources"), ct).ConfigureAwait(false);
                var benchmark = new FuzzBenchmark(SelfCommand())
                {
                    Limit = TimeSpan.FromSeconds(parseResult.GetValue(limit) ?? 30),
                };
                using var progress = new ProgressLine(services.Error, "avts: bench fuzz", services.ErrorIsTerminal);
                var result = await benchmark.RunAsync(sources, parseResult.GetValue(inputs), parseResult.GetValue(seed), Path.Combine(folder, "inputs"), progress, ct)
                    .ConfigureAwait(false);
                progress.Dispose();
                await BenchOutput.WriteAsync(result, parseResult.GetValue(json), parseResult.GetValue(format)!, FuzzTable.Format, services, ct).ConfigureAwait(false);
                return result.Failures.Count == 0 ? ExitCodes.Pass : ExitCodes.Error;
            }
            finally
            {
                if (parseResult.GetValue(work) is null && Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
        }, cancellationToken));
        return command;
    }

    /// <summary>This command line as a child process: the apphost next to the assembly, else dotnet with the assembly.</summary>
    public static IReadOnlyList<string> SelfCommand()
    {
        var apphost = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "avts.exe" : "avts");
        return File.Exists(apphost)
            ? [apphost]
            : [Environment.ProcessPath ?? "dotnet", typeof(BenchFuzzCommand).Assembly.Location];
    }

    /// <summary>The three clips damaged in turn: 3 s, 160x120, a flash with a beep 80 ms late, in three containers.</summary>
    public static async Task<IReadOnlyList<string>> WriteSourcesAsync(string folder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var mp4 = Path.Combine(folder, "clip.mp4");
        await DemoClip.WriteAsync(mp4, 80, durationSeconds: 3, width: 160, height: 120, cancellationToken).ConfigureAwait(false);
        var mkv = Path.Combine(folder, "clip.mkv");
        await RemuxAsync(mp4, mkv, ["-c:v", "copy", "-c:a", "libopus", "-b:a", "48k"], cancellationToken).ConfigureAwait(false);
        var ts = Path.Combine(folder, "clip.ts");
        await RemuxAsync(mp4, ts, ["-c", "copy"], cancellationToken).ConfigureAwait(false);
        return [mp4, mkv, ts];
    }

    private static async Task RemuxAsync(string input, string output, string[] codecs, CancellationToken cancellationToken)
    {
        string[] arguments = ["-nostdin", "-hide_banner", "-loglevel", "error", "-y", "-i", input, .. codecs, output];
        var result = await FfmpegProcess.RunAsync("ffmpeg", arguments, readStdout: null, TimeSpan.FromSeconds(60), cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new MediaInputException($"ffmpeg could not write {output}: {result.Reason}");
        }
    }
}
