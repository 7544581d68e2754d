using System.CommandLine;
using System.Diagnostics;
using Avts.Engine.Benchmarks;
using Avts.Engine.Checking;
using Avts.Engine.Model;
using Avts.Training.Eval;

namespace Avts.Training.Commands;

/// <summary>
/// <c>avts-train bench sync --data DIR</c>: the AVTS pretext protocol (in sync vs easy and hard negatives, and offset
/// within ±40 ms) on any folder of videos or clip cache, repeated over seeds, with an untrained model of the same
/// architecture as the chance baseline. It runs the trainer's own validator, so it lives with the trainer; the other
/// benchmarks are <c>avts bench</c>.
/// </summary>
public static class BenchCommand
{
    /// <summary>Builds <c>bench</c> with its <c>sync</c> subcommand.</summary>
    public static Command Create(TextWriter output, TextWriter error)
    {
        var bench = new Command("bench", "Benchmarks of the trained representation that print a table and write JSON.");
        bench.Subcommands.Add(CreateSync(output, error));
        return bench;
    }

    private static Command CreateSync(TextWriter output, TextWriter error)
    {
        var data = new Option<string>("--data") { Description = "Held-out videos: a folder (searched recursively) or a clip cache from avts-train corpus index.", Required = true };
        var weights = new Option<string?>("--weights")
        {
            Description = $"AVTS network weights [default: ${AvtsWeights.EnvironmentVariable}, else {AvtsWeights.DefaultRelativePath} in the current folder or the repository].",
            HelpName = "FILE",
        };
        var repeats = new Option<int>("--repeats") { Description = "Seeds (each draws other clip starts and negatives); the std is over them.", DefaultValueFactory = _ => 3 };
        repeats.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 100)
            {
                r.AddError("--repeats must be 1 to 100.");
            }
        });
        var seed = new Option<int>("--seed") { Description = "First seed; the others follow it.", DefaultValueFactory = _ => 1 };
        var noBaseline = new Option<bool>("--no-baseline") { Description = "Skip the untrained (random) model rows." };
        var device = new Option<string>("--device") { Description = "cpu, cuda or auto.", DefaultValueFactory = _ => "auto" };
        device.AcceptOnlyFromAmong("cpu", "cuda", "auto");
        var json = new Option<string?>("--json") { Description = "Also write the result as JSON to this file.", HelpName = "FILE" };
        var format = new Option<string>("--format", "-f") { Description = "table or json on stdout.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");

        var command = new Command("sync", "AVTS sync accuracy (in sync vs easy and hard negatives) and offset accuracy on a folder of videos.");
        foreach (var option in new Option[] { data, weights, repeats, seed, noBaseline, device, json, format })
        {
            command.Options.Add(option);
        }

        command.SetAction((parseResult, cancellationToken) => TrainCli.GuardAsync(error, "cancelled", async () =>
        {
            var folder = parseResult.GetValue(data)!;
            if (!Directory.Exists(folder))
            {
                throw new DirectoryNotFoundException($"data folder '{folder}' does not exist");
            }

            var clock = Stopwatch.StartNew();
            var torchDevice = AvtsModel.ResolveDevice(parseResult.GetValue(device)!);
            var benchmark = await SyncBenchmark.LoadAsync(AvtsWeights.Resolve(parseResult.GetValue(weights)), folder, error, cancellationToken).ConfigureAwait(false);
            var seeds = Enumerable.Range(parseResult.GetValue(seed), parseResult.GetValue(repeats)).ToList();
            bool[] models = parseResult.GetValue(noBaseline) ? [false] : [false, true];
            var rows = new List<SyncAccuracyRow>();
            foreach (var untrained in models)
            {
                var runs = seeds.Select(s =>
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    return benchmark.Evaluate(s, untrained, torchDevice);
                }).ToList();
                rows.AddRange(SyncAccuracyRow.FromRuns(untrained ? "random" : "avts", runs));
            }

            var report = new BenchmarkReport<SyncAccuracyRow>(
                "sync",
                $"{folder} ({benchmark.VideoCount} videos)",
                $"AVTS pretext: {SyncBenchmark.ClipsPerVideo} clip starts per video, each a positive, an easy negative (another video's audio) "
                    + $"and a hard negative (own audio 0.5-2.9 s away), in sync when the distance is under the threshold; offset = argmin over 10 ms shifts, "
                    + $"within ±40 ms of 0; weights {benchmark.WeightsPath}; seeds {seeds[0]}..{seeds[^1]}",
                rows,
                clock.Elapsed.TotalSeconds);
            output.Write(await BenchmarkJson.WriteAsync(report, parseResult.GetValue(json), parseResult.GetValue(format)!, SyncBenchTable.Format, cancellationToken)
                .ConfigureAwait(false));
            return 0;
        }, cancellationToken));
        return command;
    }
}
